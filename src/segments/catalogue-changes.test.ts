import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCardwiseError } from '../core';
import { customTags, saveTag } from '../tags';
import { tempStore } from '../test-support/temp-store';
import { ruleCatalog } from './catalog';
import { createSegment, getSegment, listSegments, updateSegment } from './definition-store';
import type { Segment } from './definition-schema';
import type { Store } from './test-fixture';
import { prepareRule } from './validate';

// A tag edit checks the saved segments, and a segment's save checks the tags. Under snapshot isolation two
// such changes made at once could each pass its check against the other's old state and both commit, leaving
// a segment whose rule no longer checks (its nightly snapshot would then fail). They run one at a time, so
// whichever comes second sees the first.

const band = (values: readonly string[], top: string) => ({
  code: 'dining_band',
  name_zh: '餐饮消费档',
  name_en: 'Dining spend band',
  dimension: 'interest',
  type: 'enum',
  values,
  spec: { kind: 'computed', expression: `if(spend_dining_90d > 3000, '${top}', 'other')` },
  description: 'Dining spend in 90 days, in two bands.',
});

const outcome = (settled: PromiseSettledResult<unknown>) =>
  settled.status === 'fulfilled'
    ? 'saved'
    : isCardwiseError(settled.reason)
      ? settled.reason.code
      : String(settled.reason);

describe('changes to tags and segments made at the same time', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
    await saveTag(store.db, band(['other', 'heavy'], 'heavy'), 'usr_1', 'create');
  });
  afterAll(async () => store.cleanup());

  it('never leaves a saved segment whose rule the saved tags break', async () => {
    for (let round = 1; round <= 4; round += 1) {
      const before = (await customTags(store.db))[0]!.definition;
      const kept = before.values![1]!;
      const renamed = `heavy${round}`;
      const [edit, create] = await Promise.allSettled([
        saveTag(store.db, band(['other', renamed], renamed), 'usr_1', 'update'),
        createSegment(
          store.db,
          {
            nameZh: `重度餐饮 ${round}`,
            nameEn: `Heavy diners ${round}`,
            description: 'x',
            rule: `dining_band = '${kept}'`,
          },
          'usr_1',
        ),
      ]);
      // One of the two goes through; the other is refused for the first (the edit as a conflict naming the
      // segment, or the rule as naming a value the tag no longer has).
      expect([outcome(edit), outcome(create)].filter((o) => o === 'saved')).toHaveLength(1);
      const catalog = await ruleCatalog(store.db);
      for (const segment of await listSegments(store.db, { kind: 'rule' })) {
        expect(() => prepareRule(segment.rule, catalog), segment.rule).not.toThrow();
      }
      // Segments made in earlier rounds keep their value, so later edits are refused; start each round clean.
      if (outcome(create) === 'saved') await store.db.run("DELETE FROM segments WHERE kind = 'rule'");
    }
  });

  it('lets only one of two edits made from the same version through', async () => {
    const segment = await createSegment(
      store.db,
      { nameZh: '高消费', nameEn: 'High spenders', description: 'x', rule: 'spend_90d > 5000' },
      'usr_1',
    );
    const edits = await Promise.allSettled(
      [6000, 7000].map((threshold) =>
        updateSegment(
          store.db,
          segment.id,
          { nameZh: '高消费', nameEn: 'High spenders', description: 'x', rule: `spend_90d > ${threshold}` },
          'usr_2',
          segment.version,
        ),
      ),
    );
    expect(edits.map(outcome).sort()).toEqual(['conflict', 'saved']);
    const saved = await getSegment(store.db, segment.id);
    expect(saved.version).toBe(2);
    const winner = edits.find((e): e is PromiseFulfilledResult<Segment> => e.status === 'fulfilled');
    expect(winner?.value.rule).toBe(saved.rule);
  });
});
