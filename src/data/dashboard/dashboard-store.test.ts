import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import { accountFlow, dashboardKpis, freshness, monthsEnding, spendByCategory, spendTrend } from './dashboard-store';

// A crafted portfolio whose figures can be worked out by hand. The latest transaction is 2025-06-29 18:30 UTC,
// which is 2025-06-30 02:30 in Shanghai: the as-of date is 2025-06-30, and the 30-day window is the Shanghai
// days 06-01 … 06-30, which begin at 2025-05-31 16:00 UTC.
const accounts = [
  // id, customer, opened, closed, status
  ['A1', 'C1', '2024-01-10', null, 'active'],
  ['A2', 'C2', '2025-03-05', '2025-05-20', 'closed'],
  ['A3', 'C3', '2025-05-01', null, 'closed'], // closed without a date: not open
  ['A4', 'C1', '2025-06-01', null, 'active'],
  ['A5', 'C2', '2025-06-30', null, 'active'],
] as const;

const transactions = [
  // id, account, UTC ts, amount, category
  ['T1', 'A1', '2025-06-29 18:30:00', 100, 'dining'],
  ['T2', 'A1', '2025-05-31 16:00:00', 50, 'travel'], // Shanghai 06-01 00:00: first instant of the window
  ['T3', 'A4', '2025-05-31 15:59:59', 70, 'dining'], // Shanghai 05-31 23:59:59: previous window
  ['T4', 'A5', '2025-06-10 03:00:00', -20, 'dining'], // a refund: not a purchase, lowers net spend
  ['T5', 'A2', '2025-05-02 04:00:00', 30, null], // no category: counted as other
  ['T6', 'A2', '2025-05-01 15:00:00', 1000, 'shopping'], // Shanghai 05-01 23:00: before the 60-day window
  ['T7', 'A1', '2024-01-15 02:00:00', 500, 'dining'],
  ['T8', 'A1', '2023-12-31 17:00:00', 5, 'dining'], // Shanghai 2024-01-01 01:00: inside the 18 months
  ['T9', 'A1', '2023-12-31 15:00:00', 7, 'dining'], // Shanghai 2023-12-31 23:00: outside
] as const;

describe('dashboard store on a crafted portfolio', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;

  beforeAll(async () => {
    store = await tempStore();
    const { db } = store;
    for (const [id, since] of [['C1', '2020-01-01'], ['C2', '2025-03-01'], ['C3', '2025-04-30']] as const) {
      await db.run('INSERT INTO customers (customer_id, customer_since) VALUES ($1, $2)', [id, since]);
    }
    for (const [id, customer, opened, closed, status] of accounts) {
      await db.run(
        `INSERT INTO accounts (account_id, customer_id, product_code, credit_limit, opened_at, closed_at, status)
         VALUES ($1, $2, 'P1', 10000, $3, $4, $5)`,
        [id, customer, opened, closed, status],
      );
    }
    for (const [id, account, ts, amount, category] of transactions) {
      const customer = accounts.find((a) => a[0] === account)?.[1] ?? null;
      await db.run(
        `INSERT INTO transactions (txn_id, account_id, customer_id, ts, amount, category)
         VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), $5, $6)`,
        [id, account, customer, ts, amount, category],
      );
    }
  });
  afterAll(() => store.cleanup());

  it('anchors the KPIs at the Shanghai day of the latest transaction', async () => {
    expect(await dashboardKpis(store.db)).toEqual({
      asOf: '2025-06-30',
      customers: 3,
      openCards: 3, // A1, A4, A5
      activeCards: 1, // A1; A4 bought only before the window, A5 only refunded
      activeRate: 1 / 3,
      spend30d: 130,
      spendPrev30d: 100,
      txnCount30d: 3,
    });
  });

  it('sums net spend per Shanghai month over the last 18 months, zero-filled', async () => {
    const trend = await spendTrend(store.db);
    expect(trend.months).toHaveLength(18);
    expect(trend.months[0]).toEqual({ month: '2024-01', spend: 505, txnCount: 2, partial: false });
    expect(trend.months.at(-2)).toEqual({ month: '2025-05', spend: 1100, txnCount: 3, partial: false });
    expect(trend.months.at(-1)).toEqual({ month: '2025-06', spend: 130, txnCount: 3, partial: false });
    expect(trend.months.filter((m) => m.spend !== 0)).toHaveLength(3);
  });

  it('splits spend by category over the chosen window, largest first', async () => {
    expect((await spendByCategory(store.db, '30d')).categories).toEqual([
      { category: 'dining', spend: 80, txnCount: 2 },
      { category: 'travel', spend: 50, txnCount: 1 },
    ]);
    expect((await spendByCategory(store.db, '90d')).categories).toEqual([
      { category: 'shopping', spend: 1000, txnCount: 1 },
      { category: 'dining', spend: 150, txnCount: 3 },
      { category: 'travel', spend: 50, txnCount: 1 },
      { category: 'other', spend: 30, txnCount: 1 },
    ]);
  });

  it('counts accounts opened and closed per month', async () => {
    const flow = await accountFlow(store.db);
    expect(flow.months).toHaveLength(18);
    expect(flow.months.filter((m) => m.opened + m.closed > 0)).toEqual([
      { month: '2024-01', opened: 1, closed: 0 },
      { month: '2025-03', opened: 1, closed: 0 },
      { month: '2025-05', opened: 1, closed: 1 },
      { month: '2025-06', opened: 2, closed: 0 },
    ]);
  });

  it('reports each table’s latest day and its lag behind the as-of date', async () => {
    const { asOf, tables } = await freshness(store.db);
    expect(asOf).toBe('2025-06-30');
    const byTable = Object.fromEntries(tables.map((t) => [t.table, t]));
    expect(byTable.customers).toEqual({ table: 'customers', column: 'customer_since', rows: 3, latest: '2025-04-30', lagDays: 61 });
    expect(byTable.accounts).toMatchObject({ latest: '2025-06-30', lagDays: 0, rows: 5 });
    expect(byTable.transactions).toMatchObject({ column: 'ts', latest: '2025-06-30', lagDays: 0, rows: 9 });
    expect(byTable.statements).toMatchObject({ rows: 0, latest: null, lagDays: null });
    expect(byTable.products).toBeUndefined(); // no freshness column declared
  });
});

describe('dashboard store on an empty portfolio', () => {
  it('returns zeros and no as-of date instead of failing', async () => {
    const store = await tempStore();
    try {
      expect(await dashboardKpis(store.db)).toMatchObject({ asOf: null, customers: 0, activeRate: 0 });
      expect(await spendTrend(store.db)).toEqual({ asOf: null, months: [] });
      expect((await freshness(store.db)).tables.every((t) => t.latest === null && t.lagDays === null)).toBe(true);
    } finally {
      await store.cleanup();
    }
  });
});

describe('monthsEnding', () => {
  it('walks back across a year boundary', () => {
    expect(monthsEnding('2025-02-14', 4)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  });
});
