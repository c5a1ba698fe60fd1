import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { addDays } from '../core';
import { generatePortfolio } from '../data';
import type { Database } from '../db';
import { profileDifferences } from '../test-support/profile-diff';
import { refreshProfile } from './refresh';

// Incremental must equal full: refresh on data cut at a day, append the rest, refresh incrementally (the
// kept states move forward by delta) and compare row by row with a full refresh of the same data; then a
// late row for a day already counted must be noticed.
describe('incremental refresh on a generated portfolio', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  const shanghaiDay = 'CAST(ts + INTERVAL 8 HOUR AS DATE)';

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await generatePortfolio(db, { customers: 1500, seed: 11, months: 14 });
  }, 600_000);
  afterAll(async () => store.cleanup());

  /** Compares the profile just refreshed incrementally with a full refresh of the same data, row by row. */
  async function expectSameAsFull(asOf: string): Promise<void> {
    await db.run('CREATE OR REPLACE TABLE profile_incremental AS SELECT * FROM profile');
    const full = await refreshProfile(db, { snapshot: false });
    expect(full.asOf).toBe(asOf);
    const diff = await profileDifferences(db, 'profile', 'profile_incremental');
    expect(diff.compared).toBe(1500);
    expect(diff.columns).toEqual([]);
  }

  /** Each day-ordered copy holds exactly the rows of its days, no more and no fewer. */
  async function expectSameCopy(): Promise<void> {
    const copies = [
      {
        relation: 'txn',
        rows: `SELECT customer_id, ts, amount::DOUBLE AS amount, category, channel FROM transactions WHERE ${shanghaiDay} BETWEEN $1::DATE AND $2::DATE`,
        copy: 'SELECT customer_id, ts, amount, category, channel FROM tag_days_txn',
      },
      {
        relation: 'statement',
        rows: `SELECT a.customer_id, s.statement_date AS day, s.balance::DOUBLE AS balance, s.interest::DOUBLE AS interest, s.overdue_days
          FROM statements s JOIN accounts a ON a.account_id = s.account_id WHERE s.statement_date BETWEEN $1::DATE AND $2::DATE`,
        copy: 'SELECT customer_id, day, balance, interest, overdue_days FROM tag_days_statement',
      },
    ];
    for (const { relation, rows, copy } of copies) {
      const held = await db.one<{ from_day: string; through_day: string }>('SELECT from_day, through_day FROM tag_day_index WHERE relation = $1', [relation]);
      if (!held) throw new Error(`no day-ordered copy of ${relation} was kept`);
      const diff = await db.one<{ missing: number; extra: number; n: number }>(
        `SELECT (SELECT count(*) FROM (${rows} EXCEPT ALL ${copy})) AS missing, (SELECT count(*) FROM (${copy} EXCEPT ALL ${rows})) AS extra,
           (SELECT count(*) FROM (${copy})) AS n`,
        [held.from_day, held.through_day],
      );
      expect(diff, relation).toMatchObject({ missing: 0, extra: 0 });
      expect(diff?.n, relation).toBeGreaterThan(1000);
    }
  }

  it('gives the same profile as a full refresh', async () => {
    const asOf = (await db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    const cut = addDays(asOf, -40);
    for (const table of ['transactions', 'app_events', 'statements']) {
      const day = table === 'statements' ? 'statement_date' : shanghaiDay;
      await db.run(`CREATE TABLE held_${table} AS SELECT * FROM ${table} WHERE ${day} > $1::DATE`, [cut]);
      await db.run(`DELETE FROM ${table} WHERE ${day} > $1::DATE`, [cut]);
    }
    const first = await refreshProfile(db, { snapshot: false });
    expect(first.asOf).toBe(cut);

    for (const table of ['transactions', 'app_events', 'statements']) await db.run(`INSERT INTO ${table} SELECT * FROM held_${table}`);
    const incremental = await refreshProfile(db, { incremental: true, snapshot: false });
    expect(incremental.asOf).toBe(asOf);
    expect(incremental.passes.filter((p) => p.mode === 'delta').map((p) => p.id).sort()).toEqual(['bureau_history', 'event', 'event_history', 'interaction', 'statement', 'txn', 'txn_history']);
    // The first incremental refresh builds the day-ordered copy; the days leaving its windows lie before it.
    expect(incremental.dayIndexes).toMatchObject([
      { relation: 'txn', mode: 'built' },
      { relation: 'statement', mode: 'built' },
    ]);
    expect(incremental.passes.find((p) => p.id === 'txn')?.movedFrom).toBe('table');
    expect(incremental.passes.find((p) => p.id === 'statement')?.movedFrom).toBe('table');
    await expectSameCopy();
    await expectSameAsFull(asOf);

    // A late arrival for a day already counted is noticed, and the pass is recomputed rather than moved.
    await db.run(
      `INSERT INTO transactions SELECT 'LATE-1', account_id, customer_id, ts - INTERVAL 10 DAY, 777.00, currency, mcc, category,
         merchant, channel, is_overseas, country, installment_months FROM transactions ORDER BY ts DESC, txn_id LIMIT 1`,
    );
    const late = await refreshProfile(db, { incremental: true, snapshot: false });
    expect(late.passes.find((p) => p.id === 'txn')).toMatchObject({ mode: 'full', reason: 'rows changed on days already counted' });
    // Only the transactions changed: their copy is rebuilt, the statements' is left as it was.
    expect(late.dayIndexes).toMatchObject([
      { relation: 'txn', mode: 'rebuilt', reason: 'rows changed on days already copied' },
      { relation: 'statement', mode: 'current' },
    ]);
    await expectSameCopy();
    await expectSameAsFull(asOf);
  }, 600_000);

  it('gives the same profile day after day, as extremes leave their windows and new ones enter', async () => {
    const asOf = (await db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    const cut = addDays(asOf, -4);
    for (const table of ['transactions', 'app_events', 'statements']) {
      const day = table === 'statements' ? 'statement_date' : shanghaiDay;
      await db.run(`CREATE OR REPLACE TABLE held_${table} AS SELECT * FROM ${table} WHERE ${day} > $1::DATE`, [cut]);
      await db.run(`DELETE FROM ${table} WHERE ${day} > $1::DATE`, [cut]);
    }
    await refreshProfile(db, { snapshot: false });
    for (let day = addDays(cut, 1); day <= asOf; day = addDays(day, 1)) {
      for (const table of ['transactions', 'app_events', 'statements']) {
        const column = table === 'statements' ? 'statement_date' : shanghaiDay;
        await db.run(`INSERT INTO ${table} SELECT * FROM held_${table} WHERE ${column} = $1::DATE`, [day]);
      }
      const moved = await refreshProfile(db, { incremental: true, snapshot: false });
      expect(moved.passes.find((p) => p.id === 'txn')?.mode).toBe('delta');
      // The copy went ahead of the cut: it is rebuilt once, then each new day is appended and the moved rows
      // (the new day's and the days leaving a window) come from it.
      for (const copy of moved.dayIndexes) expect([copy.relation, copy.mode]).toEqual([copy.relation, day === addDays(cut, 1) ? 'rebuilt' : 'appended']);
      if (day > addDays(cut, 1)) expect(moved.passes.filter((p) => p.movedFrom === 'day index').map((p) => p.id).sort()).toEqual(['statement', 'txn', 'txn_history']);
      await expectSameCopy();
      await expectSameAsFull(day);
    }
  }, 600_000);

  it('keeps sums exact at the largest amounts, where sums held as rounded DOUBLEs drift', async () => {
    const asOf = (await db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    const cut = addDays(asOf, -3);
    // 500 dining purchases a day near the contract's largest amount for one customer, on the days around the
    // 90-day edge (they leave the window as the days move) and on each new day: sums of ~10^10, where a DOUBLE
    // holds about five decimal places, not the cents.
    const dining = await db.one<{ customer_id: string }>("SELECT customer_id FROM transactions WHERE category = 'dining' ORDER BY txn_id LIMIT 1");
    const customer = dining?.customer_id ?? '';
    const bigDays = [...Array.from({ length: 6 }, (_, i) => addDays(cut, -91 + i)), ...[1, 2, 3].map((n) => addDays(cut, n))];
    for (const day of bigDays) {
      await db.run(
        `INSERT INTO transactions SELECT 'BIG-' || $2 || '-' || i, t.account_id, t.customer_id, $2::DATE + INTERVAL 2 HOUR,
           CAST(9999999.99 - (i % 1000) * 0.01 AS DECIMAL(18,2)), t.currency, t.mcc, t.category, t.merchant, t.channel,
           false, t.country, 0
         FROM (SELECT * FROM transactions WHERE customer_id = $1 AND category = 'dining' ORDER BY txn_id LIMIT 1) t, range(500) r(i)`,
        [customer, day],
      );
    }
    await db.run(`CREATE OR REPLACE TABLE held_transactions AS SELECT * FROM transactions WHERE ${shanghaiDay} > $1::DATE`, [cut]);
    await db.run(`DELETE FROM transactions WHERE ${shanghaiDay} > $1::DATE`, [cut]);
    await refreshProfile(db, { snapshot: false });
    for (let day = addDays(cut, 1); day <= asOf; day = addDays(day, 1)) {
      await db.run(`INSERT INTO transactions SELECT * FROM held_transactions WHERE ${shanghaiDay} = $1::DATE`, [day]);
      const moved = await refreshProfile(db, { incremental: true, snapshot: false });
      expect(moved.passes.find((p) => p.id === 'txn')?.mode).toBe('delta');
      const exact = await db.one<{ spend: number; tag: number }>(
        `SELECT (SELECT CAST(sum(amount) AS DOUBLE) FROM transactions WHERE customer_id = $1 AND category = 'dining'
                   AND ${shanghaiDay} BETWEEN $2::DATE - 89 AND $2::DATE) AS spend,
                (SELECT spend_dining_90d FROM profile WHERE customer_id = $1) AS tag`,
        [customer, day],
      );
      expect(exact?.spend).toBeGreaterThan(1e10);
      expect(exact?.tag).toBe(exact?.spend);
      await expectSameAsFull(day);
    }
  }, 600_000);
});
