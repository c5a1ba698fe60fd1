import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
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

/** Logs in from the login page, as the admin unless told otherwise; does not wait for where it lands. */
export async function logIn(page: Page, stack: Stack, who: Partial<Credentials> = {}): Promise<void> {
  await page.goto(`${stack.baseUrl}/login`);
  await page.getByTestId('login-username').fill(who.username ?? stack.admin.username);
  await page.getByTestId('login-password').fill(who.password ?? stack.admin.password);
  await page.getByTestId('login-submit').click();
}

/** The rows of a chart's hidden data table, cells as text, header excluded. */
export async function chartRows(page: Page, testId: string): Promise<string[][]> {
  const table = page.getByTestId(`${testId}-data`);
  await table.locator('tbody tr').first().waitFor({ state: 'attached' });
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
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
 * sticky parts (the side menu) sit where a person sees them.
 */
export async function screenshot(page: Page, path: string): Promise<string> {
  mkdirSync(dirname(path), { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.waitForTimeout(400); // charts resize to the new viewport
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
  return path;
}
