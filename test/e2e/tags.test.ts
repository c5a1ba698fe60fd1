import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTags } from '../../src/tags';
import zhCN from '../../web/src/i18n/zh-CN.json';
import { pickOption } from './support/antd-select';
import { chartRows, chooseLanguage, logIn, resultsDir, screenshot, settleCharts } from './support/console-page';
import { shiftDay, startProfileStack } from './support/profile-stack';
import type { Stack } from './support/start-stack';

const shanghaiDay = "CAST(timezone('Asia/Shanghai', timezone('UTC', t.ts)) AS DATE)";

/** A share as the Chinese console writes it (one decimal). */
const zhPercent = (ratio: number) =>
  new Intl.NumberFormat('zh-CN', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ratio);

/** spend_90d's PSI between the stack's two snapshots, from their tables alone (drift-store.ts is not used). */
async function independentPsi(stack: Stack): Promise<number> {
  const tables = await stack.db.all<{ t: string }>('SELECT table_name AS t FROM profile_snapshots ORDER BY as_of');
  if (tables.length !== 2) throw new Error(`expected the stack's two snapshots, found ${tables.length}`);
  const band = `CASE WHEN spend_90d IS NULL THEN 'none' WHEN spend_90d < 0 THEN '0' WHEN spend_90d < 1000 THEN '1'
    WHEN spend_90d < 5000 THEN '2' WHEN spend_90d < 20000 THEN '3' WHEN spend_90d < 50000 THEN '4' ELSE '5' END`;
  const shares = async (table: string) => {
    const rows = await stack.db.all<{ b: string; n: number }>(
      `SELECT ${band} AS b, count(*)::INTEGER AS n FROM "${table}" GROUP BY 1`,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    return new Map(rows.map((r) => [r.b, r.n / total]));
  };
  const [expected, actual] = [await shares(tables[0]?.t ?? ''), await shares(tables[1]?.t ?? '')];
  const bins = new Set([...expected.keys(), ...actual.keys()]);
  let total = 0;
  for (const b of bins) {
    const e = Math.max(expected.get(b) ?? 0, 1e-4);
    const a = Math.max(actual.get(b) ?? 0, 1e-4);
    total += (a - e) * Math.log(a / e);
  }
  return total;
}

describe('tag catalogue, detail charts, editor and refresh', () => {
  let stack: Stack & { readonly asOf: string };
  let page: Page;

  beforeAll(async () => {
    stack = await startProfileStack({ customers: 300 });
    page = await stack.newPage();
    await logIn(page, stack, await stack.createUser('operator'));
    await page.waitForURL(/\/dashboard$/);
  });
  afterAll(() => stack?.close());

  it('lists every tag (at least 60), filterable by dimension', async () => {
    await page.getByTestId('side-menu').getByText('标签管理').click();
    const count = page.getByTestId('tag-count');
    await count.waitFor();
    expect(Number(await count.getAttribute('data-value'))).toBe(builtinTags.length);
    expect(builtinTags.length).toBeGreaterThanOrEqual(60);
    const risk = builtinTags.filter((t) => t.dimension === 'risk').length;
    await page.getByTestId('tag-dimension-filter').getByText(`风险信用 ${risk}`).click();
    await expect.poll(async () => Number(await count.getAttribute('data-value'))).toBe(risk);
    await page.getByTestId('tag-dimension-filter').getByText(/^全部/).click();
    await screenshot(page, join(resultsDir, 'tags-catalogue-zh-CN.png'));
  });

  it("draws a tag's distribution equal to SQL over the profile, with its trend and drift", async () => {
    await page.locator('[data-testid="tag-table"] tr[data-code="spend_90d"]').click();
    const rows = await chartRows(page, 'chart-tag-distribution');
    const sql = await stack.db.all<{ band: number; n: number }>(
      `SELECT CASE WHEN spend_90d < 0 THEN 0 WHEN spend_90d < 1000 THEN 1 WHEN spend_90d < 5000 THEN 2
                   WHEN spend_90d < 20000 THEN 3 WHEN spend_90d < 50000 THEN 4 ELSE 5 END AS band, count(*)::INTEGER AS n
       FROM profile WHERE spend_90d IS NOT NULL GROUP BY 1`,
    );
    const byBand = new Map(sql.map((r) => [r.band, r.n]));
    expect(rows.map((r) => Number(r[1]))).toEqual([0, 1, 2, 3, 4, 5].map((b) => byBand.get(b) ?? 0));
    expect((await chartRows(page, 'chart-tag-trend')).length).toBe(2);
    const drift = await chartRows(page, 'chart-tag-drift');
    expect(drift).toHaveLength(1);
    // The one pair: the refresh four weeks back against the latest (profile-stack.ts).
    expect(drift[0]?.[0]).toBe(`${shiftDay(stack.asOf, -28)} → ${stack.asOf}`);
    const shown = Number(drift[0]?.[1]);
    // The API's answer for the same tag and snapshots, read with the page's session.
    const api = (await (await page.request.get(`${stack.baseUrl}/api/tags/spend_90d/drift`)).json()) as {
      from: { asOf: string };
      to: { asOf: string };
      psi: number;
      band: string;
    };
    expect([api.from.asOf, api.to.asOf]).toEqual([shiftDay(stack.asOf, -28), stack.asOf]);
    expect(shown).toBe(api.psi);
    // And computed apart from both: spend_90d's bands (edges 0, 1000, 5000, 20000, 50000, and a bin for no
    // value) counted in each snapshot table, then PSI = Σ (a − e)·ln(a / e) over shares floored at 0.0001.
    const expectedPsi = await independentPsi(stack);
    expect(shown).toBeCloseTo(expectedPsi, 10);
    expect(drift[0]?.[2]).toBe(expectedPsi < 0.1 ? 'stable' : expectedPsi <= 0.25 ? 'moderate' : 'major');
    // A number keeps its mean; a most common value is for enums and booleans.
    expect(await page.getByTestId('tag-mean').textContent()).toContain('均值');
    expect(await page.getByTestId('tag-most-common').count()).toBe(0);
    await settleCharts(page);
    await screenshot(page, join(resultsDir, 'tag-detail-zh-CN.png'));

    await page.goto(`${stack.baseUrl}/tags?tag=card_tier`);
    const tiers = await chartRows(page, 'chart-tag-distribution');
    const tierSql = await stack.db.all<{ tier: string; n: number }>(
      'SELECT card_tier AS tier, count(*)::INTEGER AS n FROM profile WHERE card_tier IS NOT NULL GROUP BY 1',
    );
    expect(new Map(tiers.map((r) => [r[0], Number(r[1])]))).toEqual(
      new Map(tierSql.map((r) => [r.tier, r.n])),
    );

    // An enum has no mean: the card shows the tier most customers hold, by its label, and their share of all.
    const customers =
      (await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM profile'))?.n ?? 0;
    const mostTiers = Math.max(...tierSql.map((r) => r.n));
    const tierCard = page.getByTestId('tag-most-common');
    const tier = (await tierCard.getAttribute('data-value')) ?? '';
    expect(tierSql.find((r) => r.tier === tier)?.n).toBe(mostTiers);
    expect(Number(await tierCard.getAttribute('data-share'))).toBeCloseTo(mostTiers / customers, 10);
    const tierLabel = (zhCN.tagValue as Record<string, string>)[tier];
    expect(tierLabel).toBeDefined();
    expect(await tierCard.textContent()).toBe(`最常见${tierLabel}· ${zhPercent(mostTiers / customers)}`);
    expect(await page.getByTestId('tag-mean').count()).toBe(0);

    // A boolean likewise, its value said as 是 or 否.
    await page.goto(`${stack.baseUrl}/tags?tag=autopay`);
    const autopayCard = page.getByTestId('tag-most-common');
    await autopayCard.waitFor();
    const autopay = await stack.db.all<{ v: string; n: number }>(
      'SELECT autopay::VARCHAR AS v, count(*)::INTEGER AS n FROM profile WHERE autopay IS NOT NULL GROUP BY 1',
    );
    const mostAutopay = Math.max(...autopay.map((r) => r.n));
    const flag = (await autopayCard.getAttribute('data-value')) ?? '';
    expect(autopay.find((r) => r.v === flag)?.n).toBe(mostAutopay);
    expect(await autopayCard.textContent()).toBe(
      `最常见${flag === 'true' ? '是' : '否'}· ${zhPercent(mostAutopay / customers)}`,
    );
  });

  it('edits a custom tag: errors as typed and from the server in Chinese, a preview equal to raw SQL, then saves', async () => {
    await page.goto(`${stack.baseUrl}/tags/new`);
    await page.getByTestId('tag-field-code').fill('txn_count_dining');
    await page.getByTestId('tag-field-name-zh').fill('餐饮笔数（近30天）');
    await page.getByTestId('tag-field-name-en').fill('Dining purchases, 30d');
    // A count reads no field: the input goes while count is chosen, and comes back as it was for a sum.
    expect(await page.getByTestId('tag-field-field').inputValue()).toBe('amount');
    await pickOption(page, 'tag-field-aggregate', '计数');
    await expect.poll(() => page.getByTestId('tag-field-field').count()).toBe(0);
    await pickOption(page, 'tag-field-aggregate', '求和');
    expect(await page.getByTestId('tag-field-field').inputValue()).toBe('amount');
    await pickOption(page, 'tag-field-aggregate', '计数');
    await expect.poll(() => page.getByTestId('tag-field-field').count()).toBe(0);
    await page.getByTestId('tag-field-window').locator('input').fill('30d');
    await page.getByTestId('tag-field-edges').fill('1, 3, 5');
    await page.getByTestId('tag-field-description-zh').fill('近 30 天餐饮消费笔数（不含退款）');
    await page.getByTestId('tag-field-description').fill('Dining purchases (refunds excluded) in 30 days.');

    // Typed: the browser parses the filter and points at the end.
    await page.getByTestId('tag-field-filter').fill("category = 'dining' and ");
    const error = page.getByTestId('tag-field-filter-error');
    await error.waitFor();
    expect(Number(await error.getAttribute('data-position'))).toBe(24);
    expect(await page.getByTestId('tag-save').isDisabled()).toBe(true);

    // Parsed but refused by the server: a windowed code must end with its window, said in Chinese.
    await page.getByTestId('tag-field-filter').fill("category = 'dining' and not is_refund");
    await page.getByTestId('tag-issue-code').waitFor();
    expect(await page.getByTestId('tag-issue-code').textContent()).toContain('窗口');
    expect(await page.getByTestId('tag-save').isDisabled()).toBe(true);

    await page.getByTestId('tag-field-code').fill('txn_count_dining_30d');
    await page.locator('[data-testid="tag-validation"][data-state="valid"]').waitFor();
    await page.getByTestId('tag-preview').click();
    const preview = await chartRows(page, 'chart-tag-preview');
    const sql = await stack.db.all<{ band: number; n: number }>(
      `WITH as_of AS (SELECT CAST(timezone('Asia/Shanghai', timezone('UTC', max(ts))) AS DATE) AS d FROM transactions),
       dining AS (SELECT t.customer_id, count(*) AS n FROM transactions t, as_of
                  WHERE t.category = 'dining' AND t.amount >= 0 AND ${shanghaiDay} > as_of.d - 30 AND ${shanghaiDay} <= as_of.d GROUP BY 1)
       SELECT CASE WHEN coalesce(d.n, 0) < 1 THEN 0 WHEN d.n < 3 THEN 1 WHEN d.n < 5 THEN 2 ELSE 3 END AS band, count(*)::INTEGER AS n
       FROM customers c LEFT JOIN dining d ON d.customer_id = c.customer_id GROUP BY 1`,
    );
    const byBand = new Map(sql.map((r) => [r.band, r.n]));
    expect(preview.map((r) => Number(r[1]))).toEqual([0, 1, 2, 3].map((b) => byBand.get(b) ?? 0));
    await settleCharts(page);
    await screenshot(page, join(resultsDir, 'tag-editor-zh-CN.png'));

    const before = await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM tag_definitions');
    expect(before?.n).toBe(0);
    await page.getByTestId('tag-save').click();
    await page.waitForURL(/\/tags\?tag=txn_count_dining_30d$/);
    await page.getByTestId('tag-definition').waitFor();
    // The detail shows the description in the console's language.
    expect(await page.getByTestId('tag-definition').textContent()).toContain('近 30 天餐饮消费笔数（不含退款）');
    const saved = await stack.db.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM tag_definitions WHERE code = 'txn_count_dining_30d'",
    );
    expect(saved?.n).toBeGreaterThanOrEqual(1);
    // And the count was saved without a field.
    const api = (await (await page.request.get(`${stack.baseUrl}/api/tags/txn_count_dining_30d`)).json()) as {
      definition: { spec: Record<string, unknown> };
    };
    expect(api.definition.spec.aggregate).toBe('count');
    expect(api.definition.spec).not.toHaveProperty('field');
  });

  it('refreshes the profile from the console and follows the job to the end', async () => {
    await page.goto(`${stack.baseUrl}/tags`);
    await page.getByTestId('tag-refresh').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await page
      .locator('[data-testid="tag-refresh-progress"][data-status="succeeded"]')
      .waitFor({ timeout: 60_000 });
    // The new tag is now part of the profile: the catalogue shows its coverage.
    const row = page.locator('[data-testid="tag-table"] tr[data-code="txn_count_dining_30d"]');
    await page.getByTestId('tag-search').locator('input').fill('txn_count_dining');
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 10_000 }).toContain('100%');
  });

  it('reads in English too', async () => {
    await chooseLanguage(page, 'English');
    await page
      .getByTestId('tag-dimension-filter')
      .getByText(/^Risk \d+$/)
      .waitFor();
    expect(await page.getByTestId('tag-count').textContent()).toBe('Tags: 1');
    await page.getByTestId('tag-search').locator('input').fill('');
    await screenshot(page, join(resultsDir, 'tags-catalogue-en-US.png'));
  });
});
