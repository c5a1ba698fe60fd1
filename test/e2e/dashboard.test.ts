import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chartRows,
  docsScreenshot,
  kpiValue,
  screenshot,
  settleCharts,
  signedInPage,
} from './support/console-page';
import { shanghaiDay } from './support/shanghai-day';
import { startStack, type Stack } from './support/start-stack';

// Expected figures are computed here with SQL of the test's own, deliberately phrased differently from the
// dashboard store: Shanghai days through ICU's time-zone rules instead of a fixed offset, and day
// comparisons instead of timestamp ranges. If either side is wrong, they disagree.

describe('the portfolio dashboard shows what the database holds', () => {
  let stack: Stack;
  let page: Page;
  let asOf: string;

  const one = async (sql: string, params: Record<string, string> = {}) =>
    (await stack.db.all<Record<string, number>>(sql, params))[0] ?? {};

  beforeAll(async () => {
    // Big enough for charts that look like a portfolio in the README's screenshot; generation takes seconds.
    stack = await startStack({ customers: 1000 });
    const latest = await stack.db.one<{ latest: Date }>('SELECT max(ts) AS latest FROM transactions');
    asOf = new Date((latest?.latest as Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    page = await signedInPage(stack);
  });
  afterAll(() => stack?.close());

  it('states the as-of date: the Shanghai day of the latest transaction', async () => {
    const tag = page.getByTestId('as-of');
    await tag.waitFor();
    expect(await tag.getAttribute('data-value')).toBe(asOf);
    expect(await tag.textContent()).toBe(`数据截至 ${asOf}`);
  });

  it('shows KPI values equal to the database’s', async () => {
    const expected = await one(
      `WITH open_cards AS (
         SELECT account_id FROM accounts
         WHERE opened_at <= CAST($as_of AS DATE)
           AND ((closed_at IS NULL AND status <> 'closed') OR closed_at > CAST($as_of AS DATE))
       )
       SELECT (SELECT count(*) FROM customers) AS customers,
              (SELECT count(*) FROM open_cards) AS open_cards,
              (SELECT count(*) FROM open_cards o WHERE EXISTS (
                 SELECT 1 FROM transactions t WHERE t.account_id = o.account_id AND t.amount > 0
                   AND ${shanghaiDay('ts')} BETWEEN CAST($as_of AS DATE) - 29 AND CAST($as_of AS DATE))) AS active_cards,
              (SELECT sum(amount)::DOUBLE FROM transactions
                 WHERE ${shanghaiDay('ts')} BETWEEN CAST($as_of AS DATE) - 29 AND CAST($as_of AS DATE)) AS spend30`,
      { as_of: asOf },
    );
    expect(expected.customers).toBeGreaterThan(0);
    expect(await kpiValue(page, 'kpi-customers')).toBe(expected.customers);
    expect(await kpiValue(page, 'kpi-active-cards')).toBe(expected.active_cards);
    expect(await kpiValue(page, 'kpi-active-rate')).toBeCloseTo(
      (expected.active_cards ?? 0) / (expected.open_cards ?? 1),
      10,
    );
    expect(await kpiValue(page, 'kpi-spend-30d')).toBeCloseTo(expected.spend30 ?? 0, 2);
    // What people read is the same figure, formatted in Chinese conventions.
    expect(await page.getByTestId('kpi-customers').textContent()).toBe(
      new Intl.NumberFormat('zh-CN').format(expected.customers ?? 0),
    );
  });

  it('draws monthly spend for the 18 Shanghai months ending at the as-of month', async () => {
    const rows = await chartRows(page, 'chart-spend-trend');
    const sql = await stack.db.all<{ month: string; spend: number; n: number }>(
      `SELECT strftime(${shanghaiDay('ts')}, '%Y-%m') AS month, sum(amount)::DOUBLE AS spend, count(*) AS n
       FROM transactions GROUP BY 1`,
    );
    const byMonth = new Map(sql.map((r) => [r.month, r]));
    expect(rows).toHaveLength(18);
    expect(rows.at(-1)?.[0]).toBe(asOf.slice(0, 7));
    for (const [month, spend, count] of rows) {
      expect(Number(spend), month).toBeCloseTo(byMonth.get(month as string)?.spend ?? 0, 2);
      expect(Number(count), month).toBe(byMonth.get(month as string)?.n ?? 0);
    }
    expect(rows.filter((r) => Number(r[1]) > 0).length).toBeGreaterThan(12);
  });

  async function expectCategories(days: number) {
    const sql = await stack.db.all<{ category: string; spend: number; n: number }>(
      `SELECT coalesce(category, 'other') AS category, sum(amount)::DOUBLE AS spend, count(*) AS n FROM transactions
       WHERE ${shanghaiDay('ts')} BETWEEN CAST($as_of AS DATE) - ${days - 1} AND CAST($as_of AS DATE)
       GROUP BY 1 ORDER BY spend DESC`,
      { as_of: asOf },
    );
    // A window change re-queries while the chart keeps the previous window's bars, maybe in the same order
    // of categories: wait until every figure is the new window's.
    return chartRows(page, 'chart-category', (rows) => {
      expect(rows.map((r) => r[0])).toEqual(sql.map((r) => r.category));
      rows.forEach(([, , spend, count], i) => {
        expect(Number(spend)).toBeCloseTo(sql[i]?.spend ?? NaN, 2);
        expect(Number(count)).toBe(sql[i]?.n);
      });
    });
  }

  it('splits spend by category with Chinese labels, for the window chosen', async () => {
    const rows = await expectCategories(90);
    expect(rows.length).toBeGreaterThan(5);
    const labels = new Map(rows.map((r) => [r[0], r[1]]));
    if (labels.has('dining')) expect(labels.get('dining')).toBe('餐饮美食');
    await page.getByTestId('category-window').getByText('近 30 天').click();
    await expectCategories(30);
  });

  it('counts accounts opened and closed per month', async () => {
    const rows = await chartRows(page, 'chart-account-flow');
    const sql = await stack.db.all<{ month: string; opened: number; closed: number }>(
      `SELECT month, sum(o)::INTEGER AS opened, sum(c)::INTEGER AS closed FROM (
         SELECT strftime(opened_at, '%Y-%m') AS month, 1 AS o, 0 AS c FROM accounts
         UNION ALL SELECT strftime(closed_at, '%Y-%m'), 0, 1 FROM accounts WHERE closed_at IS NOT NULL
       ) GROUP BY month`,
    );
    const byMonth = new Map(sql.map((r) => [r.month, r]));
    expect(rows).toHaveLength(18);
    for (const [month, opened, closed] of rows) {
      // The as-of month counts only up to the as-of day; the generator writes nothing after it.
      expect([Number(opened), Number(closed)], month).toEqual([
        byMonth.get(month as string)?.opened ?? 0,
        byMonth.get(month as string)?.closed ?? 0,
      ]);
    }
    expect(rows.reduce((sum, r) => sum + Number(r[2]), 0)).toBeGreaterThan(0);
  });

  it('lists each table’s latest date and its lag behind the as-of date', async () => {
    const row = page.locator('[data-testid="freshness-table"] tr[data-table="transactions"]');
    await row.waitFor();
    expect(await row.getAttribute('data-latest')).toBe(asOf);
    expect(await row.getAttribute('data-lag')).toBe('0');
    const statements = await one('SELECT CAST(max(statement_date) AS VARCHAR) AS latest FROM statements');
    const statementRow = page.locator('[data-testid="freshness-table"] tr[data-table="statements"]');
    expect(await statementRow.getAttribute('data-latest')).toBe(String(statements.latest ?? ''));
  });

  it('renders in Chinese with a clean layout (screenshot)', async () => {
    await page.getByTestId('category-window').getByText('近 90 天').click();
    await expectCategories(90);
    await settleCharts(page);
    await screenshot(page, 'dashboard-zh-CN.png');
    await docsScreenshot(page, 'dashboard-zh-CN.png');
  });
});
