// Import throughput: `cardwise import` of a synthetic transactions CSV (with its customers, accounts and
// products loaded first) against DuckDB's own CREATE TABLE AS SELECT * FROM read_csv(...) of the same file,
// measured in the same run on the same machine. The ratio is the price of the contract: typing every
// column, the rule checks, the foreign-key and duplicate-key joins, rejects and the import log.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/app';
import { importFile } from '../src/data';
import { quoteLiteral, type Database } from '../src/db';

export const name = 'import';

const sizes = {
  small: { transactions: 1_000_000, customers: 20_000 },
  full: { transactions: 10_000_000, customers: 200_000 },
} as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** Writes the four CSV files with DuckDB (deterministic: hash() of the row number, no randomness). */
async function writeFiles(db: Database, dir: string, customers: number, transactions: number): Promise<void> {
  const file = (n: string) => quoteLiteral(join(dir, n));
  await db.run(`COPY (SELECT * FROM (VALUES ('P-CLASSIC', '标准卡', 'Classic', 'classic', 'none', 0), ('P-GOLD', '金卡', 'Gold', 'gold', 'none', 300))
    AS p(product_code, name_zh, name_en, tier, cobrand, annual_fee)) TO ${file('products.csv')} (HEADER)`);
  await db.run(`COPY (SELECT 'C' || i AS customer_id, ['M', 'F'][1 + i % 2] AS gender,
      DATE '1960-01-01' + (hash(i) % 15000)::INTEGER AS birth_date, 1 + i % 5 AS city_tier,
      DATE '2015-01-01' + (hash(i + 1) % 3000)::INTEGER AS customer_since
    FROM range(${customers}) t(i)) TO ${file('customers.csv')} (HEADER)`);
  // One account per customer plus a second one for every third customer.
  await db.run(`COPY (SELECT 'A' || i AS account_id, 'C' || (i % ${customers}) AS customer_id,
      ['P-CLASSIC', 'P-GOLD'][1 + i % 2] AS product_code, 10000 + (i % 20) * 5000 AS credit_limit,
      DATE '2016-01-01' + (hash(i) % 2500)::INTEGER AS opened_at, 'active' AS status, 1 + i % 28 AS statement_day
    FROM range(${Math.floor(customers * 1.33)}) t(i)) TO ${file('accounts.csv')} (HEADER)`);
  const accounts = Math.floor(customers * 1.33);
  // About one row in a thousand is broken (an amount that is not a number), as real extracts are.
  await db.run(`COPY (SELECT 'T' || i AS txn_id, 'A' || a AS account_id, 'C' || (a % ${customers}) AS customer_id,
      TIMESTAMP '2024-01-01' + to_seconds((hash(i) % 31536000)::BIGINT) AS ts,
      CASE WHEN i % 1000 = 999 THEN 'n/a' ELSE ((hash(i + 7) % 500000) / 100.0)::VARCHAR END AS amount,
      'CNY' AS currency, ['5812', '5411', '5541', '4511', '5311', '5732', '7011', '5912'][1 + (hash(i) % 8)::INTEGER] AS mcc,
      'merchant ' || (hash(i + 3) % 5000) AS merchant, ['online', 'offline', 'mobile', 'qr'][1 + i % 4] AS channel,
      i % 50 = 0 AS is_overseas, CASE WHEN i % 50 = 0 THEN 'JP' ELSE 'CN' END AS country, 0 AS installment_months
    FROM (SELECT i, hash(i + 11) % ${accounts} AS a FROM range(${transactions}) t(i))) TO ${file('transactions.csv')} (HEADER)`);
}

/** Undoes a transactions import, so the next timed run starts from the same state. */
async function forgetTransactions(db: Database): Promise<void> {
  await db.run('DELETE FROM transactions');
  await db.run("DELETE FROM import_rejects WHERE import_id IN (SELECT id FROM imports WHERE table_name = 'transactions')");
  await db.run("DELETE FROM quality_reports WHERE table_name = 'transactions'");
  await db.run("DELETE FROM imports WHERE table_name = 'transactions'");
  await db.run('CHECKPOINT');
}

export async function run(options: { scale: 'full' | 'small' }): Promise<void> {
  const size = sizes[options.scale];
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-bench-import-'));
  const db = await openStore(join(dir, 'bench.duckdb'));
  try {
    const written = await timed(() => writeFiles(db, dir, size.customers, size.transactions));
    const csv = join(dir, 'transactions.csv');
    process.stdout.write(
      `files: ${size.transactions.toLocaleString('en-US')} transactions (${(statSync(csv).size / 1e6).toFixed(0)} MB) written in ${seconds(written.ms)}\n`,
    );
    for (const table of ['products', 'customers', 'accounts']) {
      await importFile(db, { table, file: join(dir, `${table}.csv`) });
    }
    // Read once untimed so that the timed runs find the file in the page cache. The machine is shared, so at
    // the small scale each side runs twice and the faster run counts.
    await db.run('SELECT count(*) FROM read_csv($path)', { path: csv });
    const reps = options.scale === 'small' ? 2 : 1;
    let baseline = Infinity;
    let imported: { ms: number; result: Awaited<ReturnType<typeof importFile>> } | undefined;
    for (let rep = 0; rep < reps; rep += 1) {
      const base = await timed(() => db.run('CREATE TABLE baseline_transactions AS SELECT * FROM read_csv($path)', { path: csv }));
      baseline = Math.min(baseline, base.ms);
      await db.run('DROP TABLE baseline_transactions');
      if (imported) await forgetTransactions(db);
      const run = await timed(() => importFile(db, { table: 'transactions', file: csv }));
      if (!imported || run.ms < imported.ms) imported = run;
    }
    if (!imported) return;
    const again = await timed(() => importFile(db, { table: 'transactions', file: csv }));
    const r = imported.result;
    process.stdout.write(`duckdb read_csv → table (baseline): ${seconds(baseline)}  ${perSecond(size.transactions, baseline)}\n`);
    process.stdout.write(
      `cardwise import:                   ${seconds(imported.ms)}  ${perSecond(size.transactions, imported.ms)}  ` +
        `(imported ${r.rowsImported.toLocaleString('en-US')}, rejected ${r.rowsRejected.toLocaleString('en-US')})\n`,
    );
    process.stdout.write(`ratio cardwise / baseline:         ${(imported.ms / baseline).toFixed(2)}×\n`);
    process.stdout.write(
      `re-import of the same file:        ${seconds(again.ms)}  (${again.result.alreadyImported ? 'nothing changed' : 'CHANGED'}, ` +
        `${(again.ms / baseline).toFixed(2)}× baseline)\n`,
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
