import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

describe('logging in to the console', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    page = await stack.newPage();
  });
  afterAll(() => stack?.close());

  it('sends an anonymous visitor to the login page, in Chinese by default', async () => {
    await page.goto(`${stack.baseUrl}/data`);
    await page.waitForURL(/\/login\?next=%2Fdata$/);
    // The browser asks for English (context locale en-US); the console's default is still zh-CN.
    await expect.poll(() => page.getByTestId('login-submit').textContent()).toBe('登录');
  });

  it('shows the server’s own message for a wrong password and stays on the login page', async () => {
    const expected = await fetch(`${stack.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ username: stack.admin.username, password: 'not-the-password' }),
    }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { error: { messages: Record<string, string> } },
    }));
    expect(expected.status).toBe(401);

    await page.getByTestId('login-username').fill(stack.admin.username);
    await page.getByTestId('login-password').fill('still-not-the-password');
    await page.getByTestId('login-submit').click();
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(expected.body.error.messages['zh-CN']);
    expect(page.url()).toContain('/login');
  });

  it('goes back to the page asked for after the right password, and shows who is logged in', async () => {
    await page.getByTestId('login-password').fill(stack.admin.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/data$/);
    expect(await page.getByTestId('user-name').textContent()).toContain('Administrator');
    expect(await page.getByTestId('user-role').textContent()).toBe('系统管理员');
    const menu = await page.getByTestId('side-menu').textContent();
    expect(menu).toContain('数据总览');
    expect(menu).toContain('数据管理');
  });

  it('lands on the dashboard when logging in from the login page itself', async () => {
    const fresh = await stack.newPage();
    await logIn(fresh, stack);
    await fresh.waitForURL(/\/dashboard$/);
    await fresh.getByTestId('kpi-customers').waitFor();
    await fresh.context().close();
  });

  it('logs out: the session ends and the console asks for the password again', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${stack.baseUrl}/dashboard`);
    await page.waitForURL(/\/login\?next=%2Fdashboard$/);
    const me = await page.request.get(`${stack.baseUrl}/api/auth/me`);
    expect(me.status()).toBe(401);
  });
});
