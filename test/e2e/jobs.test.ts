import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditWriter } from '../../src/core';
import type { Database } from '../../src/db';
import { startJob, waitForJob } from '../../src/jobs';
import { appendAudit } from '../../src/security';
import { chooseLanguage, logIn, resultsDir, screenshot } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

// The profile refresh as a job, from the tags page: an operator starts it on a portfolio with no profile yet,
// follows it to the end, and finds it in the recent jobs with its phases and outcome, in both languages.
// At a 1440×900 window each job takes one line in both languages, long text cut with its whole in a tooltip.
// Analysts may follow jobs but not start one; agents see neither.

const longError =
  'Binder Error: Referenced column "spend_90d" not found in FROM clause! Candidate bindings: "tag_profile.spend_30d", "tag_profile.spend_365d"';
const longUsername = 'zhang.xiaoming.risk-operations';

function auditAs(db: Database, actor: string): AuditWriter {
  return async (action, target, details) => {
    await appendAudit(db, { actor, action, target: target ?? null, details: details ?? {} });
  };
}

/**
 * A refresh-shaped job started through the jobs capability on the server's own database, so the console sees
 * it as it would a real one: its tags phase reports progress, waits for `release`, then `segments` fails with
 * `error` if given.
 */
function refreshLikeJob(db: Database, release: Promise<void>, error?: string) {
  return startJob(db, {
    kind: 'profile_refresh',
    params: { incremental: false },
    phases: ['tags', 'segments'],
    startedBy: longUsername,
    audit: auditAs(db, longUsername),
    async run(ctx) {
      await ctx.phase('tags', async (onProgress) => {
        onProgress({ phase: 'refresh', done: 2, total: 5 });
        await release;
      });
      await ctx.phase('segments', async () => {
        if (error) throw new Error(error);
      });
      return {};
    },
  });
}

/**
 * What takes more than one line in the drawer's job rows, described for the failure message: a row taller
 * than a cell's padding, one line of text and its border, and each cell whose content wraps.
 */
function wrappedCells(page: Page): Promise<string[]> {
  return page.locator('[data-testid="job-table"] tbody tr[data-job-id]').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const cells = Array.from(row.querySelectorAll('td'));
      const style = getComputedStyle(cells[0] ?? row);
      const line = parseFloat(style.lineHeight);
      const oneLine = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + line + parseFloat(style.borderBottomWidth);
      const height = row.getBoundingClientRect().height;
      const id = row.getAttribute('data-job-id');
      const tall = height > oneLine + 1 ? [`${id}: row ${height}px tall (one line: ${oneLine}px)`] : [];
      return tall.concat(
        cells.flatMap((cell, column) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          const content = range.getBoundingClientRect().height;
          return content < line * 1.5 ? [] : [`${id} column ${column} "${cell.textContent}": ${content}px of content (a line: ${line}px)`];
        }),
      );
    }),
  );
}

/** Texts in a row that are cut short by an ellipsis. */
function cutTexts(page: Page, jobId: string): Promise<string[]> {
  return page
    .locator(`[data-testid="job-table"] tr[data-job-id="${jobId}"] .ant-typography`)
    .evaluateAll((texts) => texts.filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.textContent ?? ''));
}

describe('profile refresh jobs in the console', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ customers: 300, months: 6 });
    page = await stack.newPage();
  });
  afterAll(() => stack?.close());

  it('runs tags then segments from the refresh button and lists the job', async () => {
    const operator = await stack.createUser('operator');
    await logIn(page, stack, operator);
    await page.waitForURL(/\/dashboard$/);
    await page.goto(`${stack.baseUrl}/tags`);
    await page.getByTestId('tag-refresh').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).click();
    const progress = page.locator('[data-testid="tag-refresh-progress"][data-status="succeeded"]');
    await progress.waitFor({ timeout: 90_000 });
    expect(await progress.textContent()).toContain('已完成');

    const job = await stack.db.one<{ job_id: string; status: string; started_by: string; as_of: string }>(
      "SELECT job_id, status, started_by, result->>'asOf' AS as_of FROM jobs WHERE kind = 'profile_refresh'",
    );
    expect([job?.status, job?.started_by]).toEqual(['succeeded', operator.username]);
    const state = await stack.db.one<{ as_of: string }>("SELECT as_of FROM tag_profile_state WHERE name = 'profile'");
    expect(job?.as_of).toBe(state?.as_of);
    const snapshots = await stack.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM segment_snapshots');
    expect(snapshots?.n).toBeGreaterThan(0);

    await page.getByTestId('jobs-open').click();
    const row = page.locator(`[data-testid="job-table"] tr[data-job-id="${job?.job_id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('succeeded');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('画像刷新');
    expect(text).toContain('计算标签 ✓ · 刷新分群 ✓');
    expect(text).toContain(`数据截至 ${job?.as_of}`);
    expect(text).toContain(operator.username);
    await screenshot(page, join(resultsDir, 'jobs-drawer-zh-CN.png'));
  });

  it('reads in English too', async () => {
    await page.goto(`${stack.baseUrl}/tags`);
    await page.getByTestId('tag-catalogue').waitFor();
    await chooseLanguage(page, 'English');
    await page.getByTestId('jobs-open').click();
    const row = page.locator('[data-testid="job-table"] tbody tr[data-status="succeeded"]');
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Computing tags ✓ · Refreshing segments ✓');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Profile refresh');
    expect(text).toContain('full');
    await screenshot(page, join(resultsDir, 'jobs-drawer-en-US.png'));
  });

  it('lays each job out on one line at 1440×900 in both languages, long text cut and shown whole on hover', async () => {
    const failed = await refreshLikeJob(stack.db, Promise.resolve(), longError);
    expect((await waitForJob(stack.db, failed.id, 50)).status).toBe('failed');
    let release = (): void => {};
    const running = await refreshLikeJob(stack.db, new Promise<void>((resolve) => (release = resolve)));
    try {
      await page.setViewportSize({ width: 1440, height: 900 });
      for (const [label, locale] of [['English', 'en-US'], ['简体中文', 'zh-CN']] as const) {
        await page.goto(`${stack.baseUrl}/tags`);
        await page.getByTestId('tag-catalogue').waitFor();
        await chooseLanguage(page, label);
        await page.getByTestId('jobs-open').click();
        const rows = page.locator('[data-testid="job-table"] tbody tr[data-job-id]');
        await expect.poll(() => rows.count()).toBe(3);
        const runningRow = page.locator(`[data-testid="job-table"] tr[data-job-id="${running.id}"]`);
        await runningRow.locator('.ant-progress').waitFor();

        expect(await wrappedCells(page), locale).toEqual([]);
        const table = page.getByTestId('job-table').locator('.ant-table-content');
        expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth), `${locale}: the table fits the drawer`).toBe(true);
        // An ordinary job reads whole; only text longer than its column is cut.
        const refreshed = await rows.evaluateAll((trs) => trs.find((tr) => tr.getAttribute('data-status') === 'succeeded')?.getAttribute('data-job-id'));
        expect(await cutTexts(page, refreshed ?? ''), locale).toEqual([]);
        expect(await cutTexts(page, failed.id), locale).toEqual([longUsername, longError]);
        const failedRow = page.locator(`[data-testid="job-table"] tr[data-job-id="${failed.id}"]`);
        // Compact start time: month-day and minutes, the year only when it is not this one.
        expect(await failedRow.locator('td').nth(4).textContent()).toMatch(/^\d\d-\d\d \d\d:\d\d$/);
        // Cut, but all there: the whole error is in the row and in a tooltip on hover.
        expect(await failedRow.textContent()).toContain(longError);
        await failedRow.locator('.ant-typography-danger').hover();
        await page.locator('.ant-tooltip').filter({ hasText: 'Candidate bindings' }).waitFor();
        await page.mouse.move(0, 0);
        await screenshot(page, join(resultsDir, `jobs-drawer-1440-${locale}.png`));
      }
    } finally {
      release();
    }
    expect((await waitForJob(stack.db, running.id, 50)).status).toBe('succeeded');
  });

  it('lets an analyst follow jobs but not start one, and shows an agent neither', async () => {
    const analystPage = await stack.newPage();
    await logIn(analystPage, stack, await stack.createUser('analyst'));
    await analystPage.waitForURL(/\/dashboard$/);
    await analystPage.goto(`${stack.baseUrl}/tags`);
    await analystPage.getByTestId('jobs-open').waitFor();
    expect(await analystPage.getByTestId('tag-refresh').count()).toBe(0);

    const agentPage = await stack.newPage();
    await logIn(agentPage, stack, await stack.createUser('agent'));
    await agentPage.waitForURL(/\/(dashboard|customers)/);
    await agentPage.goto(`${stack.baseUrl}/tags`);
    await agentPage.getByTestId('tag-catalogue').waitFor();
    expect(await agentPage.getByTestId('jobs-open').count()).toBe(0);
    expect(await agentPage.getByTestId('tag-refresh').count()).toBe(0);
  });
});
