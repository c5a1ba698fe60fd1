import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { addDays } from '../../core';
import type { Database } from '../../db';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';
import { generatePortfolio } from '../generator/generate';
import { clusterTable } from './cluster-table';
import { tableLayouts } from './layout';

// Clustering re-sorts the rows that daily loads appended in time order back into customer order, keeping
// every row as it was. Checked on a generated portfolio whose last days arrive one load at a time.

const shanghaiDay = 'CAST(ts + INTERVAL 8 HOUR AS DATE)';
let store: Awaited<ReturnType<typeof tempStore>>;
let db: Database;

/** How often, in stored order, a row's customer sorts before the previous row's: 0 for one sorted run. */
async function customerOrderBreaks(): Promise<number> {
  const row = await db.one<{ n: number }>(
    'SELECT count(*) FILTER (WHERE customer_id < previous) AS n FROM (SELECT customer_id, lag(customer_id) OVER (ORDER BY rowid) AS previous FROM transactions)',
  );
  return Number(row?.n ?? -1);
}

async function clusteredThrough(): Promise<string | undefined> {
  return (await db.one<{ t: string }>("SELECT clustered_through::VARCHAR AS t FROM data_clustering WHERE table_name = 'transactions'"))?.t;
}

beforeAll(async () => {
  store = await tempStore();
  db = store.db;
  await generatePortfolio(db, { customers: 600, seed: 31, months: 14 });
}, 120_000);
afterAll(async () => {
  await db.close();
  rmSync(store.dir, { recursive: true, force: true });
});

describe('clustering a table by customer', () => {
  it('records the generated transactions as laid out for customer reads, through their latest row', async () => {
    const latest = await db.one<{ t: string }>('SELECT max(ts)::VARCHAR AS t FROM transactions');
    expect(await clusteredThrough()).toBe(latest?.t);
    // Batch by batch of customers, not sorted within a batch: a full clustering sorts them.
    expect(await customerOrderBreaks()).toBeGreaterThan(0);
  });

  it('re-sorts the days loaded in time order since the last clustering, and keeps every row', async () => {
    const lastDay = (await db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    const from = addDays(lastDay, -4);
    await db.run(`CREATE TABLE held AS SELECT * FROM transactions WHERE ${shanghaiDay} >= $1::DATE`, [from]);
    await db.run(`DELETE FROM transactions WHERE ${shanghaiDay} >= $1::DATE`, [from]);
    const full = await clusterTable(db, 'transactions', { full: true });
    expect(full).toMatchObject({ mode: 'full' });
    expect(await customerOrderBreaks()).toBe(0);

    // Five daily loads, each in the time order a bank's export comes in.
    for (let day = from; day <= lastDay; day = addDays(day, 1)) {
      await db.run(`INSERT INTO transactions SELECT * FROM held WHERE ${shanghaiDay} = $1::DATE ORDER BY ts`, [day]);
    }
    const loaded = await db.one<{ n: number }>('SELECT count(*) AS n FROM held');
    await db.run('CREATE TABLE before_clustering AS SELECT * FROM transactions');
    expect(await customerOrderBreaks()).toBeGreaterThan(100);
    // The data page's layout counts the rows loaded since the full clustering.
    const total = Number((await db.one<{ n: number }>('SELECT count(*) AS n FROM transactions'))?.n);
    const transactionsLayout = async () => (await tableLayouts(db)).find((l) => l.table === 'transactions');
    expect(await transactionsLayout()).toMatchObject({ rows: total, mode: 'full', tailRows: Number(loaded?.n) });

    const tail = await clusterTable(db, 'transactions');
    expect(tail).toMatchObject({ table: 'transactions', mode: 'tail', rows: Number(loaded?.n) });
    // One sorted run for the older rows, one for the tail: a single break where the tail begins.
    expect(await customerOrderBreaks()).toBe(1);
    const diff = await db.one<{ missing: number; extra: number }>(
      `SELECT (SELECT count(*) FROM (SELECT * FROM before_clustering EXCEPT ALL SELECT * FROM transactions)) AS missing,
              (SELECT count(*) FROM (SELECT * FROM transactions EXCEPT ALL SELECT * FROM before_clustering)) AS extra`,
    );
    expect(diff).toMatchObject({ missing: 0, extra: 0 });
    expect(await transactionsLayout()).toMatchObject({ rows: total, mode: 'tail', tailRows: 0, clusteredThrough: await clusteredThrough() });
    expect(await clusteredThrough()).toBe((await db.one<{ t: string }>('SELECT max(ts)::VARCHAR AS t FROM held'))?.t);

    // Nothing new: nothing moves.
    expect(await clusterTable(db, 'transactions')).toMatchObject({ mode: 'tail', rows: 0 });
    expect(await customerOrderBreaks()).toBe(1);
  });

  it('lists the tables with rows over time, a never-clustered one without a tail', async () => {
    const layouts = await tableLayouts(db);
    expect(layouts.map((l) => l.table)).toEqual(expect.arrayContaining(['transactions', 'statements', 'app_events', 'service_interactions', 'accounts']));
    expect(layouts.map((l) => l.table)).not.toContain('products');
    const statements = Number((await db.one<{ n: number }>('SELECT count(*) AS n FROM statements'))?.n);
    expect(statements).toBeGreaterThan(0);
    expect(layouts.find((l) => l.table === 'statements')).toMatchObject({ rows: statements, clusteredThrough: null, mode: null, tailRows: null });
  });

  it('refuses a table that is not in the contract or has no time to find new rows by', async () => {
    await expect(clusterTable(db, 'no_such_table')).rejects.toThrow(/no contract table named no_such_table/);
    await expect(clusterTable(db, 'products')).rejects.toThrow(/table products has no freshness column/);
  });

  it('runs from the command line, re-sorting the whole table with --full', async () => {
    await db.close();
    const run = await cardwise('cluster', '--db', store.path, '--table', 'transactions', '--full');
    expect([run.code, run.stderr.includes('Error')]).toEqual([0, false]);
    expect(run.stdout).toMatch(/^transactions: full clustering, [\d,]+ rows in customer order through \d{4}-\d\d-\d\d \d\d:\d\d:\d\d in [\d.]+ s$/m);
    db = await openStore(store.path, { connections: 1 });
    expect(await customerOrderBreaks()).toBe(0);
  });
});
