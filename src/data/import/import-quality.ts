import { quoteIdent, type Queryable } from '../../db';
import type { TableSpec } from '../contract/define';
import { freshnessOf, ruledColumns } from '../quality/measure-table';
import type { QualityCounts } from '../quality/report';
import type { Stage, TempNames } from './stage';

const q = quoteIdent;

/**
 * Cells the file filled per contract column, counted on the stage before validation lets the staged text go.
 */
export async function countFilled(session: Queryable, spec: TableSpec, stage: Stage): Promise<Map<string, number>> {
  const present = spec.columns.filter((c) => stage.columns.includes(c.name));
  if (present.length === 0) return new Map();
  const totals = await session.one<Record<string, number>>(
    `SELECT ${present.map((c, i) => `count(${q(c.name)}) AS c${i}`).join(', ')} FROM ${q(stage.relation)}`,
  );
  return new Map(present.map((c, i) => [c.name, totals?.[`c${i}`] ?? 0]));
}

/**
 * The quality of one import's own file, from the validation's temp tables: completeness counts the cells
 * the file filled, validity the filled cells that passed their type and value rules, uniqueness the
 * duplicate keys within the file, integrity the references the store could not resolve, and freshness
 * the latest value among the file's valid rows.
 */
export async function measureImport(
  session: Queryable,
  spec: TableSpec,
  stage: Stage,
  names: TempNames,
  asOf: string,
  filled: ReadonlyMap<string, number>,
): Promise<QualityCounts> {
  const nonNull = (name: string) => filled.get(name) ?? 0;
  const byField = await session.all<{ field: string | null; rule: string; n: number }>(
    `SELECT field, CASE WHEN rule IN ('type', 'date', 'enum', 'range', 'pattern') THEN 'value' ELSE rule END AS rule,
            count(DISTINCT _row) AS n
     FROM ${q(names.problems)} GROUP BY ALL`,
  );
  const failed = (field: string, rule: string) => byField.find((r) => r.field === field && r.rule === rule)?.n ?? 0;
  const keyField = spec.key.join(',');
  return {
    rows: stage.rows,
    completeness: spec.columns.map((c) => ({ column: c.name, required: c.required, nonNull: nonNull(c.name) })),
    validity: ruledColumns(spec).map((c) => ({
      column: c.name,
      checked: nonNull(c.name),
      valid: nonNull(c.name) - failed(c.name, 'value'),
    })),
    uniqueness: { key: spec.key, duplicateRows: failed(keyField, 'duplicate') },
    integrity: spec.columns
      .filter((c) => c.references)
      .map((c) => ({ column: c.name, references: c.references as string, checked: nonNull(c.name), orphans: failed(c.name, 'reference') })),
    freshness: await freshnessOf(session, spec, q(names.checked), asOf, 'WHERE _problems IS NULL'),
  };
}
