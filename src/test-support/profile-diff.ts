import { quoteIdent, type Database } from '../db';

/**
 * Compares two profile tables customer by customer: how many customers were compared and, per column, how
 * many differ. Used by the incremental refresh's test and by the tags bench at full scale.
 */
export async function profileDifferences(
  db: Database,
  left: string,
  right: string,
): Promise<{ compared: number; columns: Array<[string, number]> }> {
  const columns = await db.all<{ column_name: string }>(
    "SELECT column_name FROM duckdb_columns() WHERE table_name = $1 AND column_name <> 'customer_id' ORDER BY column_index",
    [left],
  );
  // Exactly, numbers too: sums are kept as exact decimals (tags/plan/state-set.ts), so a profile moved forward
  // by deltas has the very values a full refresh computes.
  const mismatch = columns.map(({ column_name: c }) => {
    const [a, b] = [`a.${quoteIdent(c)}`, `b.${quoteIdent(c)}`];
    return `count(*) FILTER (WHERE ${a} IS DISTINCT FROM ${b}) AS ${quoteIdent(c)}`;
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
