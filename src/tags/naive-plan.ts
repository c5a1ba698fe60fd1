import { quoteIdent } from '../db';
import { builtinTags } from './library';
import { duckdbEnv } from './plan/env';
import { windowCondition } from './plan/window';
import { txnRawSelect } from './sources';
import { resolveCatalogue } from './validate';

/**
 * The baseline the refresh is measured against (bench/tags.bench.ts): every built-in transaction tag as one
 * FILTER aggregate in one GROUP BY customer_id over the raw rows, the way one would write it by hand.
 */
export function naiveTxnRefreshSql(asOf: string): { sql: string; tags: number } {
  const env = duckdbEnv(asOf);
  const items: string[] = [];
  for (const tag of resolveCatalogue([...builtinTags])) {
    if (tag.kind !== 'dynamic' || tag.def.spec.kind !== 'dynamic' || tag.def.spec.source !== 'txn') continue;
    const spec = tag.def.spec;
    const whole = windowCondition(asOf, spec.window, spec.lag);
    const conds = [whole, tag.filter ? env.compile(tag.filter, quoteIdent) : undefined].filter(Boolean);
    const filter = conds.length ? ` FILTER (WHERE ${conds.join(' AND ')})` : '';
    const agg: Record<string, string> = {
      count: 'count(*)',
      sum: 'sum(amount)',
      avg: 'avg(amount)',
      max: 'max(amount)',
      min: 'min(amount)',
      days_since: 'max(day)',
      distinct_months: "count(DISTINCT date_trunc('month', day))",
      last: 'max(amount)',
      top: `mode(${quoteIdent(spec.field ?? 'category')})`,
    };
    const item =
      spec.aggregate === 'share'
        ? `sum(amount)${filter} / nullif(sum(amount)${whole ? ` FILTER (WHERE ${whole})` : ''}, 0)`
        : `${agg[spec.aggregate] ?? 'count(*)'}${filter}`;
    items.push(`${item} AS ${quoteIdent(tag.def.code)}`);
  }
  return { sql: `SELECT customer_id, ${items.join(', ')} FROM (${txnRawSelect}) WHERE day <= DATE '${asOf}' GROUP BY customer_id`, tags: items.length };
}
