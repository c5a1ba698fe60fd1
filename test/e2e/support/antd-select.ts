import type { Page } from 'playwright-core';

/**
 * Picks an option of the antd Select inside the element with `testId`: opens it, types `search` when given
 * (the list is virtual, so only options near the top exist in the page), and clicks the option whose title is
 * `title`. The dropdown renders in a portal, hence the page-wide lookup of the one that is open.
 */
export async function pickOption(page: Page, testId: string, title: string, search?: string): Promise<void> {
  await page.getByTestId(testId).locator('.ant-select').first().click();
  if (search !== undefined) await page.keyboard.type(search);
  const option = page.locator(
    `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`,
  );
  await option.first().click();
}
