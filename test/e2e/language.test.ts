import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, logIn } from './support/console-page';
import { startStack, type Stack } from './support/start-stack';

describe('the language switch', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack({ customers: 120 });
    page = await stack.newPage();
    await logIn(page, stack);
    await page.waitForURL(/\/dashboard$/);
  });
  afterAll(() => stack?.close());

  const menuText = () => page.getByTestId('side-menu').textContent();

  it('switches labels, antd’s own texts and number formats from Chinese to English', async () => {
    expect(await menuText()).toContain('数据总览');
    await chooseLanguage(page, 'English');
    await expect.poll(menuText).toContain('Dashboard');
    expect(await menuText()).toContain('Data');
    expect(await menuText()).not.toContain('数据总览');
    expect(await page.getByTestId('as-of').textContent()).toMatch(/^Data as of \d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('user-role').textContent()).toBe('Administrator');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
  });

  it('persists across a reload, in storage and in the cookie the server reads', async () => {
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await menuText()).toContain('Dashboard');
    expect(await page.evaluate(() => localStorage.getItem('cw_locale'))).toBe('en-US');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'cw_locale');
    expect(cookie?.value).toBe('en-US');
  });

  it('makes the server answer in the same language', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    expect(await page.getByTestId('login-submit').textContent()).toBe('Log in');
    await logIn(page, stack, { password: 'a-wrong-password' });
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('wrong username or password');
  });

  it('switches back to Chinese, which also persists', async () => {
    await logIn(page, stack);
    await page.waitForURL(/\/dashboard$/);
    await chooseLanguage(page, '简体中文');
    await expect.poll(menuText).toContain('数据总览');
    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await menuText()).toContain('数据管理');
    expect((await page.context().cookies()).find((c) => c.name === 'cw_locale')?.value).toBe('zh-CN');
  });
});
