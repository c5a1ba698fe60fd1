import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

describe('what each role sees', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ customers: 80 });
  });
  afterAll(() => stack?.close());

  it('an analyst reads the dashboard and the data page but may not re-run quality or cluster a table', async () => {
    const page = await stack.newPage();
    await logIn(page, stack, await stack.createUser('analyst'));
    await page.waitForURL(/\/dashboard$/);
    expect(await page.getByTestId('user-role').textContent()).toBe('数据分析师');
    await page.getByTestId('side-menu').getByText('数据管理').click();
    await page.getByTestId('quality-card').waitFor();
    expect(await page.getByTestId('quality-rerun').count()).toBe(0);
    // The layout is there to read, and its jobs to follow; starting one is for administrators.
    await page.getByTestId('layout-tail-transactions').waitFor();
    await page.getByTestId('jobs-open').waitFor();
    expect(await page.getByTestId('layout-cluster').count()).toBe(0);
  });

  it('an auditor sees the dashboard only: the data page is not in the menu and refuses a direct visit', async () => {
    const page = await stack.newPage();
    await logIn(page, stack, await stack.createUser('auditor'));
    await page.waitForURL(/\/dashboard$/);
    const menu = await page.getByTestId('side-menu').textContent();
    expect(menu).toContain('数据总览');
    expect(menu).not.toContain('数据管理');
    await page.goto(`${stack.baseUrl}/data`);
    await page.getByText('您的角色无权访问此页面').waitFor();
  });

  it('a user on a one-time password must set a new one before anything else', async () => {
    const page = await stack.newPage();
    const user = await stack.createUser('operator', { oneTime: true });
    await logIn(page, stack, user);
    await page.waitForURL(/\/account\/password$/);
    await page.getByLabel('当前密码').fill(user.password);
    await page.getByLabel('新密码', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('确认新密码').fill('a-brand-new-password');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.waitForURL(/\/dashboard$/);
    await page.getByTestId('kpi-customers').waitFor();
  });
});
