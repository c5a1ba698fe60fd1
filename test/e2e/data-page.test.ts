import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/data';
import type { ImportReject, QualityReport, TableLayout } from '../../src/data/schema';
import { chooseLanguage, docsScreenshot, logIn, resultsDir, screenshot } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

// Two good customers and four that each break one rule of the contract.
const crafted = [
  'customer_id,name,gender,birth_date,city_tier,income_band,customer_since',
  'E2E-0001,测试客户甲,F,1990-03-15,1,10k-20k,2024-05-01',
  'E2E-0002,测试客户乙,X,1985-07-01,2,5k-10k,2024-06-01',
  'E2E-0003,测试客户丙,M,1999-02-30,3,<5k,2024-07-01',
  ',测试客户丁,F,1980-01-01,1,>50k,2024-08-01',
  'E2E-0005,测试客户戊,M,1970-01-01,9,20k-50k,2024-09-01',
  'E2E-0006,测试客户己,F,1992-12-12,2,10k-20k,2024-10-01',
].join('\n');

/** What people in Shanghai read for an instant: YYYY-MM-DD HH:mm at UTC+8. */
const shanghaiMinute = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the data page', () => {
  let stack: Stack;
  let page: Page;
  let importId: string;
  let finishedAt: string;

  beforeAll(async () => {
    stack = await startStack({ customers: 150 });
    const file = join(stack.dir, 'e2e-customers.csv');
    writeFileSync(file, `${crafted}\n`);
    const result = await importFile(stack.db, { table: 'customers', file });
    expect([result.rowsImported, result.rowsRejected]).toEqual([2, 4]);
    importId = result.id;
    finishedAt = result.finishedAt;
    page = await stack.newPage();
    await logIn(page, stack);
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('side-menu').getByText('数据管理').click();
    await page.waitForURL(/\/data$/);
  });
  afterAll(() => stack?.close());

  it('lists the import with its counts and its time in Shanghai', async () => {
    const row = page.locator(`[data-testid="imports-table"] tr[data-import-id="${importId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain('e2e-customers.csv csv');
    expect(cells).toContain('客户');
    expect(cells).toContain(shanghaiMinute(finishedAt));
    expect(cells.slice(-5)).toEqual(['6', '2', '0', '4', '已完成']);
  });

  it('shows the import’s rejected rows: row, field, value and the Chinese reason, as stored', async () => {
    await page.locator(`tr[data-import-id="${importId}"]`).click();
    await page.waitForURL(new RegExp(`/data\\?import=${importId}$`));
    const table = page.getByTestId('rejects-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const shown = await table
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent ?? '')),
      );
    const api = await page.request.get(`${stack.baseUrl}/api/data/imports/${importId}?limit=50`);
    const stored = ((await api.json()) as { rejects: { items: ImportReject[] } }).rejects.items;
    expect(stored.map((r) => r.field).sort()).toEqual(['birth_date', 'city_tier', 'customer_id', 'gender']);
    expect(shown.map(([row, field, value, , reason]) => [Number(row), field, value, reason])).toEqual(
      stored.map((r) => [r.rowNumber, r.field, r.value ?? 'NULL', r.reason['zh-CN']]),
    );
    // The console is in Chinese: the reasons are the Chinese sentences, not the English ones.
    expect(shown.map((cells) => cells[4])).toContain('日期不存在');
    const rules = await page.getByTestId('reject-counts').textContent();
    expect(rules).toContain('取值不在枚举内');
  });

  it('re-runs the quality check and shows each table’s dimensions as bars', async () => {
    await page.getByTestId('quality-rerun').click();
    const customersRow = page.locator('[data-testid="quality-table"] tr[data-table="customers"]');
    await customersRow.waitFor();
    const api = await page.request.get(`${stack.baseUrl}/api/data/quality`);
    const reports = ((await api.json()) as { items: QualityReport[] }).items;
    const customers = reports.find((r) => r.table === 'customers');
    expect(customers).toBeDefined();
    for (const dimension of ['completeness', 'validity', 'uniqueness', 'integrity'] as const) {
      const bar = page.getByTestId(`quality-customers-${dimension}`);
      expect(Number(await bar.getAttribute('data-value'))).toBeCloseTo(
        customers?.dimensions[dimension] ?? NaN,
        10,
      );
    }
    expect(await page.locator('[data-testid="quality-table"] tr[data-table]').count()).toBe(reports.length);
  });

  it('shows the transactions loaded since the last clustering, and clusters them as an administrators\u2019 job', async () => {
    // A day's load after the generator's layout: 2 % of the rows again, at their times of day on the day
    // after the latest, in time order.
    await stack.db.run(
      `INSERT INTO transactions
       SELECT * REPLACE ('E2E-' || txn_id AS txn_id, ts + to_days(CAST(date_diff('day', CAST(ts AS DATE), (SELECT CAST(max(ts) AS DATE) FROM transactions)) + 1 AS INTEGER)) AS ts)
       FROM transactions USING SAMPLE 2 PERCENT (bernoulli, 5) ORDER BY ts`,
    );
    const loaded = Number((await stack.db.one<{ n: number }>("SELECT count(*) AS n FROM transactions WHERE txn_id LIKE 'E2E-%'"))?.n);
    expect(loaded).toBeGreaterThan(0);
    await page.reload();
    const tail = page.getByTestId('layout-tail-transactions');
    await expect.poll(() => tail.getAttribute('data-value')).toBe(String(loaded));
    expect(await tail.getAttribute('data-state')).toBe('suggested');
    // Statements were never clustered: there is no point to count new rows from.
    expect(await page.getByTestId('layout-tail-statements').getAttribute('data-state')).toBe('unknown');

    await page.locator('[data-testid="layout-table"] tr[data-table="transactions"]').click();
    await page.getByTestId('layout-cluster').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page.locator('[data-testid="layout-cluster-progress"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    await page.locator('.ant-message-notice').filter({ hasText: `${loaded.toLocaleString('zh-CN')} 行` }).waitFor();
    // The card refetched: nothing loaded since, as the server now says.
    await expect.poll(() => tail.getAttribute('data-state')).toBe('clustered');
    const api = await page.request.get(`${stack.baseUrl}/api/data/layout`);
    const layout = ((await api.json()) as { items: TableLayout[] }).items.find((l) => l.table === 'transactions');
    expect(layout).toMatchObject({ mode: 'tail', tailRows: 0 });
    const latest = await stack.db.one<{ t: string }>('SELECT max(ts)::VARCHAR AS t FROM transactions');
    expect(layout?.clusteredThrough).toBe(latest?.t);

    // The job is in the recent jobs of its kind, with what it did.
    await page.getByTestId('jobs-open').click();
    const row = page.locator('[data-testid="job-table"] tr[data-job-id][data-status="succeeded"]').first();
    await expect.poll(() => row.textContent()).toContain(`交易流水 · ${loaded.toLocaleString('zh-CN')} 行 · 整理新增`);
    await page.keyboard.press('Escape');
    await page.getByTestId('jobs-drawer').waitFor({ state: 'hidden' });
  });

  it('renders in Chinese with a clean layout (screenshot)', async () => {
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(page, join(resultsDir, 'data-page-zh-CN.png'));
    await docsScreenshot(page, 'data-page-zh-CN.png');
  });

  it('shows the reasons in English once the console is switched to English', async () => {
    await chooseLanguage(page, 'English');
    const reasons = () =>
      page.getByTestId('rejects-table').locator('tbody tr.ant-table-row td:nth-child(5)').allTextContents();
    await expect.poll(reasons).toContain('impossible date');
    const api = await page.request.get(`${stack.baseUrl}/api/data/imports/${importId}?limit=50`);
    const stored = ((await api.json()) as { rejects: { items: ImportReject[] } }).rejects.items;
    expect(await reasons()).toEqual(stored.map((r) => r.reason['en-US']));
  });
});
