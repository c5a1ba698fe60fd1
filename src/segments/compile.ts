import { compileExpression, dialectFor, fail, type PreparedExpression } from '../core';
import { quoteIdent, type SqlValue } from '../db';
import { derivedColumns } from './derived-columns';
import type { ProfileInfo } from './profile-store';

/** A rule as SQL over the profile: `SELECT … FROM ${from} WHERE ${where}` with `params` bound. */
export interface CompiledRule {
  /** The profile as `p` (with derived columns when needed) and any joins the rule reads through. */
  readonly from: string;
  readonly where: string;
  /** `{ asof }` when the rule reads windows, as_of() or age(); nothing otherwise (DuckDB refuses unused names). */
  readonly params: Readonly<Record<string, SqlValue>>;
  /** Tag codes the rule reads, for export columns. */
  readonly tags: readonly string[];
  readonly tagSql: Readonly<Record<string, string>>;
}

const alias = 'p';
const personaJoin = 'LEFT JOIN customer_personas AS cp ON cp.customer_id = p.customer_id';

function missingTag(name: string): never {
  return fail(
    'bad_request',
    `标签 ${name} 还不在客户画像中：请先运行 cardwise tags refresh`,
    `tag ${name} is not in the profile yet: run \`cardwise tags refresh\``,
    { tag: name },
  );
}

/** Several rules over one relation (overlap evaluates them in the same scan). */
export interface CompiledRules {
  readonly from: string;
  readonly wheres: readonly string[];
  readonly params: Readonly<Record<string, SqlValue>>;
  readonly tags: readonly string[];
  /** SQL reading each tag in `tags`, for exports that show why a customer qualifies. */
  readonly tagSql: Readonly<Record<string, string>>;
}

/**
 * Compiles checked rules against the current profile. Names become quoted columns of `p`; `persona` reads the
 * clustering's assignment table; RFM scores missing from the profile are derived with ntile in a subquery.
 * Behaviour windows use the expression language's default correlated subquery, bounded by the bound as-of.
 */
export function compileRules(rules: readonly PreparedExpression[], profile: ProfileInfo): CompiledRules {
  const tags = [...new Set(rules.flatMap((r) => r.dependencies.identifiers))].sort();
  const derived: string[] = [];
  let joinsPersona = false;
  for (const name of tags) {
    if (profile.columns.has(name)) continue;
    if (name === 'persona') {
      joinsPersona = true;
      continue;
    }
    const column = derivedColumns[name];
    if (!column) missingTag(name);
    column.reads.filter((read) => !profile.columns.has(read)).forEach(missingTag);
    derived.push(`${column.sql} AS ${quoteIdent(name)}`);
  }
  const usesAsOf = rules.some((r) => r.dependencies.usesAsOf);
  if (usesAsOf && profile.asOf === null) {
    fail('bad_request', '客户画像没有数据截止日，无法计算时间窗口', 'the profile has no as-of date, so windows, as_of() and age() cannot be evaluated');
  }
  const resolve = (name: string) => (name === 'persona' && joinsPersona ? 'cp."persona"' : `${alias}.${quoteIdent(name)}`);
  const context = {
    dialect: dialectFor(profile.engine),
    resolveIdentifier: resolve,
    customerIdSql: `${alias}."customer_id"`,
    asOf: { parameter: '$asof' },
  };
  const wheres = rules.map((r) => compileExpression(r.ast, context));
  const relation = derived.length > 0 ? `(SELECT *, ${derived.join(', ')} FROM profile)` : 'profile';
  const from = `${relation} AS ${alias}${joinsPersona ? ` ${personaJoin}` : ''}`;
  const tagSql = Object.fromEntries(tags.map((name) => [name, resolve(name)]));
  return { from, wheres, params: usesAsOf ? { asof: profile.asOf } : {}, tags, tagSql };
}

export function compileRule(prepared: PreparedExpression, profile: ProfileInfo): CompiledRule {
  const { wheres, ...rest } = compileRules([prepared], profile);
  return { ...rest, where: wheres[0] as string };
}
