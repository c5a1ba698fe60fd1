import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCardwiseError } from '../core';
import { builtinTags, customTags, deleteTag, saveTag, tagDetail } from '../tags';
import { tempStore } from '../test-support/temp-store';
import { createSegment, deleteSegment, getSegment } from './definition-store';
import type { Store } from './test-fixture';

// A saved segment reads tags. Editing or deleting a tag so that the segment's rule no longer checks would make
// its nightly snapshot fail (and with it the entry and exit events journeys start from), so the tag edit is
// refused, naming the segment; edits the rule survives go through.

const travelBand = {
  code: 'travel_band',
  name_zh: '差旅消费档',
  name_en: 'Travel spend band',
  dimension: 'interest',
  type: 'enum',
  values: ['none', 'some', 'heavy'],
  spec: {
    kind: 'computed',
    expression: "if(spend_travel_90d > 5000, 'heavy', if(spend_travel_90d > 0, 'some', 'none'))",
  },
  description: 'Travel spend in 90 days, in three bands.',
} as const;

const refusal = (error: unknown) => ({
  code: isCardwiseError(error) ? error.code : undefined,
  readers: isCardwiseError(error)
    ? (error.details as { readers: Array<{ kind: string; id: string }> }).readers.map(
        (r) => `${r.kind}:${r.id}`,
      )
    : [],
  en: isCardwiseError(error) ? error.messages['en-US'] : String(error),
  zh: isCardwiseError(error) ? error.messages['zh-CN'] : String(error),
});

describe('saved segments as readers of tags', () => {
  let store: Store;
  let heavyId: string;
  beforeAll(async () => {
    store = await tempStore();
    await saveTag(store.db, travelBand, 'usr_1', 'create');
    heavyId = (
      await createSegment(
        store.db,
        { nameZh: '重度差旅', nameEn: 'Heavy travellers', description: 'x', rule: "travel_band = 'heavy'" },
        'usr_1',
      )
    ).id;
  });
  afterAll(async () => store.cleanup());

  it('refuses deleting a tag a saved segment reads, naming the segment, and keeps the tag', async () => {
    const error = refusal(await deleteTag(store.db, travelBand.code).catch((e: unknown) => e));
    expect(error.code).toBe('conflict');
    expect(error.readers).toEqual([`segment:${heavyId}`]);
    expect(error.en).toMatch(
      /deleting tag travel_band would break .*segment 'Heavy travellers'.*unknown tag 'travel_band'/,
    );
    expect(error.zh).toMatch(/分群「重度差旅」/);
    expect((await customTags(store.db)).map((t) => t.definition.code)).toEqual([travelBand.code]);
  });

  it("lists a tag's direct readers on its detail: the segment naming it, and the tags computed from it", async () => {
    expect((await tagDetail(store.db, travelBand.code)).readers).toEqual([
      { kind: 'segment', id: heavyId, name: 'Heavy travellers', nameZh: '重度差旅' },
    ]);
    // travel_band reads spend_travel_90d; the segment reads only travel_band, so it is not a direct reader.
    const travelReaders = (await tagDetail(store.db, 'spend_travel_90d')).readers;
    expect(travelReaders).toContainEqual({
      kind: 'tag',
      id: travelBand.code,
      name: travelBand.name_en,
      nameZh: travelBand.name_zh,
    });
    expect(travelReaders.map((r) => r.kind)).not.toContain('segment');
    // Built-in readers too, as the library's expressions name them.
    const computedFromSpend = builtinTags
      .filter((t) => t.spec.kind === 'computed' && /\bspend_90d\b/.test(t.spec.expression))
      .map((t) => t.code);
    expect(computedFromSpend.length).toBeGreaterThan(0);
    const spendReaders = (await tagDetail(store.db, 'spend_90d')).readers
      .filter((r) => r.kind === 'tag')
      .map((r) => r.id);
    expect(spendReaders.sort()).toEqual(computedFromSpend.sort());
  });

  it('refuses removing an enum value the rule compares with, and lets through an edit the rule survives', async () => {
    const renamed = {
      ...travelBand,
      values: ['none', 'some', 'frequent'],
      spec: {
        kind: 'computed',
        expression: "if(spend_travel_90d > 5000, 'frequent', if(spend_travel_90d > 0, 'some', 'none'))",
      },
    };
    const error = refusal(await saveTag(store.db, renamed, 'usr_1', 'update').catch((e: unknown) => e));
    expect(error.readers).toEqual([`segment:${heavyId}`]);
    expect(error.en).toMatch(/'heavy'/);
    expect((await customTags(store.db))[0]?.definition.values).toEqual(['none', 'some', 'heavy']);
    // A new threshold and an added value leave `travel_band = 'heavy'` meaningful.
    const widened = {
      ...travelBand,
      values: ['none', 'some', 'heavy', 'extreme'],
      spec: {
        kind: 'computed',
        expression:
          "if(spend_travel_90d > 50000, 'extreme', if(spend_travel_90d > 3000, 'heavy', if(spend_travel_90d > 0, 'some', 'none')))",
      },
    };
    expect((await saveTag(store.db, widened, 'usr_1', 'update')).version).toBe(2);
    expect((await getSegment(store.db, heavyId)).rule).toBe("travel_band = 'heavy'");
  });

  it('lets the tag go once no saved segment reads it', async () => {
    await deleteSegment(store.db, heavyId, 'usr_1');
    await deleteTag(store.db, travelBand.code);
    expect(await customTags(store.db)).toEqual([]);
  });
});
