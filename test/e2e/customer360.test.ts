import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTags } from '../../src/tags';
import {
  chartRows,
  chooseLanguage,
  docsScreenshot,
  screenshot,
  settleCharts,
  signedInPage,
} from './support/console-page';
import { startProfileStack } from './support/profile-stack';
import { shanghaiDay } from './support/shanghai-day';
import type { Stack } from './support/start-stack';

// Expected figures come from the raw transactions, with Shanghai days through ICU's time-zone rules (the
// profiles capability uses a fixed +8 offset) and the 365-day window written as a day difference.

describe('customer search and the 360° page', () => {
  let stack: Stack & { readonly asOf: string };
  let customer: { id: string; name: string; phone: string };
  let masked: string;

  beforeAll(async () => {
    stack = await startProfileStack({ customers: 200 });
    // The customer with the most categories in the year: the richest page to check.
    const row = await stack.db.one<{ id: string; name: string; phone: string }>(
      `SELECT c.customer_id AS id, c.name, c.phone FROM customers c JOIN transactions t ON t.customer_id = c.customer_id
       WHERE c.phone IS NOT NULL GROUP BY ALL ORDER BY count(DISTINCT t.category) DESC, count(*) DESC, c.customer_id LIMIT 1`,
    );
    if (!row) throw new Error('no customer with transactions');
    customer = row;
    const digits = row.phone.replace(/^\+86\s*/, '');
    masked = `${digits.slice(0, 3)}****${digits.slice(7)}`;
  });
  afterAll(() => stack?.close());

  it('finds the customer by masked phone and shows figures equal to SQL over the raw transactions', async () => {
    const page = await signedInPage(stack, 'analyst');
    await page.getByTestId('side-menu').getByText('客户 360').click();
    await page.getByTestId('customer-search').locator('input').fill(masked);
    await page.getByTestId('customer-search').locator('input').press('Enter');
    const hit = page.locator(`[data-testid="customer-results"] tr[data-customer-id="${customer.id}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).not.toContain(customer.phone.slice(-8));
    await hit.click();
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));

    const categories = await stack.db.all<{ category: string; spend: number; n: number }>(
      `SELECT coalesce(category, 'other') AS category, sum(amount)::DOUBLE AS spend, count(*)::INTEGER AS n FROM transactions
       WHERE customer_id = $id AND date_diff('day', ${shanghaiDay('ts')}, CAST($as_of AS DATE)) BETWEEN 0 AND 364 GROUP BY 1`,
      { id: customer.id, as_of: stack.asOf },
    );
    const rows = await chartRows(page, 'chart-customer-category');
    expect(rows.length).toBe(categories.length);
    expect(rows.length).toBeGreaterThan(3);
    const byCategory = new Map(categories.map((c) => [c.category, c]));
    for (const [category, , spend, count] of rows) {
      expect(Number(spend), category).toBeCloseTo(byCategory.get(String(category))?.spend ?? NaN, 2);
      expect(Number(count), category).toBe(byCategory.get(String(category))?.n);
    }
    const total = categories.reduce((s, c) => s + c.spend, 0);
    expect(Number(await page.getByTestId('kpi-spend-365d').getAttribute('data-value'))).toBeCloseTo(total, 2);

    const months = await stack.db.all<{ month: string; spend: number }>(
      `SELECT strftime(${shanghaiDay('ts')}, '%Y-%m') AS month, sum(amount)::DOUBLE AS spend FROM transactions WHERE customer_id = $id GROUP BY 1`,
      { id: customer.id },
    );
    const monthly = await chartRows(page, 'chart-customer-monthly');
    expect(monthly).toHaveLength(12);
    expect(monthly.at(-1)?.[0]).toBe(stack.asOf.slice(0, 7));
    const byMonth = new Map(months.map((m) => [m.month, m.spend]));
    for (const [month, spend] of monthly)
      expect(Number(spend), month).toBeCloseTo(byMonth.get(String(month)) ?? 0, 2);

    // The timeline pages through every transaction of the customer.
    const all = await stack.db.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM transactions WHERE customer_id = $id',
      { id: customer.id },
    );
    await page.getByRole('tab', { name: '交易流水' }).click();
    await page.locator(`[data-testid="timeline-total"][data-value="${all?.n}"]`).waitFor();
    expect(await page.getByTestId('timeline-total').textContent()).toBe(`共 ${all?.n} 笔`);

    // Tags by dimension, the value equal to the profile's, and how it was computed on demand.
    await page.getByRole('tab', { name: '标签画像' }).click();
    const tag = page.locator('[data-testid="tag-group-behaviour"] tr[data-code="spend_365d"]');
    await tag.waitFor();
    const profile = await stack.db.one<{ v: number }>(
      'SELECT spend_365d AS v FROM profile WHERE customer_id = $id',
      { id: customer.id },
    );
    expect(Number(await tag.getAttribute('data-value'))).toBeCloseTo(profile?.v ?? NaN, 2);
    await page.getByTestId('explain-button-spend_90d').click();
    await page.getByTestId('explain-spend_90d').getByText('统计区间').waitFor();
    expect(await page.getByTestId('explain-spend_90d').getByTestId('explain-description').textContent()).toBe(
      builtinTags.find((t) => t.code === 'spend_90d')?.description_zh,
    );
    await screenshot(page, 'customer-360-tags-zh-CN.png');
    await page.keyboard.press('Escape');
    for (const [tab, file] of [
      ['服务与触达', 'contacts'],
      ['授权与征信', 'consents'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.waitForTimeout(800);
      await screenshot(page, `customer-360-${file}-zh-CN.png`);
    }

    // The segments the customer is in, evaluated now: its lifecycle stage's built-in segment among them.
    const stage = await stack.db.one<{ s: string }>(
      'SELECT lifecycle_stage AS s FROM profile WHERE customer_id = $id',
      { id: customer.id },
    );
    await page.getByRole('tab', { name: '所属分群' }).click();
    await page.getByTestId(`customer-segment-seg_lifecycle_${stage?.s}`).waitFor();
    // And since when: the data date of the snapshot that recorded their entry (the stack took one per segment).
    const entered = await stack.db.one<{ d: string }>(
      `SELECT strftime(max(s.as_of), '%Y-%m-%d') AS d FROM segment_events e JOIN segment_snapshots s USING (snapshot_id)
       WHERE e.customer_id = $id AND e.segment_id = $seg AND e.event = 'entered'`,
      { id: customer.id, seg: `seg_lifecycle_${stage?.s}` },
    );
    expect(entered?.d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const since = page.getByTestId(`customer-segment-since-seg_lifecycle_${stage?.s}`);
    await since.waitFor();
    expect(await since.textContent()).toBe(`${entered?.d} 起`);

    await page.getByRole('tab', { name: '账户与账单' }).click();
    await settleCharts(page);
    await screenshot(page, 'customer-360-zh-CN.png');
    await docsScreenshot(page, 'customer-360-zh-CN.png');
  });

  it('keeps an analyst masked: no unmask button, and the API refuses', async () => {
    const page = await signedInPage(stack, 'analyst');
    await page.goto(`${stack.baseUrl}/customers/${customer.id}`);
    const card = page.getByTestId('profile-card');
    await card.waitFor();
    expect(await card.getAttribute('data-masked')).toBe('true');
    expect(await page.getByTestId('profile-name').textContent()).not.toBe(customer.name);
    expect(await page.getByTestId('unmask').count()).toBe(0);
    const status = await page.evaluate(
      async (id) =>
        (await fetch(`/api/customers/${id}?unmask=true&reason=${encodeURIComponent('想看看')}`)).status,
      customer.id,
    );
    expect(status).toBe(403);
  });

  it('lets an agent unmask with a reason, and the audit log records it', async () => {
    const before = await stack.db.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'unmask' AND target = $id",
      { id: customer.id },
    );
    const page = await signedInPage(stack, 'agent');
    await page.goto(`${stack.baseUrl}/customers/${customer.id}`);
    await page.getByTestId('unmask').click();
    expect(await page.getByTestId('unmask-confirm').isDisabled()).toBe(true);
    await page.getByTestId('unmask-reason').fill('客户来电核实身份');
    await page.getByTestId('unmask-confirm').click();
    await page.locator('[data-testid="profile-card"][data-masked="false"]').waitFor();
    expect(await page.getByTestId('profile-name').textContent()).toBe(customer.name);
    expect(await page.getByTestId('profile-phone').textContent()).toBe(customer.phone);
    const after = await stack.db.one<{ n: number; details: string }>(
      "SELECT count(*)::INTEGER AS n, max(details) AS details FROM audit_log WHERE action = 'unmask' AND target = $id",
      { id: customer.id },
    );
    expect(after?.n).toBeGreaterThan(before?.n ?? 0);
    expect(after?.details).toContain('客户来电核实身份');
    await screenshot(page, 'customer-360-unmasked-zh-CN.png');

    // The same page in English: every label translated, money still in yuan.
    await chooseLanguage(page, 'English');
    await page.getByRole('tab', { name: 'Accounts & statements' }).waitFor();
    expect(await page.getByTestId('spending-overview').textContent()).toContain('Spend, 365 days');
    // ¥ as in Chinese, not the CN¥ of English number formats.
    expect(await page.getByTestId('kpi-spend-365d').textContent()).toMatch(/^-?¥\d/);
    await settleCharts(page);
    await screenshot(page, 'customer-360-en-US.png');
  });
});
