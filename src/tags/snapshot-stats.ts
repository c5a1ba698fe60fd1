import { quoteIdent, type Queryable } from '../db';
import type { Buckets, TagDefinition } from './definition-schema';
import { bucketLabels } from './plan/planner';

// Per-tag statistics of one profile (coverage, mean, distribution) in a single scan: a histogram per
// enum/boolean tag, a band histogram per number tag with buckets, deciles for the other numbers.

export type Distribution =
  | { readonly kind: 'values' | 'bands'; readonly items: Array<{ readonly label: string; readonly count: number }> }
  | { readonly kind: 'quantiles'; readonly quantiles: number[] }
  | { readonly kind: 'none' };

export interface TagStats {
  readonly tag: string;
  readonly coverage: number;
  readonly mean: number | null;
  readonly distribution: Distribution;
}

/** The band index of a value: 0 below the first edge, edges.length at or above the last. */
export function bandSql(column: string, buckets: Buckets): string {
  const arms = buckets.edges.map((edge, i) => `WHEN ${column} < ${Number(edge)} THEN ${i}`).join(' ');
  return `CASE WHEN ${column} IS NULL THEN NULL ${arms} ELSE ${buckets.edges.length} END`;
}

const deciles = '[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]';

function distributionSql(def: TagDefinition, column: string): string | undefined {
  if (def.type === 'enum' || def.type === 'boolean') return `to_json(histogram(${column}::VARCHAR))::VARCHAR`;
  if (def.type !== 'number') return undefined;
  if (def.buckets) return `to_json(histogram(${bandSql(column, def.buckets)}))::VARCHAR`;
  return `to_json(quantile_cont(${column}, ${deciles}))::VARCHAR`;
}

function parseDistribution(def: TagDefinition, json: string | null | undefined): Distribution {
  if (json === undefined) return { kind: 'none' };
  if (def.type === 'number' && !def.buckets) return { kind: 'quantiles', quantiles: json ? (JSON.parse(json) as number[]) : [] };
  const counts = json ? (JSON.parse(json) as Record<string, number>) : {};
  if (def.type === 'number' && def.buckets) {
    const labels = bucketLabels(def.buckets);
    return { kind: 'bands', items: labels.map((label, i) => ({ label, count: counts[String(i)] ?? 0 })) };
  }
  const order = def.values ?? [];
  const items = Object.entries(counts)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => (order.indexOf(a.label) - order.indexOf(b.label)) || b.count - a.count);
  return { kind: 'values', items };
}

/** Statistics of every tag in `defs` over `from`: a quoted table (the profile, a snapshot) or a subquery. */
export async function computeStats(db: Queryable, from: string, defs: readonly TagDefinition[]): Promise<TagStats[]> {
  const items = ['count(*) AS n'];
  defs.forEach((def, i) => {
    const column = quoteIdent(def.code);
    items.push(`count(${column}) AS c${i}`);
    if (def.type === 'number') items.push(`avg(${column})::DOUBLE AS m${i}`);
    const dist = distributionSql(def, column);
    if (dist) items.push(`${dist} AS d${i}`);
  });
  const row = (await db.one<Record<string, number | string | null>>(`SELECT ${items.join(', ')} FROM ${from}`)) ?? {};
  const n = Number(row.n ?? 0);
  return defs.map((def, i) => ({
    tag: def.code,
    coverage: n > 0 ? Number(row[`c${i}`] ?? 0) / n : 0,
    mean: def.type === 'number' && row[`m${i}`] !== null && row[`m${i}`] !== undefined ? Number(row[`m${i}`]) : null,
    distribution: parseDistribution(def, `d${i}` in row ? (row[`d${i}`] as string | null) : undefined),
  }));
}
