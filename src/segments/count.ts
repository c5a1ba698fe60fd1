import { performance } from 'node:perf_hooks';
import { isCardwiseError } from '../core';
import type { Database, Queryable } from '../db';
import { compileRule, type CompiledRule } from './compile';
import type { CountResult } from './definition-schema';
import { contextStampSql, keptRuleContext, profileOf, ruleContext } from './rule-context';
import { prepareRule } from './validate';

/** The count of a compiled rule's members as a scalar subquery, and its parameters. */
function countQuery(compiled: CompiledRule): { sql: string; params: CompiledRule['params'] | undefined } {
  const params = Object.keys(compiled.params).length > 0 ? compiled.params : undefined;
  return { sql: `(SELECT count(*)::BIGINT FROM ${compiled.from} WHERE ${compiled.where})`, params };
}

/** Members of a compiled rule: one scan of the profile (DuckDB pushes simple comparisons into the scan). */
export async function countCompiled(session: Pick<Queryable, 'one'>, compiled: CompiledRule): Promise<number> {
  const { sql, params } = countQuery(compiled);
  const row = await session.one<{ n: number }>(`SELECT ${sql} AS n`, params);
  return row?.n ?? 0;
}

/**
 * The live count behind the segment builder: parse, check, compile and count in one go. A bad rule fails
 * with `expression_invalid` (position, reason, suggestion) before the profile is touched. The count runs
 * under the database's interactive time limit: a rule with behaviour windows scans transactions, and one
 * too broad fails with `query_timeout` instead of holding a connection for minutes.
 */
export async function countRule(db: Database, text: string): Promise<CountResult> {
  const started = performance.now();
  const kept = keptRuleContext(db);
  if (kept) {
    // Optimistic: compiled against the kept context and counted in the same statement that reads its stamp,
    // one round trip instead of two (~1 ms of the 20 ms budget). Anything off (the rule is unknown to the
    // kept catalogue, its SQL fails on a changed profile, or the stamp moved) redoes it with a fresh context.
    // A count stopped at the limit is the answer, not a reason to run it again.
    const counted = await countAgainst(db, text, kept).catch((error: unknown) => {
      if (isCardwiseError(error) && error.code === 'query_timeout') throw error;
      return undefined;
    });
    if (counted) return { ...counted, elapsedMs: elapsedSince(started) };
  }
  const context = await ruleContext(db);
  // The rule's own problems come first: a bad rule is reported the same with or without a profile.
  const prepared = prepareRule(text, context.catalog);
  const { info, total } = profileOf(context);
  const compiled = compileRule(prepared, info);
  // The total is kept with the context: only a refresh changes it.
  const count = await db.withTimeLimit((session) => countCompiled(session, compiled));
  return {
    count,
    total,
    share: total > 0 ? count / total : 0,
    elapsedMs: elapsedSince(started),
    asOf: info.asOf,
  };
}

const elapsedSince = (started: number) => Math.round((performance.now() - started) * 100) / 100;

/** The count against a kept context, or undefined when that context turns out not to be current. */
async function countAgainst(db: Database, text: string, kept: NonNullable<ReturnType<typeof keptRuleContext>>): Promise<Omit<CountResult, 'elapsedMs'> | undefined> {
  const { info, total } = profileOf(kept.context);
  const compiled = compileRule(prepareRule(text, kept.context.catalog), info);
  const { sql, params } = countQuery(compiled);
  const row = await db.withTimeLimit((session) =>
    session.one<{ stamp: string | null; n: number }>(`SELECT ${contextStampSql} AS stamp, ${sql} AS n`, params),
  );
  if (row?.stamp !== kept.stamp) return undefined;
  const count = Number(row.n);
  return { count, total, share: total > 0 ? count / total : 0, asOf: info.asOf };
}
