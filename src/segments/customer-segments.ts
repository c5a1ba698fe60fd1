import { evaluate, type ExprValue, type PreparedExpression } from '../core';
import type { Database, Row } from '../db';
import { compileRules } from './compile';
import type { Segment } from './definition-schema';
import { listSegments } from './definition-store';
import type { ProfileInfo } from './profile-store';
import { ruleContext, type RuleContext } from './rule-context';
import { prepareRule } from './validate';

// The segments one customer belongs to now, for the 360° view. Most rules read only tags, which are columns
// of the customer's profile row: those are evaluated by the expression language's reference interpreter on
// that row (the view reads it anyway), which property tests hold to the SQL a count runs, so membership
// here agrees with the segment's count. Rules with behaviour windows, the persona or a derived column are
// evaluated in SQL on the customer's row, in one query. At 1M customers with 27 segments, interpreting cost
// under a millisecond where the 27-rule point query cost ~15 ms.

/**
 * Each rule prepared and compiled once per context (catalogue and profile shape), or null when it is refused:
 * a tag since removed from the catalogue, or not in this profile.
 */
const usableByContext = new WeakMap<RuleContext, Map<string, PreparedExpression | null>>();

function usableRule(context: RuleContext, profile: ProfileInfo, rule: string): PreparedExpression | null {
  let byRule = usableByContext.get(context);
  if (!byRule) usableByContext.set(context, (byRule = new Map()));
  if (!byRule.has(rule)) {
    try {
      const prepared = prepareRule(rule, context.catalog);
      compileRules([prepared], profile); // refuses a rule whose tags are missing from this profile
      byRule.set(rule, prepared);
    } catch {
      byRule.set(rule, null);
    }
  }
  return byRule.get(rule) ?? null;
}

/** Whether the row alone answers the rule: no window, every name a column of the profile. */
function interpretable(rule: PreparedExpression, profile: ProfileInfo): boolean {
  return rule.dependencies.windows.length === 0 && rule.dependencies.identifiers.every((name) => profile.columns.has(name));
}

/** A profile value as the interpreter takes it (dates are already 'YYYY-MM-DD'; timestamps are not tags). */
function exprValue(value: unknown): ExprValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export interface CustomerSegmentsOptions {
  /** The customer's profile row when the caller has read it already (the 360° view has). */
  readonly profileRow?: Row | null;
}

/**
 * The segments a customer belongs to now. A rule that no longer compiles (a tag removed since) is left out
 * rather than failing the page; a customer missing from the profile belongs to none.
 */
export async function customerSegments(db: Database, customerId: string, options: CustomerSegmentsOptions = {}): Promise<Segment[]> {
  const [segments, context] = await Promise.all([listSegments(db), ruleContext(db)]);
  if (!context.profile.ok) return [];
  const profile = context.profile.info;
  const usable = segments.flatMap((segment) => {
    const rule = usableRule(context, profile, segment.rule);
    return rule ? [{ segment, rule }] : [];
  });
  if (usable.length === 0) return [];
  const row = options.profileRow !== undefined ? options.profileRow : await db.one<Row>('SELECT * FROM profile WHERE customer_id = $id', { id: customerId });
  if (!row) return [];
  const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, exprValue(v)]));
  const env = { values, ...(profile.asOf ? { asOf: profile.asOf } : {}) };
  const hits = new Set<string>();
  const inSql: typeof usable = [];
  for (const u of usable) {
    if (!interpretable(u.rule, profile)) inSql.push(u);
    else if (evaluate(u.rule.ast, env) === true) hits.add(u.segment.id);
  }
  if (inSql.length > 0) {
    const { from, wheres, params } = compileRules(inSql.map((u) => u.rule), profile);
    const answer = await db.one<{ hits: boolean[] }>(
      `SELECT [${wheres.map((w) => `coalesce(${w}, false)`).join(', ')}] AS hits FROM ${from} WHERE p.customer_id = $customer`,
      { ...params, customer: customerId },
    );
    inSql.forEach((u, i) => answer?.hits[i] === true && hits.add(u.segment.id));
  }
  return usable.filter((u) => hits.has(u.segment.id)).map((u) => u.segment);
}
