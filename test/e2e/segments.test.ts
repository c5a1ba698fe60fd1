import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickOption } from './support/antd-select';
import { chartRows, docsScreenshot, screenshot, settleCharts, signedInPage } from './support/console-page';
import { startProfileStack } from './support/profile-stack';
import { shanghaiDay } from './support/shanghai-day';
import type { Stack } from './support/start-stack';

// The count is checked against SQL of the test's own over the RAW contract tables (transactions, accounts,
// products, customers), phrased independently of the tag engine: Shanghai days through ICU time-zone rules,
// the card tier as a CASE rank over the products table, age from calendar parts.
const rawCountSql = `
  WITH as_of AS (SELECT ${shanghaiDay('max(ts)')} AS d FROM transactions),
  spend AS (
    SELECT t.customer_id, sum(t.amount)::DOUBLE AS s FROM transactions t, as_of
    WHERE ${shanghaiDay('t.ts')} > as_of.d - 90 AND ${shanghaiDay('t.ts')} <= as_of.d GROUP BY 1),
  tier AS (
    SELECT a.customer_id,
           max(CASE p.tier WHEN 'classic' THEN 1 WHEN 'gold' THEN 2 WHEN 'platinum' THEN 3 WHEN 'diamond' THEN 4 END) AS rank
    FROM accounts a JOIN products p ON p.product_code = a.product_code
    WHERE a.status <> 'closed' GROUP BY 1)
  SELECT count(*)::INTEGER AS n
  FROM customers c CROSS JOIN as_of
  JOIN spend ON spend.customer_id = c.customer_id
  JOIN tier ON tier.customer_id = c.customer_id
  WHERE spend.s > $spend AND tier.rank = 2
    AND year(as_of.d) - year(c.birth_date)
        - CASE WHEN month(as_of.d) * 100 + day(as_of.d) < month(c.birth_date) * 100 + day(c.birth_date) THEN 1 ELSE 0 END >= $age`;

const rule = "spend_90d > 5000 and card_tier = 'gold' and age >= 30";
const descriptionZh = '金卡持卡人，年满 30 岁，近 90 天消费超过 5000 元。';
const descriptionEn = 'Gold cardholders aged 30 or more who spent over 5,000 in the last 90 days.';

/** An instant as the console writes it, on Beijing time (no daylight saving: always UTC+8). */
function shanghaiTime(iso: string, withSeconds = false): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000)
    .toISOString()
    .slice(0, withSeconds ? 19 : 16)
    .replace('T', ' ');
}

describe('segment builder and segment insight', () => {
  let stack: Stack & { readonly asOf: string };
  let page: Page;
  let expected: number;
  /** The segment the builder saved, compared, snapshotted and exported by the later tests. */
  let savedId = '';

  beforeAll(async () => {
    stack = await startProfileStack({ customers: 300 });
    const row = await stack.db.one<{ n: number }>(rawCountSql, { spend: 5000, age: 30 });
    expected = row?.n ?? -1;
    page = await signedInPage(stack, 'operator');
  });
  afterAll(() => stack?.close());

  async function liveCount(forRule: string): Promise<number> {
    const count = page.locator(
      `[data-testid="live-count"][data-current="true"][data-rule="${forRule.replace(/"/g, '\\"')}"]`,
    );
    await count.waitFor({ timeout: 20_000 });
    return Number(await count.getAttribute('data-value'));
  }

  it('builds three conditions visually; the text follows and the live count equals raw-table SQL', async () => {
    expect(expected).toBeGreaterThan(0);
    await page.getByTestId('side-menu').getByText('客群洞察').click();
    await page.getByTestId('segment-new').click();
    await page.waitForURL(/\/segments\/new$/);

    await page.getByTestId('group-0-add').click();
    await pickOption(page, 'condition-0-0-tag', '消费金额（近90天） · spend_90d', 'spend_90d');
    await pickOption(page, 'condition-0-0-op', '大于');
    await page.getByTestId('condition-0-0-value-0').fill('5000');

    await page.getByTestId('group-0-add').click();
    await pickOption(page, 'condition-0-1-tag', '卡片等级 · card_tier', 'card_tier');
    await pickOption(page, 'condition-0-1-value', '金卡 (gold)');

    await page.getByTestId('group-0-add').click();
    await pickOption(page, 'condition-0-2-tag', '年龄 · age', 'age');
    await pickOption(page, 'condition-0-2-op', '大于等于');
    await page.getByTestId('condition-0-2-value-0').fill('30');

    await page.getByTestId('segment-name-zh').fill('金卡高消费客群');
    await page.getByTestId('segment-name-en').fill('Gold big spenders');
    await page.getByTestId('segment-description-zh').fill(descriptionZh);
    await page.getByTestId('segment-description').fill(descriptionEn);
    await page.getByTestId('rule-text').click();
    expect(await page.getByTestId('rule-text').inputValue()).toBe(rule);
    expect(await liveCount(rule)).toBe(expected);
    const share = Number(await page.getByTestId('live-count-share').getAttribute('data-value'));
    expect(share).toBeCloseTo(expected / 300, 10);
    expect(await page.getByTestId('live-count-card').textContent()).toContain('毫秒');
  });

  it('editing the text updates the rows, and a rule beyond them switches to advanced mode', async () => {
    const text = page.getByTestId('rule-text');
    await text.fill("spend_90d > 5000 and (card_tier = 'gold' or card_tier = 'platinum')");
    await page.getByTestId('group-0-1').waitFor();
    expect(await page.getByTestId('group-0-1').getAttribute('data-join')).toBe('or');
    expect(await page.getByTestId('condition-0-1-1').getAttribute('data-tag')).toBe('card_tier');
    await text.fill("sum(txn.amount where category = 'dining', 30d) > 100");
    await page.getByTestId('rule-mode-banner').getByText('高级表达式').waitFor();
    expect(await page.getByTestId('rule-visual').getAttribute('data-mode')).toBe('advanced');
    await text.fill(rule);
    expect(await page.getByTestId('rule-visual').getAttribute('data-mode')).toBe('visual');
    expect(await page.getByTestId('condition-0-2').getAttribute('data-tag')).toBe('age');
    await screenshot(page, 'segment-builder-zh-CN.png');
    await docsScreenshot(page, 'segment-builder-zh-CN.png');
  });

  it('a broken expression is underlined at its position and cannot be saved', async () => {
    const text = page.getByTestId('rule-text');
    await text.fill('spend_90d > ');
    const error = page.getByTestId('rule-text-error');
    await error.waitFor();
    expect(await error.getAttribute('data-position')).toBe('12');
    expect(await error.textContent()).toContain('第 13 列');
    expect(await page.getByTestId('rule-text-underline').count()).toBe(1);
    expect(await page.getByTestId('segment-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('live-count-idle').textContent()).toBe('规则有误，修正后显示人数');
    await screenshot(page, 'segment-builder-error-zh-CN.png');

    await text.fill('spend90d > 3');
    await expect.poll(() => error.textContent()).toContain("'spend_90d'");
    expect(await error.getAttribute('data-position')).toBe('0');
    expect(await page.getByTestId('segment-save').isDisabled()).toBe(true);

    // Enum values are known to the server only: the browser's check passes, the server's refuses, with the position.
    await text.fill("card_tier = 'platnum'");
    await expect.poll(() => error.textContent(), { timeout: 10_000 }).toContain('platinum');
    expect(await error.getAttribute('data-position')).toBe('12');
    expect(await page.getByTestId('segment-save').isDisabled()).toBe(true);

    // And the API itself refuses the rule, saving nothing.
    const before = await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM segments');
    const status = await page.evaluate(async () => {
      const response = await fetch('/api/segments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ nameZh: '坏', nameEn: 'Bad', rule: 'spend_90d > ' }),
      });
      return response.status;
    });
    expect(status).toBe(422);
    expect((await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM segments'))?.n).toBe(
      before?.n,
    );
  });

  it('saves the segment and lists it with its size', async () => {
    await page.getByTestId('rule-text').fill(rule);
    await liveCount(rule);
    const save = page.getByTestId('segment-save');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await page.waitForURL(/\/segments\?saved=seg_/);
    const id = new URL(page.url()).searchParams.get('saved') ?? '';
    const row = page.locator(`[data-testid="segment-table"] tr[data-segment-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('金卡高消费客群');
    const size = page.getByTestId(`segment-size-${id}`);
    await size.waitFor();
    expect(Number(await size.getAttribute('data-value'))).toBe(expected);
    // Not snapshotted yet: counted live, for the profile's day, which the cell shows.
    expect(await size.getAttribute('data-source')).toBe('live');
    const asOf = (await size.getAttribute('data-as-of')) ?? '';
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await size.textContent()).toContain(`截至 ${asOf}`);
    const stored = await stack.db.one<{ rule: string }>('SELECT rule FROM segments WHERE segment_id = $id', {
      id,
    });
    expect(stored?.rule).toBe(rule);
    // Both descriptions were sent and kept, each as written.
    const api = (await (await page.request.get(`${stack.baseUrl}/api/segments/${id}`)).json()) as {
      description: string;
      descriptionZh: string;
    };
    expect([api.descriptionZh, api.description]).toEqual([descriptionZh, descriptionEn]);
    // The list shows the description in the console's language when the name is hovered.
    await page.getByTestId(`segment-link-${id}`).hover();
    await page
      .locator('.ant-tooltip:not(.ant-tooltip-hidden)')
      .getByText(descriptionZh, { exact: true })
      .waitFor();
    await page.mouse.move(0, 0);
    savedId = id;
  });

  const profileCount = async (where: string) =>
    (await stack.db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM profile WHERE ${where}`))?.n ?? -1;

  it('draws the overlap of chosen segments as a heat map with counts equal to SQL over the profile', async () => {
    await page.goto(`${stack.baseUrl}/segments`);
    await pickOption(page, 'overlap-select', '金卡高消费客群', '金卡');
    await pickOption(page, 'overlap-select', '高价值', '高价值');
    await pickOption(page, 'overlap-select', '活跃', '活跃');
    await page.keyboard.press('Escape');
    // The third pick re-queries the overlap; until it answers the chart still draws the first pair.
    const rows = await chartRows(page, 'chart-overlap', (pairs) => expect(pairs).toHaveLength(3));
    const a = "spend_90d > 5000 AND card_tier = 'gold' AND age >= 30";
    const pairs = new Map(rows.map((r) => [r[0], r.slice(1).map(Number)]));
    const both = await profileCount(`${a} AND value_tier = 'high'`);
    const union = (await profileCount(a)) + (await profileCount("value_tier = 'high'")) - both;
    expect(pairs.get(`${savedId}|seg_value_tier_high`)).toEqual([both, union, union > 0 ? both / union : 0]);
    const activeBoth = await profileCount("value_tier = 'high' AND lifecycle_stage = 'active'");
    expect(pairs.get('seg_value_tier_high|seg_lifecycle_active')?.[0]).toBe(activeBoth);
    await settleCharts(page);
    await screenshot(page, 'segments-overlap-zh-CN.png');
  });

  it('shows the built-in segmentations with group sizes equal to SQL, and the personas', async () => {
    await page.getByRole('tab', { name: '内置分群' }).click();
    const lifecycle = await chartRows(page, 'chart-family-lifecycle');
    const sql = await stack.db.all<{ stage: string; n: number }>(
      'SELECT lifecycle_stage AS stage, count(*)::INTEGER AS n FROM profile GROUP BY 1',
    );
    const byStage = new Map(sql.map((r) => [r.stage, r.n]));
    expect(lifecycle.length).toBe(6);
    for (const [segmentId, , count] of lifecycle)
      expect(Number(count), segmentId).toBe(
        byStage.get(String(segmentId).replace('seg_lifecycle_', '')) ?? 0,
      );
    const rfm = await chartRows(page, 'chart-family-rfm');
    expect(rfm.reduce((s, r) => s + Number(r[2]), 0)).toBe(300);
    const shares = await chartRows(page, 'chart-persona-shares');
    // One clustering ran in this stack: every persona of it is drawn.
    const personas = await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM persona_clusters');
    expect(shares.length).toBeGreaterThan(3);
    expect(shares.length).toBe(personas?.n);
    await settleCharts(page);
    await screenshot(page, 'segments-builtin-zh-CN.png');
  });

  it('takes a snapshot (everyone entered) and exports the members as an audited, masked CSV', async () => {
    const size = await profileCount("spend_90d > 5000 AND card_tier = 'gold' AND age >= 30");
    await page.goto(`${stack.baseUrl}/segments/${savedId}`);
    expect(await page.getByTestId('segment-description').textContent()).toBe(descriptionZh);
    await page.getByTestId('segment-snapshot').click();
    const [latest] = await chartRows(page, 'chart-snapshots', ([first]) =>
      expect(first?.slice(1, 4).map(Number)).toEqual([size, size, 0]),
    );
    // The only snapshot of its day is labelled by the day its data describes, not when it was taken.
    expect(latest?.[4]).toBe(stack.asOf);
    const href = await page.getByTestId(`segment-export-${savedId}`).getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url ?? '')).text(), href);
    const lines = csv.trim().split('\n');
    expect(lines.length).toBe(size + 1);
    expect(csv).not.toMatch(/\+86 1\d{10}/);
    const audit = await stack.db.one<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM audit_log WHERE action = 'export' AND target = $id",
      { id: savedId },
    );
    expect(audit?.n).toBe(1);
    await settleCharts(page);
    await screenshot(page, 'segment-detail-zh-CN.png');
  });
  it('labels two snapshots of one data day by that day and the time each was taken', async () => {
    await page.getByTestId('segment-snapshot').click();
    const rows = await chartRows(page, 'chart-snapshots', (r) => expect(r).toHaveLength(2));
    const taken = rows.map((r) => r[5] ?? '');
    // To the minute, or to the second when both fell in one minute (as they may in a test).
    const sameMinute = shanghaiTime(taken[0] ?? '') === shanghaiTime(taken[1] ?? '');
    expect(rows.map((r) => r[4])).toEqual(
      taken.map((at) => `${stack.asOf} ${shanghaiTime(at, sameMinute).slice(11)}`),
    );
    // The table below keeps the time taken beside the data day.
    const table = page.getByTestId('snapshot-history').locator('.ant-table');
    for (const at of taken) expect(await table.textContent()).toContain(shanghaiTime(at));
    // And the chart's tooltip says when the snapshot under the pointer was taken.
    await settleCharts(page);
    const chart = page.getByTestId('chart-snapshots');
    const box = await chart.boundingBox();
    if (!box) throw new Error('the snapshot chart has no box');
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    await chart.getByText(`生成时间：${shanghaiTime(taken[0] ?? '')}`).waitFor();
    await page.mouse.move(0, 0);
  });

  it('shows an auditor the segments with their snapshot sizes, but no builder, overlap or export', async () => {
    const auditor = await signedInPage(stack, 'auditor');
    await auditor.goto(`${stack.baseUrl}/segments`);
    const size = auditor.getByTestId(`segment-size-${savedId}`);
    await size.waitFor();
    expect(Number(await size.getAttribute('data-value'))).toBe(expected);
    expect(await size.getAttribute('data-source')).toBe('snapshot');
    expect(await auditor.getByTestId('segment-new').count()).toBe(0);
    expect(await auditor.getByTestId('overlap-card').count()).toBe(0);
    expect(await auditor.getByTestId(`segment-export-${savedId}`).count()).toBe(0);
    await auditor.goto(`${stack.baseUrl}/segments/new`);
    await auditor.getByText('您的角色无权访问此页面').waitFor();
  });

  it('shows descriptions in Chinese where written, in English otherwise, and the editor keeps both', async () => {
    await page.goto(`${stack.baseUrl}/segments/seg_risk_grade_a`);
    await page.getByTestId('segment-description').waitFor();
    expect(await page.getByTestId('segment-description').textContent()).toBe(
      '无逾期，极少仅还最低额，征信评分良好。',
    );

    const id = await page.evaluate(async () => {
      const response = await fetch('/api/segments', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          nameZh: '仅英文说明',
          nameEn: 'English only',
          description: 'Written in English only.',
          rule: 'age >= 30',
        }),
      });
      return ((await response.json()) as { id: string }).id;
    });
    await page.goto(`${stack.baseUrl}/segments/${id}`);
    await page.getByTestId('segment-description').waitFor();
    expect(await page.getByTestId('segment-description').textContent()).toBe('Written in English only.');

    await page.goto(`${stack.baseUrl}/segments/${savedId}/edit`);
    const zh = page.getByTestId('segment-description-zh');
    await zh.waitFor();
    expect(await zh.inputValue()).toBe(descriptionZh);
    expect(await page.getByTestId('segment-description').inputValue()).toBe(descriptionEn);
  });
});
