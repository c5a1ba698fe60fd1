import { performance } from 'node:perf_hooks';
import type { Database, Queryable } from '../db';
import { compileRule, type CompiledRule } from './compile';
import type { CountResult } from './definition-schema';
import { profileOf, ruleContext } from './rule-context';
import { prepareRule } from './validate';

/** Members of a compiled rule: one scan of the profile (DuckDB pushes simple comparisons into the scan). */
export async function countCompiled(session: Pick<Queryable, 'one'>, compiled: CompiledRule): Promise<number> {
  const params = Object.keys(compiled.params).length > 0 ? compiled.params : undefined;
  const row = await session.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${compiled.from} WHERE ${compiled.where}`, params);
  return row?.n ?? 0;
}

/**
 * The live count behind the segment builder: parse, check, compile and count in one go. A bad rule fails
 * with `expression_invalid` (position, reason, suggestion) before the profile is touched.
 */
export async function countRule(db: Database, text: string): Promise<CountResult> {
  const started = performance.now();
  const context = await ruleContext(db);
  // The rule's own problems come first: a bad rule is reported the same with or without a profile.
  const prepared = prepareRule(text, context.catalog);
  const { info, total } = profileOf(context);
  const compiled = compileRule(prepared, info);
  // The total is kept with the context: only a refresh changes it.
  const count = await countCompiled(db, compiled);
  return {
    count,
    total,
    share: total > 0 ? count / total : 0,
    elapsedMs: Math.round((performance.now() - started) * 100) / 100,
    asOf: info.asOf,
  };
}
