import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentSize } from './definition-schema';
import { createSegment, getSegment, updateSegment } from './definition-store';
import { segmentSizes } from './sizes';
import { snapshotSegment } from './snapshot-store';
import { writeProfile, type Store } from './test-fixture';
import { tempStore } from '../test-support/temp-store';

// Scenario table: each step changes the world (a tag refresh writes the profile for a day, a snapshot, an
// edit) and states the size the segment list must show for "spend_90d >= 5000" and where it comes from.
type Step =
  | { readonly profile: Readonly<Record<string, number>> | 'without spend_90d' | 'dropped'; readonly asOf: string }
  | { readonly snapshot: true }
  | { readonly rule: string };

const steps: ReadonlyArray<{ readonly step: Step; readonly size: Pick<SegmentSize, 'count' | 'share' | 'source' | 'asOf'> | null }> = [
  // Never snapshotted: counted live on the profile.
  { step: { profile: { C1: 6000, C2: 100, C3: 9000 }, asOf: '2024-06-30' }, size: { count: 2, share: 2 / 3, source: 'live', asOf: '2024-06-30' } },
  { step: { snapshot: true }, size: { count: 2, share: 2 / 3, source: 'snapshot', asOf: '2024-06-30' } },
  // A refresh for a later day makes the snapshot old: live again until the next snapshot.
  { step: { profile: { C1: 6000, C2: 7000, C3: 9000, C4: 0 }, asOf: '2024-07-01' }, size: { count: 3, share: 3 / 4, source: 'live', asOf: '2024-07-01' } },
  { step: { snapshot: true }, size: { count: 3, share: 3 / 4, source: 'snapshot', asOf: '2024-07-01' } },
  // An edited rule is another segment than the one snapshotted.
  { step: { rule: 'spend_90d >= 8000' }, size: { count: 1, share: 1 / 4, source: 'live', asOf: '2024-07-01' } },
  { step: { snapshot: true }, size: { count: 1, share: 1 / 4, source: 'snapshot', asOf: '2024-07-01' } },
  // Without a profile the latest snapshot of this version is all there is; its share cannot be said.
  { step: { profile: 'dropped', asOf: '2024-07-01' }, size: { count: 1, share: null, source: 'snapshot', asOf: '2024-07-01' } },
  // A profile that cannot answer the rule: no figure rather than a wrong one.
  { step: { profile: 'without spend_90d', asOf: '2024-07-02' }, size: null },
];

async function apply(store: Store, segmentId: string, step: Step): Promise<void> {
  if ('snapshot' in step) {
    await snapshotSegment(store.db, segmentId);
  } else if ('rule' in step) {
    const current = await getSegment(store.db, segmentId);
    await updateSegment(store.db, segmentId, { nameZh: current.nameZh, nameEn: current.nameEn, rule: step.rule }, 'usr_test');
  } else if (step.profile === 'dropped') {
    await store.db.run('DROP TABLE profile');
  } else {
    const spend = step.profile === 'without spend_90d' ? { C1: null } : step.profile;
    const columns: Record<string, 'VARCHAR' | 'DATE' | 'DOUBLE'> = { customer_id: 'VARCHAR', as_of: 'DATE' };
    if (step.profile !== 'without spend_90d') columns.spend_90d = 'DOUBLE';
    await writeProfile(store.db, columns, Object.entries(spend).map(([customer_id, spend_90d]) => ({ customer_id, as_of: step.asOf, spend_90d })));
  }
}

describe('segment sizes in the list', () => {
  let store: Store;
  let segmentId = '';
  beforeAll(async () => {
    store = await tempStore();
  });
  afterAll(() => store.cleanup());

  it.each(steps.map((s, i) => [i + 1, s] as const))('step %i', async (_i, { step, size }) => {
    await apply(store, segmentId, step);
    if (!segmentId) segmentId = (await createSegment(store.db, { nameZh: '高消费', nameEn: 'High spend', rule: 'spend_90d >= 5000' }, 'usr_test')).id;
    const segment = await getSegment(store.db, segmentId);
    const shown = (await segmentSizes(store.db, [segment])).get(segmentId);
    expect(shown === null ? null : { count: shown?.count, share: shown?.share, source: shown?.source, asOf: shown?.asOf }).toEqual(size);
    if (shown) expect(shown.takenAt === null).toBe(shown.source === 'live');
  });
});
