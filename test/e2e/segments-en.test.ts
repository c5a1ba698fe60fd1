import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTags } from '../../src/tags';
import { pickOption } from './support/antd-select';
import { chooseLanguage, screenshot, signedInPage } from './support/console-page';
import { startProfileStack } from './support/profile-stack';
import { shanghaiDay } from './support/shanghai-day';
import type { Stack } from './support/start-stack';

// The segment builder with the console in English. The count is checked against SQL of the test's own over
// the RAW tables (transactions, customers), not the profile: purchases as non-negative amounts (refunds are
// negative), Shanghai days through ICU's time-zone rules, the 90-day window as a day difference.
const rawCountSql = `
  WITH as_of AS (SELECT ${shanghaiDay('max(ts)')} AS d FROM transactions),
  purchases AS (
    SELECT t.customer_id, count(*)::INTEGER AS n FROM transactions t, as_of
    WHERE t.amount >= 0 AND date_diff('day', ${shanghaiDay('t.ts')}, as_of.d) BETWEEN 0 AND 89 GROUP BY 1)
  SELECT count(*)::INTEGER AS n
  FROM customers c JOIN purchases p ON p.customer_id = c.customer_id
  WHERE p.n >= $purchases AND ($marital IS NULL OR c.marital_status = $marital)`;

const cjk = /[\u4e00-\u9fff]/;
const customers = 300;

/** The builder's tag picker lists a tag as "<English name> · <code>". */
function tagTitle(code: string): string {
  const tag = builtinTags.find((t) => t.code === code);
  if (!tag) throw new Error(`no built-in tag ${code}`);
  return `${tag.name_en} · ${code}`;
}

/** Visible text of the elements, and the labels people read without it being text (placeholders, aria-labels, titles). */
async function visibleLabels(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements.flatMap((element) => [
      (element as HTMLElement).innerText,
      ...Array.from(element.querySelectorAll('[placeholder], [aria-label], [title]')).flatMap((e) =>
        ['placeholder', 'aria-label', 'title'].map((a) => e.getAttribute(a) ?? ''),
      ),
    ]),
  );
}

const chineseIn = (texts: string[]) => texts.filter((text) => cjk.test(text));

describe('segment builder in English', () => {
  let stack: Stack;
  let page: Page;

  const rawCount = async (purchases: number, marital: string | null) =>
    (await stack.db.one<{ n: number }>(rawCountSql, { purchases, marital }))?.n ?? -1;

  beforeAll(async () => {
    stack = await startProfileStack({ customers });
    page = await signedInPage(stack, 'operator');
  });
  afterAll(() => stack?.close());

  async function liveCount(rule: string): Promise<number> {
    const count = page.locator(
      `[data-testid="live-count"][data-current="true"][data-rule="${rule.replace(/"/g, '\\"')}"]`,
    );
    await count.waitFor({ timeout: 20_000 });
    return Number(await count.getAttribute('data-value'));
  }

  it('switches to English and opens the builder with English labels', async () => {
    // An operator lands on "/" and is sent on to the dashboard: switching before that lands on a menu about to unmount.
    await page.waitForURL(/\/dashboard$/);
    await chooseLanguage(page, 'English');
    await expect.poll(() => page.getByTestId('side-menu').textContent()).toContain('Segments');
    await page.getByTestId('side-menu').getByText('Segments').click();
    await page.getByTestId('segment-new').click();
    await page.waitForURL(/\/segments\/new$/);
    await page.getByTestId('rule-visual').waitFor();
    expect(await page.locator('.ant-layout-content h4').first().textContent()).toBe('New segment');
    expect(await page.getByTestId('live-count-idle').textContent()).toBe(
      'Add a condition or type a rule to see the count',
    );
  });

  it('builds a number and an enum condition; the text follows and the count equals raw-table SQL', async () => {
    const one = 'txn_count_90d >= 16';
    const both = `${one} and marital_status = 'married'`;
    const expectedOne = await rawCount(16, null);
    const expectedBoth = await rawCount(16, 'married');
    // A count of everyone or no one, or an enum that filters nothing, would not tell a right answer from a wrong one.
    expect(expectedOne).toBeGreaterThan(0);
    expect(expectedOne).toBeLessThan(customers);
    expect(expectedBoth).toBeGreaterThan(0);
    expect(expectedBoth).toBeLessThan(expectedOne);

    await page.getByTestId('group-0-add').click();
    await pickOption(page, 'condition-0-0-tag', tagTitle('txn_count_90d'), 'txn_count_90d');
    await pickOption(page, 'condition-0-0-op', 'at least');
    await page.getByTestId('condition-0-0-value-0').fill('16');
    await expect.poll(() => page.getByTestId('rule-text').inputValue()).toBe(one);
    expect(await liveCount(one)).toBe(expectedOne);

    await page.getByTestId('group-0-add').click();
    await pickOption(page, 'condition-0-1-tag', tagTitle('marital_status'), 'marital_status');
    expect(await page.getByTestId('condition-0-1').getAttribute('data-op')).toBe('=');
    await pickOption(page, 'condition-0-1-value', 'Married (married)');
    await expect.poll(() => page.getByTestId('rule-text').inputValue()).toBe(both);
    expect(await liveCount(both)).toBe(expectedBoth);

    // The figures around the count, in English number and percent formats.
    const share = Number(await page.getByTestId('live-count-share').getAttribute('data-value'));
    expect(share).toBeCloseTo(expectedBoth / customers, 10);
    expect(await page.getByTestId('live-count-share').textContent()).toBe(
      `${((100 * expectedBoth) / customers).toFixed(1)}% of all ${customers} customers`,
    );
    expect(await page.getByTestId('live-count-ms').textContent()).toMatch(/^\s*\d+\.\d ms$/);
    expect(await page.getByTestId('live-count-card').textContent()).toContain('Matching customers');
    expect(await page.getByTestId('group-0').textContent()).toContain('AND');
  });

  it('editing the text moves the conditions, and the count follows it', async () => {
    const rule = "txn_count_90d >= 25 and marital_status = 'single'";
    const expected = await rawCount(25, 'single');
    expect(expected).toBeGreaterThan(0);
    await page.getByTestId('rule-text').fill(rule);
    const value = page.getByTestId('condition-0-0-value-0');
    await expect.poll(() => value.inputValue()).toBe('25');
    expect(await page.getByTestId('condition-0-0').getAttribute('data-tag')).toBe('txn_count_90d');
    expect(await page.getByTestId('condition-0-0').getAttribute('data-op')).toBe('>=');
    expect(await page.getByTestId('condition-0-1').getAttribute('data-tag')).toBe('marital_status');
    // The value reads as its label (the last test shows it does before the tag's list of values arrives).
    await expect.poll(() => page.getByTestId('condition-0-1-value').textContent()).toBe('Single (single)');
    expect(await page.getByTestId('condition-0-0-op').textContent()).toBe('at least');
    expect(await liveCount(rule)).toBe(expected);
    expect(await page.getByTestId('rule-visual').getAttribute('data-mode')).toBe('visual');
  });

  it('shows no Chinese in the builder: conditions, pickers, count, details and menu', async () => {
    await page.getByTestId('segment-name-en').fill('Frequent single buyers');
    await page.getByTestId('segment-name-zh').fill('高频单身客户');
    const texts = await visibleLabels(page.locator('.ant-layout-content, [data-testid="side-menu"]'));
    expect(texts.join('\n')).toContain('Rule expression');
    expect(chineseIn(texts)).toEqual([]);

    // The tag picker's groups and options, and an operator list, as they open.
    await page.getByTestId('condition-0-0-tag').locator('.ant-select').click();
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await open.locator('.ant-select-item-option').first().waitFor();
    const picker = await visibleLabels(open);
    expect(picker.join('\n')).toContain('Behaviour');
    expect(chineseIn(picker)).toEqual([]);
    await page.keyboard.press('Escape');
    await open.waitFor({ state: 'detached' }).catch(() => undefined);
    await page.getByTestId('condition-0-1-op').locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .waitFor();
    const ops = await visibleLabels(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
    expect(ops.join('\n')).toContain('is one of');
    expect(chineseIn(ops)).toEqual([]);
    await page.keyboard.press('Escape');

    // A problem with the rule is explained in English too.
    await page.getByTestId('rule-text').fill('txn_count_90d >= ');
    const error = page.getByTestId('rule-text-error');
    await error.waitFor();
    expect(cjk.test((await error.textContent()) ?? '')).toBe(false);
    expect(await page.getByTestId('live-count-idle').textContent()).toBe('Fix the rule to see the count');
    await page.getByTestId('rule-text').fill("txn_count_90d >= 25 and marital_status = 'single'");
    await liveCount("txn_count_90d >= 25 and marital_status = 'single'");
    await screenshot(page, 'segment-builder-en-US.png');
  });

  it("shows an enum value's label while the tag's list of values is still on its way", async () => {
    // Hold the tag's definition (where its values are listed) until the label has been read.
    let requested = false;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let passedOn: Promise<void> = Promise.resolve();
    await page.route('**/api/tags/card_tier', (route) => {
      requested = true;
      passedOn = held.then(() => route.continue());
      return passedOn;
    });
    try {
      await page.getByTestId('rule-text').fill("card_tier = 'gold'");
      await expect.poll(() => requested).toBe(true);
      const value = page.getByTestId('condition-0-0-value');
      await expect.poll(() => value.textContent()).toBe('Gold (gold)');
    } finally {
      release();
      await passedOn;
      await page.unroute('**/api/tags/card_tier');
    }
    // Once the list arrives, the other tiers are offered too.
    await page.getByTestId('condition-0-0-value').locator('.ant-select').click();
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await expect
      .poll(() => open.locator('.ant-select-item-option').allTextContents())
      .toEqual(['Classic (classic)', 'Gold (gold)', 'Platinum (platinum)', 'Diamond (diamond)']);
    await page.keyboard.press('Escape');
  });

  it("shows a built-in segment's description in English", async () => {
    await page.goto(`${stack.baseUrl}/segments/seg_risk_grade_a`);
    const description = page.getByTestId('segment-description');
    await description.waitFor();
    expect(await description.textContent()).toBe(
      'No overdue, rarely pays only the minimum, good bureau score.',
    );
  });
});
