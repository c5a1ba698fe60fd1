import { quoteIdent, type Database } from '../db';

/**
 * Compares two profile tables customer by customer: how many customers were compared and, per column, how
 * many differ (numbers within one part in a million, for sums kept by delta; everything else exactly).
 * Used by the incremental refresh's test and by the tags bench at full scale.
 */
export async function profileDifferences(
  db: Database,
  left: string,
  right: string,
): Promise<{ compared: number; columns: Array<[string, number]> }> {
  const columns = await db.all<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND column_name <> 'customer_id' ORDER BY column_index",
    [left],
  );
  const mismatch = columns.map(({ column_name: c, data_type: t }) => {
    const [a, b] = [`a.${quoteIdent(c)}`, `b.${quoteIdent(c)}`];
    const same =
      t === 'DOUBLE'
        ? `(${a} IS NULL AND ${b} IS NULL) OR abs(${a} - ${b}) <= 1e-6 * greatest(1, abs(${a}))`
        : `${a} IS NOT DISTINCT FROM ${b}`;
    return `count(*) FILTER (WHERE NOT coalesce(${same}, false)) AS ${quoteIdent(c)}`;
  });
  const diff = await db.one<Record<string, number | bigint>>(
    `SELECT count(*) AS rows_compared, ${mismatch.join(', ')} FROM ${quoteIdent(left)} a FULL JOIN ${quoteIdent(right)} b USING (customer_id)`,
  );
  const { rows_compared: compared, ...perColumn } = diff ?? {};
  return {
    compared: Number(compared ?? 0),
    columns: Object.entries(perColumn)
      .map(([c, n]) => [c, Number(n)] as [string, number])
      .filter(([, n]) => n > 0),
  };
}
