import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import type { Role } from '../../../src/core/schema';
import type { Credentials, Stack } from './start-stack';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
export const resultsDir = join(repoRoot, 'test-results', 'e2e');
const docsScreenshots = join(repoRoot, 'docs', 'screenshots');

/**
 * The README's screenshots are tracked files: they are rewritten only on request
 * (`CARDWISE_DOCS_SCREENSHOTS=1 npm run test:e2e`), never as a side effect of a test run.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.CARDWISE_DOCS_SCREENSHOTS !== '1') return;
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(400);
  await screenshot(page, join(docsScreenshots, name));
  if (viewport) await page.setViewportSize(viewport);
}

/** Switches the console's language with its own switch (the choice is kept for the next visit). */
export async function chooseLanguage(page: Page, label: 'English' | '简体中文'): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.locator('.ant-select-item-option').filter({ hasText: label }).click();
}

/** Logs in from the login page, as the admin unless told otherwise; does not wait for where it lands. */
export async function logIn(page: Page, stack: Stack, who: Partial<Credentials> = {}): Promise<void> {
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByTestId('login-username').fill(who.username ?? stack.admin.username);
  await page.getByTestId('login-password').fill(who.password ?? stack.admin.password);
  await page.getByTestId('login-submit').click();
}

/**
 * A page in a fresh browser context, logged in as a new user of `role` (the admin when none is given), once
 * the login page is left: each role lands on its own first page (agents have no dashboard).
 */
export async function signedInPage(stack: Stack, role?: Role): Promise<Page> {
  const page = await stack.newPage();
  await logIn(page, stack, role === undefined ? {} : await stack.createUser(role));
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}

const hasRows = (rows: string[][]) => expect(rows).not.toHaveLength(0);

/**
 * The rows of a chart's hidden data table, cells as text, header excluded, once `check` passes on them (by
 * default: once there is a row). After an action that re-queries, the table keeps the previous answer's rows
 * until the new one arrives, so a test that reads right after acting passes a `check` for the state it
 * asserts. `check` asserts with `expect`; if it never passes, its last failure is the one reported.
 */
export function chartRows(
  page: Page,
  testId: string,
  check: (rows: string[][]) => void = hasRows,
): Promise<string[][]> {
  const rows = page.getByTestId(`${testId}-data`).locator('tbody tr');
  return vi.waitFor(
    async () => {
      const read = await cellTexts(rows);
      check(read);
      return read;
    },
    // Playwright's own default wait: a re-query on a busy machine can take seconds.
    { timeout: 30_000, interval: 100 },
  );
}

function cellTexts(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((elements) =>
    elements.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
  );
}

/** A KPI's raw figure (its data-value), after the dashboard has loaded it. */
export async function kpiValue(page: Page, testId: string): Promise<number> {
  const element = page.getByTestId(testId);
  await element.waitFor();
  return Number(await element.getAttribute('data-value'));
}

/** Waits until every echarts canvas has drawn, so a screenshot shows charts rather than empty frames. */
export async function settleCharts(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('canvas').length > 0);
  await page.waitForTimeout(1200); // echarts' entry animation lasts one second
}

/**
 * The whole page, taken with a viewport as tall as the page rather than with `fullPage`, so that fixed and
 * sticky parts (the side menu) sit where a person sees them. A relative `file` lands in test-results/e2e.
 */
export async function screenshot(page: Page, file: string): Promise<string> {
  const path = resolve(resultsDir, file);
  mkdirSync(dirname(path), { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.waitForTimeout(400); // charts resize to the new viewport
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}
