import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import type { Database } from '../../db';
import { catalogOf } from './catalog';
import { checkExpression } from './check';
import { compileExpression, type CompileContext } from './compile';
import { duckdbDialect } from './dialect-duckdb';
import { evaluate, type ExprValue, type SourceRow } from './evaluate';
import { parseExpression } from './parser';

// Behaviour windows on the real contract tables of a migrated store: rows placed on both sides of each
// window's edges (UTC timestamps, Shanghai days), checked against hand-counted answers, against the
// reference interpreter, and with the as-of date both folded in and bound as a parameter.

const asOf = '2025-06-30';
const customers = ['C1', 'C2', 'C3'];
const catalog = catalogOf({ city_tier: { type: 'number' }, customer_since: { type: 'date' } });

// [customer, ts (UTC), amount, category, channel, overseas, merchant]
const txns: ReadonlyArray<readonly [string, string, number, string, string, boolean | null, string]> = [
  ['C1', '2025-06-30 15:59:59', 120.5, 'dining', 'offline', false, 'M1'], // 23:59:59 on the as-of day in Shanghai: inside
  ['C1', '2025-06-30 16:00:00', 999, 'dining', 'offline', false, 'M1'], // 00:00 the next Shanghai day: after the window
  ['C1', '2025-04-01 16:00:00', 80, 'travel', 'online', true, 'M2'], // first instant of the 90-day window
  ['C1', '2025-04-01 15:59:59', 70, 'travel', 'online', true, 'M3'], // one second before it
  ['C1', '2025-06-15 02:00:00', 3000, 'travel', 'mobile', true, 'M2'],
  ['C1', '2025-06-20 02:00:00', -20.25, 'dining', 'qr', false, 'M1'], // a refund
  ['C1', '2025-05-31 16:00:00', 10, 'dining', 'qr', null, 'M4'], // first instant of the 30-day window
  ['C2', '2025-06-01 08:00:00', 50, 'supermarket', 'offline', false, 'M5'],
  ['C2', '2024-12-01 08:00:00', 60, 'travel', 'online', true, 'M2'], // inside 365d only
];
// [account, customer]
const accounts = [
  ['A1', 'C1'],
  ['A2', 'C1'],
  ['A3', 'C2'],
] as const;
// [account, period, statement_date, overdue_days, revolving, fees]
const statements: ReadonlyArray<readonly [string, string, string, number, boolean, number]> = [
  ['A1', '2024-06', '2024-06-30', 40, true, 10], // a day before the 12-month window
  ['A1', '2024-07', '2024-07-01', 5, true, 20], // its first day
  ['A2', '2025-06', '2025-06-30', 0, false, 0],
  ['A3', '2025-03', '2025-03-15', 12, true, 5.5],
];
// [customer, ts, event]
const events = [
  ['C1', '2025-06-29 01:00:00', 'login'],
  ['C1', '2025-06-29 02:00:00', 'login'],
  ['C2', '2025-05-01 01:00:00', 'login'],
  ['C2', '2025-06-29 03:00:00', 'view_offer'],
] as const;
// [customer, ts, category, sentiment]
const interactions = [
  ['C2', '2025-06-10 03:00:00', 'complaint', -0.8],
  ['C2', '2025-06-11 03:00:00', 'complaint', -0.4],
  ['C1', '2025-01-10 03:00:00', 'complaint', -1],
] as const;

// expression → values for C1, C2, C3
const expectations: ReadonlyArray<readonly [string, readonly ExprValue[]]> = [
  ['count(txn, 1d)', [1, 0, 0]],
  ['count(txn, 90d)', [5, 1, 0]],
  ["count(txn where category = 'travel' and is_overseas, 90d)", [2, 0, 0]],
  ["sum(txn.amount where category = 'dining', 30d)", [110.25, 0, 0]],
  ['sum(txn.amount, 365d)', [3260.25, 110, 0]],
  ['avg(txn.amount where amount > 0, 30d)', [1043.5, 50, null]],
  ['max(txn.amount, 90d)', [3000, 50, null]],
  ['min(txn.merchant, 365d)', ['M1', 'M2', null]],
  ['count_distinct(txn.merchant, 90d)', [3, 1, 0]],
  ['count(txn.is_overseas, 30d)', [3, 1, 0]],
  ['count(txn, 3m)', [6, 1, 0]],
  ['max(statement.overdue_days, 12m)', [5, 12, null]],
  ['sum(statement.fees where revolving, 12m)', [20, 5.5, 0]],
  ['count(statement, 13m)', [3, 1, 0]],
  ['max(statement.statement_date, 12m)', ['2025-06-30', '2025-03-15', null]],
  ["count(event where event = 'login', 30d)", [2, 0, 0]],
  ["count(event where event = 'login', 90d)", [2, 1, 0]],
  ["count(interaction where category = 'complaint', 90d) >= 2", [false, true, false]],
  ['avg(interaction.sentiment, 180d)', [-1, -0.6000000000000001, null]],
  ["count(txn where category = 'dining', 30d) > 0 and count(event, 30d) = 0", [false, false, false]],
];

describe('behaviour windows on a real store', () => {
  let db: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, cleanup } = await tempStore());
    for (const id of customers) await db.run('INSERT INTO customers (customer_id, city_tier) VALUES ($1, 2)', [id]);
    for (const [account, customer] of accounts) await db.run('INSERT INTO accounts (account_id, customer_id) VALUES ($1, $2)', [account, customer]);
    for (const [i, [customer, ts, amount, category, channel, overseas, merchant]] of txns.entries()) {
      await db.run(
        `INSERT INTO transactions (txn_id, account_id, customer_id, ts, amount, category, channel, is_overseas, merchant)
         VALUES ($1, 'A', $2, CAST($3 AS TIMESTAMP), $4, $5, $6, $7, $8)`,
        [`T${i}`, customer, ts, amount, category, channel, overseas, merchant],
      );
    }
    for (const [account, period, date, overdue, revolving, fees] of statements) {
      await db.run(
        'INSERT INTO statements (account_id, period, statement_date, overdue_days, revolving, fees) VALUES ($1, $2, CAST($3 AS DATE), $4, $5, $6)',
        [account, period, date, overdue, revolving, fees],
      );
    }
    for (const [customer, ts, event] of events) await db.run('INSERT INTO app_events (customer_id, ts, event) VALUES ($1, CAST($2 AS TIMESTAMP), $3)', [customer, ts, event]);
    for (const [i, [customer, ts, category, sentiment]] of interactions.entries()) {
      await db.run(
        'INSERT INTO service_interactions (interaction_id, customer_id, ts, category, sentiment) VALUES ($1, $2, CAST($3 AS TIMESTAMP), $4, $5)',
        [`I${i}`, customer, ts, category, sentiment],
      );
    }
  });

  afterAll(async () => {
    await cleanup();
  });

  const context = (overrides: Partial<CompileContext> = {}): CompileContext => ({
    dialect: duckdbDialect,
    resolveIdentifier: (name) => `c.${duckdbDialect.quoteIdent(name)}`,
    customerIdSql: 'c."customer_id"',
    asOf: { date: asOf },
    ...overrides,
  });

  async function sqlValues(text: string, overrides: Partial<CompileContext> = {}, params?: Record<string, string>): Promise<unknown[]> {
    const sql = compileExpression(parseExpression(text), context(overrides));
    const rows = await db.all<{ v: unknown }>(`SELECT ${sql} AS v FROM customers c ORDER BY c.customer_id`, params);
    return rows.map((r) => r.v);
  }

  async function rowsOf(customer: string): Promise<Record<string, readonly SourceRow[]>> {
    return {
      txn: await db.all<SourceRow>('SELECT * FROM transactions WHERE customer_id = $1', [customer]),
      event: await db.all<SourceRow>('SELECT * FROM app_events WHERE customer_id = $1', [customer]),
      interaction: await db.all<SourceRow>('SELECT * FROM service_interactions WHERE customer_id = $1', [customer]),
      statement: await db.all<SourceRow>('SELECT s.* FROM statements s JOIN accounts a USING (account_id) WHERE a.customer_id = $1', [customer]),
    };
  }

  it.each(expectations)('%s', async (text, expected) => {
    expect(checkExpression(parseExpression(text), catalog)).toBeDefined();
    const close = (values: readonly unknown[]) => values.map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v));
    expect(close(await sqlValues(text))).toEqual(close(expected));
    expect(close(await sqlValues(text, { asOf: { parameter: '$asof' } }, { asof: asOf }))).toEqual(close(expected));
    const interpreted: ExprValue[] = [];
    for (const customer of customers) {
      interpreted.push(evaluate(parseExpression(text), { values: { city_tier: 2 }, asOf, rows: await rowsOf(customer) }));
    }
    expect(close(interpreted)).toEqual(close(expected));
  });

  it('selects the customers a segment rule describes', async () => {
    const rule = "city_tier <= 2 and (count(txn where category = 'travel', 90d) >= 1 or count(event where event = 'login', 90d) > 0)";
    const where = compileExpression(parseExpression(rule), context());
    const rows = await db.all<{ customer_id: string }>(`SELECT customer_id FROM customers c WHERE ${where} ORDER BY 1`);
    expect(rows.map((r) => r.customer_id)).toEqual(['C1', 'C2']);
  });

  it('lets a hook answer a window from elsewhere', async () => {
    const values = await sqlValues('count(txn, 90d) + 1', {
      behaviour: (window) => `(SELECT count(*) FROM transactions x WHERE x.customer_id = c.customer_id AND x.ts >= ${window.start} AND x.ts < ${window.end})`,
    });
    expect(values).toEqual([6, 2, 1]);
  });
});
