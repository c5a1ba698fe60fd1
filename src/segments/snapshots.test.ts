import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { createSegment, deleteSegment } from './definition-store';
import { enteredOn, listEvents } from './events-store';
import { listSnapshots, snapshotAllSegments, snapshotMembers, snapshotSegment } from './snapshot-store';
import { writeProfile, type Store } from './test-fixture';

// Scenario table: each step sets every customer's spend_90d (a tag refresh), takes a snapshot of the segment
// "spend_90d >= 5000", and states who must have entered and exited since the previous snapshot.
const steps: ReadonlyArray<{
  readonly spend: Readonly<Record<string, number | null>>;
  readonly members: readonly string[];
  readonly entered: readonly string[];
  readonly exited: readonly string[];
}> = [
  // First snapshot: everyone in the segment entered it.
  { spend: { C1: 6000, C2: 100, C3: 5000 }, members: ['C1', 'C3'], entered: ['C1', 'C3'], exited: [] },
  // No change, no events.
  { spend: { C1: 6000, C2: 100, C3: 5000 }, members: ['C1', 'C3'], entered: [], exited: [] },
  // C2 rises above the bar, C3 falls below it: one in, one out.
  { spend: { C1: 7000, C2: 5200, C3: 4999 }, members: ['C1', 'C2'], entered: ['C2'], exited: ['C3'] },
  // C1 loses its value (unknown is not true) and C4 appears in the portfolio above the bar.
  { spend: { C1: null, C2: 5200, C3: 4999, C4: 9000 }, members: ['C2', 'C4'], entered: ['C4'], exited: ['C1'] },
  // C3 comes back: re-entry is an event again.
  { spend: { C1: null, C2: 5200, C3: 8000, C4: 9000 }, members: ['C2', 'C3', 'C4'], entered: ['C3'], exited: [] },
  // Everyone leaves.
  { spend: { C1: 0, C2: 0, C3: 0, C4: 0 }, members: [], entered: [], exited: ['C2', 'C3', 'C4'] },
];

async function setSpend(store: Store, spend: Readonly<Record<string, number | null>>): Promise<void> {
  await writeProfile(
    store.db,
    { customer_id: 'VARCHAR', spend_90d: 'DOUBLE' },
    Object.entries(spend).map(([customer_id, spend_90d]) => ({ customer_id, spend_90d })),
  );
}

describe('membership snapshots and entry/exit events', () => {
  let store: Store;
  let segmentId: string;
  beforeAll(async () => {
    store = await tempStore();
    await setSpend(store, {});
    segmentId = (await createSegment(store.db, { nameZh: '高消费', nameEn: 'High spend', rule: 'spend_90d >= 5000' }, 'ana')).id;
  });
  afterAll(() => store.cleanup());

  it('records who entered and exited between consecutive snapshots', async () => {
    const taken: string[] = [];
    for (const [i, step] of steps.entries()) {
      await setSpend(store, step.spend);
      const snapshot = await snapshotSegment(store.db, segmentId, { keepMemberships: 10 });
      expect([i, snapshot.size, snapshot.entered, snapshot.exited]).toEqual([i, step.members.length, step.entered.length, step.exited.length]);
      expect(snapshot.previousSnapshotId).toBe(taken.at(-1) ?? null);
      taken.push(snapshot.snapshotId);
      expect(await snapshotMembers(store.db, snapshot.snapshotId)).toEqual(step.members);
      const events = await listEvents(store.db, segmentId);
      const of = (kind: string) => events.items.filter((e) => e.event === kind).map((e) => e.customerId);
      expect([i, of('entered'), of('exited')]).toEqual([i, step.entered, step.exited]);
      expect(events.items.every((e) => e.snapshotId === snapshot.snapshotId && e.at === snapshot.takenAt)).toBe(true);
    }
    const history = await listSnapshots(store.db, segmentId);
    expect(history.map((s) => s.snapshotId)).toEqual([...taken].reverse());
    // Events of an earlier snapshot stay readable by its id.
    const third = await listEvents(store.db, segmentId, { snapshotId: taken[2] as string, event: 'exited' });
    expect(third.items.map((e) => e.customerId)).toEqual(['C3']);
  });

  it('keeps member lists of the latest snapshots only, and every size and event', async () => {
    await setSpend(store, { C1: 6000 });
    for (let i = 0; i < 4; i += 1) await snapshotSegment(store.db, segmentId, { keepMemberships: 2 });
    const history = await listSnapshots(store.db, segmentId);
    const kept = await store.db.all<{ snapshot_id: string }>(
      'SELECT DISTINCT snapshot_id FROM segment_memberships WHERE segment_id = $1',
      [segmentId],
    );
    expect(kept.map((r) => r.snapshot_id).sort()).toEqual(history.slice(0, 2).map((s) => s.snapshotId).sort());
    expect(history.length).toBe(steps.length + 4);
  });

  it('snapshots every segment after a refresh, reporting rules that no longer compile', async () => {
    await setSpend(store, { C1: 6000, C2: 7000 });
    const result = await snapshotAllSegments(store.db);
    const mine = result.snapshots.find((s) => s.segmentId === segmentId);
    expect(mine).toMatchObject({ size: 2, entered: 1 });
    // Built-in families read tags this tiny profile lacks: each is reported, none stops the others.
    expect(result.failed.length).toBeGreaterThan(0);
    expect(result.failed.every((f) => /not in the profile/.test(f.error))).toBe(true);
  });
});

describe('the day a customer entered a segment', () => {
  let store: Store;
  beforeAll(async () => (store = await tempStore()));
  afterAll(() => store.cleanup());

  it('is the data date of their latest entry, and unknown once their latest event is an exit', async () => {
    const day = async (asOf: string, spend: Readonly<Record<string, number>>) => {
      const rows = Object.entries(spend).map(([customer_id, spend_90d]) => ({ customer_id, spend_90d, as_of: asOf }));
      await writeProfile(store.db, { customer_id: 'VARCHAR', spend_90d: 'DOUBLE', as_of: 'DATE' }, rows);
    };
    await day('2026-01-01', { C1: 6000, C2: 6000, C3: 0 });
    const high = (await createSegment(store.db, { nameZh: '高消费', nameEn: 'High spend', rule: 'spend_90d >= 5000' }, 'ana')).id;
    const any = (await createSegment(store.db, { nameZh: '有消费', nameEn: 'Any spend', rule: 'spend_90d >= 0' }, 'ana')).id;
    const snapshotBoth = async () => {
      await snapshotSegment(store.db, high);
      await snapshotSegment(store.db, any);
    };
    await snapshotBoth();
    await day('2026-01-02', { C1: 6000, C2: 10, C3: 0 });
    await snapshotBoth();
    await day('2026-01-03', { C1: 6000, C2: 7000, C3: 8000 });
    await snapshotBoth();
    await day('2026-01-04', { C1: 6000, C2: 7000, C3: 10 });
    await snapshotBoth();
    const of = async (customer: string) => Object.fromEntries(await enteredOn(store.db, customer));
    // C1 has been in both since the first snapshot; C2 left high spend and came back on the 3rd.
    expect(await of('C1')).toEqual({ [high]: '2026-01-01', [any]: '2026-01-01' });
    expect(await of('C2')).toEqual({ [high]: '2026-01-03', [any]: '2026-01-01' });
    // C3 entered on the 3rd and left on the 4th: no entry day for a segment they are not in.
    expect(await of('C3')).toEqual({ [any]: '2026-01-01' });
    expect(await of('C9')).toEqual({});
    // A deleted segment is no one's any more.
    await deleteSegment(store.db, any, 'ana');
    expect(await of('C1')).toEqual({ [high]: '2026-01-01' });
  });
});
