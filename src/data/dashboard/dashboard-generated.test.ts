import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import { generatePortfolio } from '../generator/generate';
import { portfolioAsOf } from '../contract/as-of';
import { accountFlow, dashboardKpis, freshness, spendByCategory, spendTrend } from './dashboard-store';

// The dashboard on a small generated portfolio. Expected figures come from SQL written differently from the
// store's (Shanghai days through ICU time-zone rules, day comparisons instead of timestamp ranges), and from
// what the generator was asked for (its as-of date, its customer count).
const generatorAsOf = '2026-06-15';
const shanghaiDay = "CAST(timezone('Asia/Shanghai', timezone('UTC', ts)) AS DATE)";

describe('dashboard store on a generated portfolio', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let asOf: string;

  beforeAll(async () => {
    store = await tempStore();
    await generatePortfolio(store.db, { customers: 200, seed: 7, months: 18, asOf: generatorAsOf });
    asOf = (await portfolioAsOf(store.db)) as string;
  });
  afterAll(() => store.cleanup());

  const total = async (fromDay: string, toDay: string) =>
    (
      await store.db.one<{ spend: number; n: number }>(
        `SELECT coalesce(sum(amount), 0)::DOUBLE AS spend, count(*) AS n FROM transactions
         WHERE ${shanghaiDay} BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
        { from: fromDay, to: toDay },
      )
    ) ?? { spend: NaN, n: NaN };

  it('takes the as-of date from the data: the generator’s last day', async () => {
    expect(asOf).toBe(generatorAsOf);
  });

  it('counts the customers generated and a plausible share of active cards', async () => {
    const kpis = await dashboardKpis(store.db);
    expect(kpis.customers).toBe(200);
    expect(kpis.openCards).toBeGreaterThanOrEqual(kpis.activeCards);
    expect(kpis.activeRate).toBeGreaterThan(0.2);
    expect(kpis.activeRate).toBeLessThan(1);
    const last30 = await total('2026-05-17', asOf);
    expect(kpis.spend30d).toBeCloseTo(last30.spend, 2);
    expect(kpis.txnCount30d).toBe(last30.n);
    expect(kpis.spendPrev30d).toBeCloseTo((await total('2026-04-17', '2026-05-16')).spend, 2);
  });

  it('trends 18 months ending with the running as-of month, marked partial', async () => {
    const { months } = await spendTrend(store.db);
    expect(months.map((m) => m.month)).toEqual([
      ...['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09'],
      ...['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
    ]);
    expect(months.map((m) => m.partial)).toEqual([...Array(17).fill(false), true]);
    const whole = await total('2025-01-01', asOf);
    expect(months.reduce((sum, m) => sum + m.spend, 0)).toBeCloseTo(whole.spend, 2);
    expect(months.reduce((sum, m) => sum + m.txnCount, 0)).toBe(whole.n);
    expect(months.every((m) => m.txnCount > 0)).toBe(true);
  });

  it('splits a year’s spend by category without losing any of it', async () => {
    const { categories } = await spendByCategory(store.db, '365d');
    const year = await total('2025-06-16', asOf);
    expect(categories.reduce((sum, c) => sum + c.spend, 0)).toBeCloseTo(year.spend, 2);
    expect(categories.reduce((sum, c) => sum + c.txnCount, 0)).toBe(year.n);
    expect(categories.length).toBeGreaterThan(5);
    expect(categories.map((c) => c.spend)).toEqual([...categories.map((c) => c.spend)].sort((a, b) => b - a));
  });

  it('counts every account opened or closed inside the window once', async () => {
    const { months } = await accountFlow(store.db);
    const expected = await store.db.one<{ opened: number; closed: number }>(
      `SELECT count(*) FILTER (WHERE opened_at BETWEEN DATE '2025-01-01' AND CAST($as_of AS DATE)) AS opened,
              count(*) FILTER (WHERE closed_at BETWEEN DATE '2025-01-01' AND CAST($as_of AS DATE)) AS closed
       FROM accounts`,
      { as_of: asOf },
    );
    expect(months.reduce((sum, m) => sum + m.opened, 0)).toBe(expected?.opened);
    expect(months.reduce((sum, m) => sum + m.closed, 0)).toBe(expected?.closed);
    expect(expected?.closed).toBeGreaterThan(0); // planted churn closes accounts
  });

  it('finds transactions current and every generated table filled', async () => {
    const { tables } = await freshness(store.db);
    const byTable = Object.fromEntries(tables.map((t) => [t.table, t]));
    expect(byTable.transactions).toMatchObject({ latest: asOf, lagDays: 0 });
    for (const name of ['customers', 'accounts', 'transactions', 'statements', 'app_events']) {
      expect(byTable[name]?.rows, name).toBeGreaterThan(0);
      expect(byTable[name]?.lagDays, name).toBeGreaterThanOrEqual(0);
    }
  });
});
