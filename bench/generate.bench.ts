import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/app';
import { generatePortfolio } from '../src/data';

// Generator throughput. The baseline, measured in the same run on the same machine, is the cheapest way
// DuckDB can write the same number of synthetic transaction rows: one CREATE TABLE AS over range() with a
// few hash() columns. The ratio generator/baseline is what to watch; the 1M-customer run is also compared
// with its target of 10 minutes on 2 cores.

export const name = 'generate';

const targetSeconds = 600;
const threads = 2;

async function baselineSeconds(path: string, rows: number): Promise<number> {
  const db = await openStore(path, { threads, connections: 1 });
  try {
    const started = Date.now();
    await db.run(`CREATE TABLE baseline AS
      SELECT 'T' || lpad(i::VARCHAR, 10, '0') AS txn_id, 'A' || (hash(i) % 2000000)::VARCHAR AS account_id,
        'C' || (hash(i) % 1000000)::VARCHAR AS customer_id,
        TIMESTAMP '2025-05-01' + to_seconds((hash(i, 1) % 47000000)::BIGINT) AS ts,
        ((hash(i, 2) % 100000) / 100)::DECIMAL(18,2) AS amount, (hash(i, 3) % 10000)::VARCHAR AS mcc
      FROM range(${Math.trunc(rows)}) t(i)`);
    await db.run('CHECKPOINT');
    return (Date.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

export async function run(options: { scale: 'full' | 'small' }): Promise<void> {
  const customers = options.scale === 'full' ? 1_000_000 : 50_000;
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-bench-generate-'));
  const print = (line: string): boolean => process.stdout.write(`${line}\n`);
  try {
    const db = await openStore(join(dir, 'portfolio.duckdb'), { threads, connections: 1, memoryLimit: '8GB' });
    let result;
    try {
      result = await generatePortfolio(db, { customers, seed: 1 }, (e) => {
        if (e.done === e.total) print(`  … ${e.phase} done`);
      });
    } finally {
      await db.close();
    }
    const transactions = result.counts.transactions ?? 0;
    const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
    const baseline = await baselineSeconds(join(dir, 'baseline.duckdb'), transactions);
    print(`generate: ${customers.toLocaleString('en-US')} customers, ${threads} threads`);
    print(`  total time        ${result.seconds.toFixed(1)} s`);
    print(`  transactions      ${transactions.toLocaleString('en-US')} (${Math.round(transactions / result.seconds).toLocaleString('en-US')} rows/s)`);
    print(`  all tables        ${rows.toLocaleString('en-US')} rows (${Math.round(rows / result.seconds).toLocaleString('en-US')} rows/s)`);
    print(`  baseline CTAS     ${baseline.toFixed(1)} s for the same ${transactions.toLocaleString('en-US')} rows from range() + hash()`);
    print(`  ratio             ${(result.seconds / baseline).toFixed(1)}× the baseline`);
    if (options.scale === 'full') {
      const verdict = result.seconds <= targetSeconds ? 'within' : 'OVER';
      print(`  target            ${verdict} the ${targetSeconds / 60}-minute target (${((result.seconds / targetSeconds) * 100).toFixed(0)}%)`);
    } else {
      print(`  1M estimate       ~${((result.seconds * 20) / 60).toFixed(1)} min at this rate (target ${targetSeconds / 60} min; run --full to measure)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
