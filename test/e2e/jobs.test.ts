import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, resultsDir, screenshot } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

// The profile refresh as a job, from the tags page: an operator starts it on a portfolio with no profile yet,
// follows it to the end, and finds it in the recent jobs with its phases and outcome, in both languages.
// Analysts may follow jobs but not start one; agents see neither.

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
    await page.getByTestId('language-switch').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'English' }).click();
    await page.getByTestId('jobs-open').click();
    const row = page.locator('[data-testid="job-table"] tbody tr[data-status="succeeded"]');
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Computing tags ✓ · Refreshing segments ✓');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Profile refresh');
    expect(text).toContain('full');
    await screenshot(page, join(resultsDir, 'jobs-drawer-en-US.png'));
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
