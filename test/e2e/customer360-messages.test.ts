import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, signedInPage } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

// The generated portfolio sends no messages: the test writes its own into the contract's `messages` table
// and computes what the 360° page's messages section should show from those rows alone. Its summary is
// counted here from each message's latest STATUS along the funnel (the product counts timestamps), and its
// times are formatted through ICU's Asia/Shanghai rules (the product uses a fixed +8 offset).

type Channel = 'app_push' | 'sms' | 'wechat' | 'email' | 'call_centre';
type Status = 'queued' | 'sent' | 'delivered' | 'failed' | 'opened' | 'clicked' | 'converted';

interface Fixture {
  readonly id: string;
  readonly campaign: string | null;
  readonly journey: string | null;
  readonly offer: string | null;
  readonly channel: Channel;
  readonly control: boolean;
  readonly status: Status;
  /** When it was queued, UTC. */
  readonly queued: string;
}

// How far along the funnel a status is; a failed message was sent and went no further.
const funnel: Record<Status, number> = {
  queued: 0,
  sent: 1,
  failed: 1,
  delivered: 2,
  opened: 3,
  clicked: 4,
  converted: 5,
};
const steps = ['sent', 'delivered', 'opened', 'clicked', 'converted'] as const;

// The console's Chinese labels for the figures, channels and statuses the fixtures use.
const figureTitle = {
  sent: '已发送',
  delivered: '已送达',
  opened: '已打开',
  clicked: '已点击',
  converted: '已转化',
  control: '对照组',
} as const;
const channelLabel: Record<Channel, string> = {
  app_push: 'App 推送',
  sms: '短信',
  wechat: '微信',
  email: '邮件',
  call_centre: '电话外呼',
};
const statusLabel: Record<Status, string> = {
  queued: '排队中',
  sent: '已发送',
  delivered: '已送达',
  failed: '失败',
  opened: '已打开',
  clicked: '已点击',
  converted: '已转化',
};

const message = (
  id: string,
  queued: string,
  channel: Channel,
  status: Status,
  from: { campaign?: string; journey?: string; offer?: string; control?: boolean },
): Fixture => ({
  id,
  queued,
  channel,
  status,
  campaign: from.campaign ?? null,
  journey: from.journey ?? null,
  offer: from.offer ?? null,
  control: from.control ?? false,
});

// Nine messages, one more than a page of the table. Several are queued late in the UTC evening, already the
// next day in Shanghai; two are control-group records, one of which converted anyway (held out, bought
// regardless: it counts as control, not as a conversion).
const fixtures: readonly Fixture[] = [
  message('msg-e2e-01', '2026-09-02T09:15:00Z', 'sms', 'converted', {
    campaign: 'cmp_spring',
    offer: 'ofr_cashback',
  }),
  message('msg-e2e-02', '2026-09-02T17:40:00Z', 'app_push', 'clicked', {
    campaign: 'cmp_spring',
    offer: 'ofr_cashback',
  }),
  message('msg-e2e-03', '2026-09-05T02:05:00Z', 'wechat', 'opened', { journey: 'jny_welcome' }),
  message('msg-e2e-04', '2026-09-09T23:30:00Z', 'email', 'delivered', {
    campaign: 'cmp_travel',
    offer: 'ofr_lounge',
  }),
  message('msg-e2e-05', '2026-09-11T06:00:00Z', 'sms', 'failed', { campaign: 'cmp_travel' }),
  message('msg-e2e-06', '2026-09-14T03:20:00Z', 'call_centre', 'queued', {
    campaign: 'cmp_retain',
    offer: 'ofr_fee_waiver',
  }),
  message('msg-e2e-07', '2026-09-02T09:15:00Z', 'sms', 'converted', {
    campaign: 'cmp_spring',
    offer: 'ofr_cashback',
    control: true,
  }),
  message('msg-e2e-08', '2026-09-09T22:10:00Z', 'email', 'queued', { campaign: 'cmp_travel', control: true }),
  message('msg-e2e-09', '2026-09-16T16:45:00Z', 'app_push', 'converted', {
    campaign: 'cmp_retain',
    journey: 'jny_welcome',
    offer: 'ofr_fee_waiver',
  }),
];
// Another customer's messages, which must not count for the first one.
const strangers: readonly Fixture[] = [
  message('msg-e2e-90', '2026-09-03T08:00:00Z', 'sms', 'converted', {
    campaign: 'cmp_spring',
    offer: 'ofr_cashback',
  }),
  message('msg-e2e-91', '2026-09-04T08:00:00Z', 'wechat', 'clicked', { campaign: 'cmp_spring' }),
];

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000);

/** The message's timeline as the channel would record it: each step reached gets its time, in UTC. */
function timeline(m: Fixture) {
  const reached = (step: Status) => !m.control && funnel[m.status] >= funnel[step];
  const at = (step: Status, after: number) => (reached(step) ? minutes(m.queued, after) : null);
  return {
    queued_at: new Date(m.queued),
    sent_at: at('sent', 1),
    delivered_at: m.status === 'failed' ? null : at('delivered', 2),
    failed_at: m.status === 'failed' ? minutes(m.queued, 3) : null,
    opened_at: at('opened', 47),
    clicked_at: at('clicked', 52),
    // A control record is never sent, but its conversion is still recorded (that is what it is held out for).
    converted_at: m.status === 'converted' ? minutes(m.queued, 26 * 60 + 13) : null,
  };
}

const sqlTime = (d: Date | null) => (d ? d.toISOString().replace('T', ' ').slice(0, 19) : null);

async function insertMessages(stack: Stack, customerId: string, rows: readonly Fixture[]): Promise<void> {
  for (const m of rows) {
    const t = timeline(m);
    await stack.db.run(
      `INSERT INTO messages (message_id, customer_id, campaign_id, journey_id, offer_id, channel, variant, is_control,
         status, queued_at, sent_at, delivered_at, failed_at, opened_at, clicked_at, converted_at)
       VALUES ($id, $customer, $campaign, $journey, $offer, $channel, NULL, $control, $status,
         CAST($queued_at AS TIMESTAMP), CAST($sent_at AS TIMESTAMP), CAST($delivered_at AS TIMESTAMP),
         CAST($failed_at AS TIMESTAMP), CAST($opened_at AS TIMESTAMP), CAST($clicked_at AS TIMESTAMP),
         CAST($converted_at AS TIMESTAMP))`,
      {
        id: m.id,
        customer: customerId,
        campaign: m.campaign,
        journey: m.journey,
        offer: m.offer,
        channel: m.channel,
        control: m.control,
        status: m.status,
        queued_at: sqlTime(t.queued_at),
        sent_at: sqlTime(t.sent_at),
        delivered_at: sqlTime(t.delivered_at),
        failed_at: sqlTime(t.failed_at),
        opened_at: sqlTime(t.opened_at),
        clicked_at: sqlTime(t.clicked_at),
        converted_at: sqlTime(t.converted_at),
      },
    );
  }
}

const shanghaiClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "YYYY-MM-DD HH:mm" on the Shanghai wall clock, or the panel's dash for no time. */
function shanghaiMinute(d: Date | null): string {
  if (!d) return '—';
  const part = Object.fromEntries(shanghaiClock.formatToParts(d).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** The figures above the table: non-control messages that got at least as far as each step, and the controls. */
function expectedFigures(rows: readonly Fixture[]): Record<string, string> {
  const sent = rows.filter((m) => !m.control);
  return Object.fromEntries([
    ...steps.map((step) => [
      figureTitle[step],
      String(sent.filter((m) => funnel[m.status] >= funnel[step]).length),
    ]),
    [figureTitle.control, String(rows.filter((m) => m.control).length)],
  ]);
}

/** The table's rows, newest first (ties by id, newest id first): [id, time, channel, campaign, offer, status, converted]. */
function expectedRows(rows: readonly Fixture[]): string[][] {
  return [...rows]
    .sort((a, b) => Date.parse(b.queued) - Date.parse(a.queued) || b.id.localeCompare(a.id))
    .map((m) => [
      m.id,
      shanghaiMinute(new Date(m.queued)),
      channelLabel[m.channel],
      m.campaign ?? m.journey ?? '—',
      m.offer ?? '—',
      m.control ? figureTitle.control : statusLabel[m.status],
      shanghaiMinute(timeline(m).converted_at),
    ]);
}

const panel = (page: Page) => page.getByTestId('messages');

/** The summary figures as title → value, once the section has loaded. */
async function shownFigures(page: Page): Promise<Record<string, string>> {
  await panel(page).locator('.ant-statistic').first().waitFor();
  const pairs = await panel(page)
    .locator('.ant-statistic')
    .evaluateAll((elements) =>
      elements.map((e) => [
        e.querySelector('.ant-statistic-title')?.textContent ?? '',
        e.querySelector('.ant-statistic-content')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(pairs);
}

/** The rows of the table's current page: the row key, then each cell's text. */
function shownRows(page: Page): Promise<string[][]> {
  return panel(page)
    .locator('.ant-table-tbody tr.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute('data-row-key') ?? '',
        ...Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? ''),
      ]),
    );
}

async function openContacts(page: Page, stack: Stack, customerId: string): Promise<void> {
  await page.goto(`${stack.baseUrl}/customers/${customerId}`);
  await page.getByRole('tab', { name: '服务与触达' }).click();
  await panel(page).waitFor();
}

describe('the 360° page’s messages section', () => {
  let stack: Stack;
  let customer = '';
  let quiet = '';

  beforeAll(async () => {
    stack = await startStack({ customers: 60 });
    const rows = await stack.db.all<{ id: string }>(
      'SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 3',
    );
    const [first, second, third] = rows.map((r) => r.id);
    if (!first || !second || !third) throw new Error('fewer than three customers');
    customer = first;
    quiet = second;
    await insertMessages(stack, customer, fixtures);
    await insertMessages(stack, third, strangers);
  });
  afterAll(() => stack?.close());

  it('shows the summary and rows that the inserted messages imply, control and conversion marked', async () => {
    // The customer has exactly the messages this test wrote (the generated portfolio has none).
    const stored = await stack.db.one<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM messages WHERE customer_id = $id',
      { id: customer },
    );
    expect(stored?.n).toBe(fixtures.length);

    const page = await signedInPage(stack, 'analyst');
    await openContacts(page, stack, customer);
    expect(await panel(page).locator('.ant-card-head-title').textContent()).toBe('营销触达与响应');
    expect(await shownFigures(page)).toEqual(expectedFigures(fixtures));

    // Eight to a page: the ninth row is on the second.
    const expected = expectedRows(fixtures);
    const firstPage = await shownRows(page);
    expect(firstPage).toEqual(expected.slice(0, 8));
    await screenshot(page, 'customer-360-messages-zh-CN.png');
    await panel(page).locator('.ant-pagination-item-2').click();
    await expect.poll(() => shownRows(page)).toEqual(expected.slice(8));

    // Spot checks that do not go through the helpers above.
    const control = await stack.db.one<{ shown: string }>(
      `SELECT strftime(timezone('Asia/Shanghai', timezone('UTC', converted_at)), '%Y-%m-%d %H:%M') AS shown
       FROM messages WHERE customer_id = $id AND is_control AND converted_at IS NOT NULL`,
      { id: customer },
    );
    expect(control?.shown).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const controlRow = panel(page).locator('tr[data-row-key="msg-e2e-07"]');
    await panel(page).locator('.ant-pagination-item-1').click();
    await controlRow.waitFor();
    expect(await controlRow.locator('.ant-tag').textContent()).toBe('对照组');
    expect(await controlRow.locator('td').last().textContent()).toBe(control?.shown);
  });

  it('says there are no messages, with every figure zero, for a customer who was sent none', async () => {
    const page = await signedInPage(stack, 'analyst');
    await openContacts(page, stack, quiet);
    expect(await shownFigures(page)).toEqual(expectedFigures([]));
    const empty = panel(page).locator('.ant-table-placeholder');
    await empty.waitFor();
    expect((await empty.textContent())?.trim()).toBe('暂无触达记录');
    expect(await shownRows(page)).toEqual([]);
    expect(await panel(page).locator('.ant-pagination').count()).toBe(0);
  });
});
