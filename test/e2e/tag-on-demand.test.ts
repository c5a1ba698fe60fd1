import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/core';
import { refreshProfile } from '../../src/tags';
import { chooseLanguage, logIn, resultsDir, screenshot, signedInPage } from './support/console-page';
import { shiftDay, startProfileStack } from './support/profile-stack';
import { shanghaiDay } from './support/shanghai-day';
import type { Stack } from './support/start-stack';

// An on-demand tag from the console: created through the API, left alone by the profile refresh, computed
// from its detail by an analyst (who may compute but not refresh), then read by an auditor, in English, who
// may neither. What the console shows is checked against SQL of the test's own over the RAW transactions:
// Shanghai days through ICU's time-zone rules (the product adds a fixed 8 hours), the 90-day window as a day
// difference from the as-of date (0 to 89, the as-of day included). The tag takes the largest dining amount
// rather than the sum: a sum of nothing is 0, a maximum of nothing is empty, so the customers given a value
// are exactly those with a dining transaction in the window, a count that SQL can give apart.

const code = 'dining_max_ondemand_90d';
const definition = {
  code,
  name_zh: '最大单笔餐饮消费（近90天，按需）',
  name_en: 'Largest dining amount, 90d (on demand)',
  dimension: 'behaviour',
  type: 'number',
  unit: 'CNY',
  refresh: 'on_demand',
  spec: {
    kind: 'dynamic',
    source: 'txn',
    aggregate: 'max',
    field: 'amount',
    filter: "category = 'dining'",
    window: '90d',
  },
  description: 'The largest dining amount in the 90 days to the as-of date, computed when someone asks.',
};

/** Per customer with a dining transaction in the window: its largest amount. */
const rawDiningSql = `
  SELECT t.customer_id, max(t.amount)::DOUBLE AS v FROM transactions t
  WHERE t.category = 'dining' AND date_diff('day', ${shanghaiDay('t.ts')}, $asOf::DATE) BETWEEN 0 AND 89
  GROUP BY 1`;

const cjk = /[\u4e00-\u9fff]/;

describe('an on-demand tag computed from its detail', () => {
  let stack: Stack & { readonly asOf: string };
  let analyst: Page;
  let analystName = '';

  const profileColumn = async () =>
    new Map(
      (
        await stack.db.all<{ customer_id: string; v: number | null }>(
          `SELECT customer_id, "${code}" AS v FROM profile`,
        )
      ).map((r) => [r.customer_id, r.v]),
    );

  beforeAll(async () => {
    stack = await startProfileStack({ customers: 300 });
    const credentials = await stack.createUser('analyst');
    analystName = credentials.username;
    analyst = await stack.newPage();
    await logIn(analyst, stack, credentials);
    await analyst.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
  afterAll(() => stack?.close());

  it('is created through the API, marked on demand, and not computed by the refresh', async () => {
    const created = await analyst.request.post(`${stack.baseUrl}/api/tags`, { data: definition });
    expect(created.status()).toBe(200);
    // The stack's profile predates the tag: a refresh gives it its column, which it leaves empty.
    await refreshProfile(stack.db, { snapshot: false, onProgress: silentProgress });
    const column = await profileColumn();
    expect(column.size).toBe(300);
    expect([...column.values()].filter((v) => v !== null)).toEqual([]);

    await analyst.goto(`${stack.baseUrl}/tags`);
    await analyst.getByTestId('tag-search').locator('input').fill('dining_max_ondemand');
    const badge = analyst.locator(
      `[data-testid="tag-table"] tr[data-code="${code}"] [data-testid="tag-on-demand"]`,
    );
    await badge.waitFor();
    expect(await badge.textContent()).toBe('按需');
    // The tag is newer than the stack's snapshots, whose statistics the catalogue shows: its coverage is
    // not a figure yet, and the detail says why rather than showing an empty one.
    const newest = await stack.db.one<{ as_of: string }>(
      'SELECT max(as_of)::VARCHAR AS as_of FROM profile_snapshots',
    );
    const notInSnapshot = `创建于 ${newest?.as_of} 的快照之后：下次刷新画像后显示统计`;
    const coverage = analyst.locator(
      `[data-testid="tag-table"] tr[data-code="${code}"] [data-testid="tag-coverage-none"]`,
    );
    await coverage.hover();
    await expect.poll(() => analyst.locator('.ant-tooltip').last().textContent()).toBe(notInSnapshot);
    // A daily tag carries no mark, and its detail no computation.
    await analyst.getByTestId('tag-search').locator('input').fill('spend_90d');
    const daily = analyst.locator('[data-testid="tag-table"] tr[data-code="spend_90d"]');
    await daily.click();
    await analyst.getByTestId('tag-definition').waitFor();
    expect(await daily.getByTestId('tag-on-demand').count()).toBe(0);
    expect(await analyst.getByTestId('tag-computation').count()).toBe(0);

    await analyst.goto(`${stack.baseUrl}/tags?tag=${code}`);
    const status = analyst.getByTestId('tag-compute-status');
    await status.waitFor();
    expect(await status.getAttribute('data-state')).toBe('never');
    expect(await status.textContent()).toBe('尚未计算');
    expect(await analyst.getByTestId('tag-not-in-snapshot').textContent()).toBe(notInSnapshot);
    expect(await analyst.getByTestId('tag-stats-as-of').count()).toBe(0);
    expect(await analyst.getByTestId('tag-trend-empty').locator('.ant-empty-description').textContent()).toBe(
      notInSnapshot,
    );
    await screenshot(analyst, join(resultsDir, 'tag-on-demand-never-zh-CN.png'));
  });

  it('computes it from the detail: the data date, who, and the customers given a value, equal to raw SQL', async () => {
    await analyst.getByTestId('tag-compute').click();
    await analyst.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    await analyst
      .locator('[data-testid="tag-compute-progress"][data-status="succeeded"]')
      .waitFor({ timeout: 60_000 });
    // The detail is fetched again once the job succeeds: no reload.
    await analyst.locator('[data-testid="tag-compute-status"][data-state="computed"]').waitFor();

    const asOf = (await analyst.getByTestId('tag-compute-as-of').getAttribute('data-value')) ?? '';
    const state = await stack.db.one<{ as_of: string }>(
      "SELECT as_of FROM tag_profile_state WHERE name = 'profile'",
    );
    expect(asOf).toBe(state?.as_of);
    expect(asOf).toBe(stack.asOf);
    expect(await analyst.getByTestId('tag-compute-as-of').textContent()).toBe(asOf);
    expect(await analyst.getByTestId('tag-compute-by').textContent()).toBe(analystName);

    const raw = await stack.db.all<{ customer_id: string; v: number }>(rawDiningSql, { asOf });
    const shown = Number(await analyst.getByTestId('tag-compute-customers').getAttribute('data-value'));
    expect(shown).toBe(raw.length);
    expect(await analyst.getByTestId('tag-compute-customers').textContent()).toBe(
      raw.length.toLocaleString('zh-CN'),
    );
    // Some customers have none in the window, and the window's edges matter: there are dining purchases on
    // its first day and on the day before it, so a window one day off could count other customers.
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.length).toBeLessThan(300);
    const edges = await stack.db.all<{ day: string }>(
      `SELECT DISTINCT ${shanghaiDay('ts')}::VARCHAR AS day FROM transactions
       WHERE category = 'dining' AND date_diff('day', ${shanghaiDay('ts')}, $asOf::DATE) IN (89, 90)`,
      { asOf },
    );
    expect(edges.map((e) => e.day).sort()).toEqual([shiftDay(asOf, -90), shiftDay(asOf, -89)]);

    // The profile shows the values at once, customer by customer; those without a dining purchase have none.
    const expected = new Map(raw.map((r) => [r.customer_id, r.v]));
    const column = await profileColumn();
    expect(column.size).toBe(300);
    for (const [customer, value] of column) {
      const want = expected.get(customer);
      if (want === undefined) expect(value, customer).toBeNull();
      else expect(value, customer).toBeCloseTo(want, 2);
    }

    const done = analyst.locator('.ant-message-notice').filter({ hasText: `已计算 ${code}` });
    await done.waitFor();
    expect(await done.textContent()).toContain(`数据截至 ${asOf}`);
    await screenshot(analyst, join(resultsDir, 'tag-on-demand-zh-CN.png'));

    // The job is listed with the tag computations, its outcome in a line.
    await analyst.getByTestId('tag-compute-jobs-open').click();
    const row = analyst.locator('[data-testid="job-table"] tr[data-status="succeeded"]');
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('标签计算');
    expect(await row.textContent()).toContain(
      `${code} · 数据截至 ${asOf} · ${raw.length.toLocaleString('zh-CN')} 位客户有值`,
    );
  });

  it("shows the value on a customer's 360° page dated by its computation", async () => {
    const asOf = stack.asOf;
    const [first] = await stack.db.all<{ customer_id: string; v: number }>(
      `${rawDiningSql} ORDER BY customer_id LIMIT 1`,
      {
        asOf,
      },
    );
    if (!first) throw new Error('no customer with a dining purchase in the window');
    await analyst.goto(`${stack.baseUrl}/customers/${first.customer_id}`);
    await analyst.getByRole('tab', { name: '标签画像' }).click();
    const row = analyst.locator(`[data-testid="customer-tags"] tr[data-code="${code}"]`);
    await row.waitFor();
    expect(Number(await row.getAttribute('data-value'))).toBeCloseTo(first.v, 2);
    expect(await row.getByTestId('tag-computed-as-of').textContent()).toBe(`按需 · 截至 ${asOf}`);
  });

  it('reads in English for an auditor, who sees the computation and may not start one', async () => {
    const auditor = await signedInPage(stack, 'auditor');
    await auditor.goto(`${stack.baseUrl}/tags`);
    await auditor.getByTestId('tag-table').waitFor();
    await chooseLanguage(auditor, 'English');
    await auditor.getByTestId('tag-search').locator('input').fill('dining_max_ondemand');
    const badge = auditor.locator(
      `[data-testid="tag-table"] tr[data-code="${code}"] [data-testid="tag-on-demand"]`,
    );
    await expect.poll(() => badge.textContent()).toBe('On demand');

    await auditor.locator(`[data-testid="tag-table"] tr[data-code="${code}"]`).click();
    const card = auditor.getByTestId('tag-computation');
    await auditor.locator('[data-testid="tag-compute-status"][data-state="computed"]').waitFor();
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Data as of');
    expect(text).toContain('Every refresh keeps these values until the tag is computed again');
    expect(text).not.toMatch(cjk);
    expect(await auditor.getByTestId('tag-compute-by').textContent()).toBe(analystName);
    expect(await auditor.getByTestId('tag-compute').count()).toBe(0);
    expect(await auditor.getByTestId('tag-compute-jobs-open').count()).toBe(0);
    await screenshot(auditor, join(resultsDir, 'tag-on-demand-en-US.png'));
  });
});
