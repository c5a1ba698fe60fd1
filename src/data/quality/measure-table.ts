import { quoteIdent, type Queryable } from '../../db';
import type { ColumnSpec, TableSpec } from '../contract/define';
import { valueChecks } from '../import/column-checks';
import type { QualityCounts } from './report';

const q = quoteIdent;

/** Columns the validity dimension measures: any with a rule beyond being text. */
export function ruledColumns(spec: TableSpec): ColumnSpec[] {
  return spec.columns.filter((c) => c.type !== 'varchar' || c.values || c.min !== undefined || c.max !== undefined || c.pattern);
}

/** The Shanghai calendar day of the freshness column's latest value (timestamps are stored UTC). */
export function latestDaySql(spec: TableSpec, relation: string, where = ''): string | undefined {
  const column = spec.columns.find((c) => c.name === spec.freshness);
  if (!column) return undefined;
  const value = column.type === 'timestamp' ? `max(${q(column.name)}) + INTERVAL 8 HOUR` : `max(${q(column.name)})`;
  return `SELECT strftime(CAST(${value} AS DATE), '%Y-%m-%d') AS latest FROM ${relation} ${where}`;
}

export async function freshnessOf(
  session: Queryable,
  spec: TableSpec,
  relation: string,
  asOf: string,
  where = '',
): Promise<QualityCounts['freshness']> {
  const sql = latestDaySql(spec, relation, where);
  if (!sql || !spec.freshness) return null;
  const row = await session.one<{ latest: string | null }>(sql);
  const latest = row?.latest ?? null;
  const lagDays = latest === null ? null : Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${latest}T00:00:00Z`)) / 86_400_000);
  return { column: spec.freshness, latest, lagDays };
}

/**
 * Measures what a table holds now. Type validity is given by the column types, so validity here is the
 * share of non-null values that pass the contract's enum, range and pattern rules.
 */
export async function measureTable(session: Queryable, spec: TableSpec, asOf: string): Promise<QualityCounts> {
  const t = q(spec.name);
  const ruled = ruledColumns(spec);
  const aggregates = [
    'count(*) AS n',
    ...spec.columns.map((c, i) => `count(${q(c.name)}) AS c${i}`),
    ...ruled.map((c, i) => {
      const fails = valueChecks(c, q(c.name)).map((k) => `(${k.condition})`);
      // sum(CASE …) rather than FILTER: measurably cheaper in DuckDB over large tables (NOTES-platform.md).
      return `sum(CASE WHEN ${fails.length > 0 ? fails.join(' OR ') : 'false'} THEN 1 ELSE 0 END)::BIGINT AS v${i}`;
    }),
  ];
  const totals = (await session.one<Record<string, number>>(`SELECT ${aggregates.join(', ')} FROM ${t}`)) ?? {};
  const rows = totals.n ?? 0;
  const keys = spec.key.map((k) => q(k)).join(', ');
  const dup = await session.one<{ n: number }>(
    `SELECT coalesce(sum(n - 1), 0)::BIGINT AS n FROM (SELECT count(*) AS n FROM ${t} GROUP BY ${keys} HAVING count(*) > 1)`,
  );
  const integrity = [];
  for (const c of spec.columns.filter((col) => col.references)) {
    const [table, key] = (c.references as string).split('.') as [string, string];
    const row = await session.one<{ checked: number; orphans: number }>(
      `SELECT count(${q(c.name)}) AS checked,
              count(*) FILTER (WHERE ${q(c.name)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${q(table)} r WHERE r.${q(key)} = x.${q(c.name)})) AS orphans
       FROM ${t} x`,
    );
    integrity.push({ column: c.name, references: c.references as string, checked: row?.checked ?? 0, orphans: row?.orphans ?? 0 });
  }
  return {
    rows,
    completeness: spec.columns.map((c, i) => ({ column: c.name, required: c.required, nonNull: totals[`c${i}`] ?? 0 })),
    validity: ruled.map((c, i) => {
      const checked = totals[`c${spec.columns.indexOf(c)}`] ?? 0;
      return { column: c.name, checked, valid: checked - (totals[`v${i}`] ?? 0) };
    }),
    uniqueness: { key: spec.key, duplicateRows: dup?.n ?? 0 },
    integrity,
    freshness: await freshnessOf(session, spec, t, asOf),
  };
}
