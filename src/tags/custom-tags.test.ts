import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { isCardwiseError } from '../core';
import type { Database } from '../db';
import type { TagDefinitionInput } from './definition-schema';
import { builtinTags } from './library';
import { checkDefinition } from './validate';
import { deleteTag, customTags, saveTag } from './definition-store';
import { currentPlan } from './refresh';

const base: TagDefinitionInput = {
  code: 'luxury_spend_90d',
  name_zh: '奢侈品消费（近90天）',
  name_en: 'Luxury spend, 90d',
  dimension: 'behaviour',
  type: 'number',
  spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', filter: "mcc = '5944'", window: '90d' },
  description: 'Spend at jewellery and watch shops in 90 days.',
};
const computed = (code: string, expression: string, type: 'number' | 'boolean' = 'number'): TagDefinitionInput => ({
  ...base,
  code,
  type,
  spec: { kind: 'computed', expression },
});
const issuesOf = (input: unknown) => checkDefinition(input, [...builtinTags]).issues;

describe('custom tag validation', () => {
  it('accepts a valid definition over any transaction field', () => {
    const result = checkDefinition(base, [...builtinTags]);
    expect(result.issues).toEqual([]);
    expect(result.resolved?.kind === 'dynamic' && result.resolved.relation.id).toBe('txn');
  });

  it('points at the position of a parse error', () => {
    const [issue] = issuesOf({ ...base, spec: { ...base.spec, filter: "category = 'dining' and" } });
    expect(issue?.field).toBe('spec.filter');
    expect(issue?.message).toMatch(/^col 24: /);
    expect(issue?.position).toBe(23);
  });

  it('names an unknown tag with a suggestion', () => {
    const [issue] = issuesOf(computed('x_score', 'spend_90 * 2'));
    expect(issue?.message).toMatch(/unknown tag 'spend_90'/);
    expect(issue?.suggestion).toBe('spend_90d');
  });

  it('refuses a wrong type and an unknown source field', () => {
    expect(issuesOf(computed('big_spender', 'spend_90d + 1', 'boolean'))[0]?.message).toMatch(/true\/false/);
    const [field] = issuesOf({ ...base, spec: { ...base.spec, filter: "categroy = 'dining'" } });
    expect(field?.suggestion).toBe('category');
    // A filter reads the source's fields, not tags: the message says so (it used to say "unknown tag").
    expect(field?.message).toMatch(/txn has no field 'categroy'; did you mean 'category'\?/);
    expect(field?.message_zh).toMatch(/txn 没有字段 'categroy'/);
  });

  it('takes an optional Chinese description, checked like the English one', () => {
    expect(issuesOf({ ...base, description_zh: '近90天在珠宝、钟表类商户的净消费金额。' })).toEqual([]);
    expect(issuesOf({ ...base, description_zh: '' }).map((i) => i.field)).toEqual(['description_zh']);
    expect(issuesOf({ ...base, description_zh: '长'.repeat(1001) }).map((i) => i.field)).toEqual(['description_zh']);
  });

  it('enforces the naming rule', () => {
    const [issue] = issuesOf({ ...base, code: 'luxury_spend_30d' });
    expect(issue?.field).toBe('code');
    expect(issuesOf({ ...base, code: 'LuxurySpend' })[0]?.field).toBe('code');
  });

  it('refuses an enum that names a value twice (its profile column is an enum of the values)', () => {
    const band = { ...base, code: 'luxury_band_90d', type: 'enum' as const };
    expect(issuesOf({ ...band, values: ['low', 'high', 'low'] }).map((i) => i.field)).toEqual(['values']);
    const labelled = { ...band, buckets: { edges: [100, 1000], labels: ['low', 'high', 'low'] } };
    expect(issuesOf(labelled).map((i) => i.field)).toEqual(['buckets.labels']);
    // With the values listed, several bands may share one value.
    expect(issuesOf({ ...labelled, values: ['low', 'high'] })).toEqual([]);
  });

  it('finds cycles among computed tags and gives the path', () => {
    const a = computed('tag_a', 'tag_b + 1');
    const b = computed('tag_b', 'tag_a + 1');
    const catalogue = [...builtinTags, { ...checkDefinition(computed('tag_b', 'spend_90d'), [...builtinTags]).definition! }];
    const withA = [...catalogue, checkDefinition(a, catalogue).definition!];
    const [issue] = checkDefinition(b, withA).issues;
    expect(issue?.message).toMatch(/cycle among computed tags: tag_a → tag_b → tag_a|tag_b → tag_a → tag_b/);
  });
});

describe('custom tag store', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
  });
  afterAll(async () => store.cleanup());

  it('saves nothing when the definition is invalid', async () => {
    const error = await saveTag(db, computed('bad_tag', 'spend_90d >'), 'usr_1', 'create').catch((e: unknown) => e);
    expect(isCardwiseError(error) && error.code).toBe('definition_invalid');
    expect(isCardwiseError(error) && (error.details as { issues: unknown[] }).issues.length).toBe(1);
    expect(await customTags(db)).toEqual([]);
  });

  it('keeps the Chinese description, and a change of descriptions leaves what a refresh runs as it was', async () => {
    await saveTag(db, base, 'usr_1', 'create');
    const before = JSON.stringify(await currentPlan(db, '2024-06-30'));
    const described = { ...base, description: 'Jewellery and watches, 90 days.', description_zh: '近90天珠宝钟表类净消费金额。' };
    await saveTag(db, described, 'usr_1', 'update');
    expect((await customTags(db))[0]?.definition.description_zh).toBe('近90天珠宝钟表类净消费金额。');
    // An incremental refresh recomputes a pass when its planned SQL changes: descriptions must not reach it.
    expect(JSON.stringify(await currentPlan(db, '2024-06-30'))).toBe(before);
    const changed = await saveTag(db, { ...described, spec: { ...base.spec, window: '90d', filter: "mcc = '5094'" } }, 'usr_1', 'update');
    expect(changed.version).toBe(3);
    expect(JSON.stringify(await currentPlan(db, '2024-06-30'))).not.toBe(before);
    await deleteTag(db, base.code);
  });

  it('makes whoever first saves a tag naming no owner its owner, through later edits by others', async () => {
    expect('owner' in base).toBe(false);
    expect((await saveTag(db, base, 'usr_1', 'create', 'li.na')).owner).toBe('li.na');
    expect((await saveTag(db, { ...base, description: 'Edited by someone else.' }, 'usr_2', 'update', 'wang.wei')).owner).toBe('li.na');
    expect((await customTags(db))[0]?.definition.owner).toBe('li.na');
    // A named owner (a team, say) is kept as given.
    expect((await saveTag(db, { ...base, owner: 'card-marketing' }, 'usr_2', 'update', 'wang.wei')).owner).toBe('card-marketing');
    await deleteTag(db, base.code);
  });

  it('creates, versions on update, refuses built-ins, and refuses deleting a tag others read', async () => {
    await saveTag(db, base, 'usr_1', 'create');
    const updated = await saveTag(db, { ...base, description: 'Jewellery and watches, 90 days.' }, 'usr_2', 'update');
    expect(updated.version).toBe(2);
    await saveTag(db, computed('luxury_share_90d', 'if(spend_90d > 0, luxury_spend_90d / spend_90d, null)'), 'usr_1', 'create');
    await expect(saveTag(db, { ...builtinTags[0] }, 'usr_1', 'update')).rejects.toThrow(/built-in/);
    await expect(deleteTag(db, 'luxury_spend_90d')).rejects.toThrow(/luxury_share_90d/);
    await deleteTag(db, 'luxury_share_90d');
    await deleteTag(db, 'luxury_spend_90d');
    expect(await customTags(db)).toEqual([]);
  });

  it('refuses a save over a version newer than the one the editor loaded', async () => {
    await saveTag(db, base, 'usr_1', 'create');
    await saveTag(db, { ...base, description: 'First edit.' }, 'usr_1', 'update', 'li.na', 1);
    // A second editor still holding version 1 would overwrite the first edit without seeing it.
    const error = await saveTag(db, { ...base, description: 'Stale edit.' }, 'usr_2', 'update', 'wang.wei', 1).catch((e: unknown) => e);
    expect(isCardwiseError(error) && [error.code, error.messages['en-US']]).toEqual(['conflict', 'the tag was changed meanwhile (now version 2)']);
    expect((await customTags(db))[0]?.definition).toMatchObject({ description: 'First edit.', version: 2 });
    expect((await saveTag(db, { ...base, description: 'Current edit.' }, 'usr_2', 'update', 'wang.wei', 2)).version).toBe(3);
    await deleteTag(db, base.code);
  });

  it('refuses an edit that would break a custom tag reading the edited one, and saves nothing', async () => {
    await saveTag(db, base, 'usr_1', 'create');
    await saveTag(db, computed('luxury_share_90d', 'if(spend_90d > 0, luxury_spend_90d / spend_90d, null)'), 'usr_1', 'create');
    // Banded into an enum, luxury_spend_90d could no longer be divided: the nightly refresh would stop on the reader.
    const banded = { ...base, type: 'enum' as const, buckets: { edges: [1000], labels: ['low', 'high'] } };
    const error = await saveTag(db, banded, 'usr_1', 'update').catch((e: unknown) => e);
    expect(isCardwiseError(error) && error.code).toBe('conflict');
    expect(String(error)).toMatch(/changing tag luxury_spend_90d would break definitions that read it.*luxury_share_90d/);
    const readers = isCardwiseError(error) ? (error.details as { readers: Array<{ kind: string; id: string }> }).readers : [];
    expect(readers.map((r) => [r.kind, r.id])).toEqual([['tag', 'luxury_share_90d']]);
    expect((await customTags(db)).find((t) => t.definition.code === base.code)?.definition).toMatchObject({ type: 'number', version: 1 });
    // An edit its reader survives (another window of the same measure) goes through.
    expect((await saveTag(db, { ...base, spec: { ...base.spec, filter: "mcc in ('5944', '5094')" } }, 'usr_1', 'update')).version).toBe(2);
    await deleteTag(db, 'luxury_share_90d');
    await deleteTag(db, base.code);
  });
});
