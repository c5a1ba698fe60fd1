import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTags, type TagReader } from '../../src/tags';
import { chooseLanguage, logIn, resultsDir, screenshot, signedInPage } from './support/console-page';
import { startProfileStack } from './support/profile-stack';
import type { Stack } from './support/start-stack';

// A tag's detail lists what reads it (被引用): a custom computed tag and a saved segment are created through
// the API, and the card on their inputs' details is checked against the API's `readers` and against what the
// test derives on its own from the built-in library and the definitions it saved. The segment names both the
// custom tag and the tag the custom tag reads, so the card on that tag lists both kinds, tags first.

const readTag = 'spend_travel_90d';
const custom = {
  code: 'travel_band_e2e',
  name_zh: '差旅消费档（e2e）',
  name_en: 'Travel spend band (e2e)',
  dimension: 'interest',
  type: 'enum',
  values: ['none', 'some', 'heavy'],
  spec: {
    kind: 'computed',
    expression: `if(${readTag} > 5000, 'heavy', if(${readTag} > 0, 'some', 'none'))`,
  },
  description: 'Travel spend in the last 90 days, in three bands.',
};
const segment = {
  nameZh: '重度差旅客户（e2e）',
  nameEn: 'Heavy travellers (e2e)',
  description: 'Customers in the heavy travel band who spent over 8,000 on travel.',
  rule: `${custom.code} = 'heavy' and ${readTag} > 8000`,
};

const cjk = /[\u4e00-\u9fff]/;

/** Whether an expression names a tag: as a whole word, outside its string literals (`'heavy'` names no tag). */
function namesTag(expression: string, code: string): boolean {
  return new RegExp(`\\b${code}\\b`).test(expression.replace(/'[^']*'/g, "''"));
}

/** The built-in tags computed from `code`: what reads it in the shipped library. */
function builtinReadersOf(code: string): string[] {
  return builtinTags
    .filter((tag) => tag.spec.kind === 'computed' && namesTag(tag.spec.expression, code))
    .map((tag) => tag.code);
}

const sorted = (values: readonly string[]) => [...values].sort();

describe("a tag's readers on its detail", () => {
  let stack: Stack & { readonly asOf: string };
  let page: Page;
  let segmentId = '';

  /** The API's readers of a tag, of one kind, as the page's user fetches them. */
  const apiReaders = async (code: string, kind: string): Promise<string[]> => {
    const response = await page.request.get(`${stack.baseUrl}/api/tags/${code}`);
    expect(response.status()).toBe(200);
    const { readers } = (await response.json()) as { readers: TagReader[] };
    return readers.filter((r) => r.kind === kind).map((r) => r.id);
  };

  /** The ids the open detail's card lists under a kind. */
  const listed = (on: Page, kind: string) =>
    on
      .locator(`[data-testid="tag-readers"] [data-testid="tag-reader"][data-kind="${kind}"]`)
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id') ?? ''));

  /** Opens a tag's detail by its address, as a shared link would, and waits for its readers card. */
  const openDetail = async (on: Page, code: string) => {
    await on.goto(`${stack.baseUrl}/tags?tag=${code}`);
    await on.getByTestId('tag-readers').waitFor();
  };

  beforeAll(async () => {
    stack = await startProfileStack({ customers: 300 });
    page = await stack.newPage();
    await logIn(page, stack, await stack.createUser('analyst'));
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const tag = await page.request.post(`${stack.baseUrl}/api/tags`, { data: custom });
    expect(tag.status(), await tag.text()).toBe(200);
    const saved = await page.request.post(`${stack.baseUrl}/api/segments`, { data: segment });
    expect(saved.status(), await saved.text()).toBe(200);
    segmentId = ((await saved.json()) as { id: string }).id;
  });
  afterAll(() => stack?.close());

  it('lists the tags computed from a tag, as the API does, and the segment naming it, tags first', async () => {
    await openDetail(page, readTag);
    const card = page.getByTestId('tag-readers');
    expect(await card.locator('.ant-card-head-title').textContent()).toBe('被引用');

    const expectedTags = [...builtinReadersOf(readTag), custom.code];
    const shownTags = await listed(page, 'tag');
    expect(sorted(shownTags)).toEqual(sorted(await apiReaders(readTag, 'tag')));
    expect(sorted(shownTags)).toEqual(sorted(expectedTags));
    expect(await listed(page, 'segment')).toEqual(await apiReaders(readTag, 'segment'));
    expect(await listed(page, 'segment')).toEqual([segmentId]);

    const groups = await card
      .locator('[data-testid^="tag-readers-"]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid')));
    expect(groups).toEqual(['tag-readers-tag', 'tag-readers-segment']);
    // Each by its Chinese name, its code beside it.
    const row = card.locator(`[data-testid="tag-reader"][data-id="${custom.code}"]`);
    expect(await row.locator('a').textContent()).toBe(custom.name_zh);
    expect(await row.innerText()).toContain(custom.code);
    expect(await card.innerText()).toContain('会使这些定义失效的修改将被拒绝');
    // The statistics say which snapshot they describe (a refresh's, not a later computation's).
    const newest = await stack.db.one<{ as_of: string }>(
      'SELECT max(as_of)::VARCHAR AS as_of FROM profile_snapshots',
    );
    expect(await page.getByTestId('tag-stats-as-of').textContent()).toBe(`截至 ${newest?.as_of} 的快照`);
    await screenshot(page, join(resultsDir, 'tag-readers-zh-CN.png'));
  });

  it("opens a reading tag's detail in the drawer, which lists the segment by its Chinese name", async () => {
    const card = page.getByTestId('tag-readers');
    await card.locator(`[data-testid="tag-reader"][data-id="${custom.code}"] a`).click();
    await page.waitForURL((url) => url.searchParams.get('tag') === custom.code);
    await expect
      .poll(() => page.locator('.ant-drawer-title').textContent())
      .toBe(`${custom.name_zh} · ${custom.code}`);
    await page.locator('[data-testid="tag-readers"] [data-testid="tag-reader"]').first().waitFor();

    // Built-in tags read only built-in tags, and no custom tag reads this one: the segment alone reads it.
    expect(await listed(page, 'tag')).toEqual(await apiReaders(custom.code, 'tag'));
    expect(await listed(page, 'tag')).toEqual([]);
    expect(await listed(page, 'segment')).toEqual(await apiReaders(custom.code, 'segment'));
    expect(await listed(page, 'segment')).toEqual([segmentId]);
    const segmentLink = page.locator(`[data-testid="tag-reader"][data-id="${segmentId}"] a`);
    expect(await segmentLink.textContent()).toBe(segment.nameZh);

    // The segment opens on its own page.
    await segmentLink.click();
    await page.waitForURL(`${stack.baseUrl}/segments/${segmentId}`);
    expect(await page.getByTestId('segment-title').textContent()).toBe(segment.nameZh);
  });

  it('says so when nothing reads a tag', async () => {
    // A built-in tag that no built-in computed tag names, and that neither saved definition names either.
    const unread = builtinTags.find(
      (tag) =>
        builtinReadersOf(tag.code).length === 0 &&
        !namesTag(custom.spec.expression, tag.code) &&
        !namesTag(segment.rule, tag.code),
    );
    if (!unread) throw new Error('every built-in tag is read by another: pick the unread tag differently');
    await openDetail(page, unread.code);
    expect(await apiReaders(unread.code, 'tag')).toEqual([]);
    expect(await apiReaders(unread.code, 'segment')).toEqual([]);
    expect(await page.getByTestId('tag-readers-none').textContent()).toBe('没有标签或分群引用它');
    expect(await page.locator('[data-testid="tag-reader"]').count()).toBe(0);
  });

  it('reads in English, names in English, for an auditor', async () => {
    const auditor = await signedInPage(stack, 'auditor');
    await auditor.goto(`${stack.baseUrl}/tags`);
    await auditor.getByTestId('tag-table').waitFor();
    await chooseLanguage(auditor, 'English');
    await openDetail(auditor, readTag);

    const card = auditor.getByTestId('tag-readers');
    await expect.poll(() => card.locator('.ant-card-head-title').textContent()).toBe('Read by');
    const row = card.locator(`[data-testid="tag-reader"][data-id="${custom.code}"]`);
    expect(await row.locator('a').textContent()).toBe(custom.name_en);
    const text = (await card.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(segment.nameEn);
    expect(text).toContain('An edit that would break these is refused until they are changed');
    expect(text).not.toMatch(cjk);
    await screenshot(auditor, join(resultsDir, 'tag-readers-en-US.png'));
  });
});
