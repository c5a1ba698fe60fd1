import { quoteIdent, quoteLiteral, type Database } from '../db';

// A bank's transaction volume without writing it: the contract's `transactions` table is replaced by a view
// that generates `rows` of them on demand. Every query that reads them really scans that many rows (10^9 is
// over a minute on one thread), so a time-limit test interrupts genuinely heavy work in a store set up in
// milliseconds. Columns follow the contract table they replace; the ones no test reads are NULL.

export interface GeneratedTransactions {
  readonly rows: number;
  /** Customers C1 … Cn share the rows round-robin. */
  readonly customers: number;
  /** Every transaction is a travel purchase in the 80 days before this date ('YYYY-MM-DD'). */
  readonly asOf: string;
}

export async function replaceTransactionsWithGenerated(
  db: Database,
  spec: GeneratedTransactions,
): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(spec.asOf)) throw new Error(`not a date: ${spec.asOf}`);
  const n = `(range % ${Math.trunc(spec.customers)} + 1)`;
  const known: Record<string, string> = {
    txn_id: `'T' || range`,
    account_id: `'A' || ${n}`,
    customer_id: `'C' || ${n}`,
    ts: `CAST(${quoteLiteral(spec.asOf)} AS TIMESTAMP) - to_minutes(range % ${80 * 1440})`,
    amount: '100 + range % 900',
    currency: `'CNY'`,
    category: `'travel'`,
    channel: `'online'`,
    is_overseas: 'false',
  };
  const columns = await db.all<{ name: string; type: string }>(
    "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE table_name = 'transactions' ORDER BY column_index",
  );
  const select = columns.map((c) => `CAST(${known[c.name] ?? 'NULL'} AS ${c.type}) AS ${quoteIdent(c.name)}`);
  await db.run('DROP TABLE transactions');
  await db.run(
    `CREATE VIEW transactions AS SELECT ${select.join(', ')} FROM range(${Math.trunc(spec.rows)})`,
  );
}
