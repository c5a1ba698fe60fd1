import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import type { Database } from '../db';
import { refreshProfile } from './refresh';
import { loadScenario } from './scenario-fixture';
import { driftBand, psi } from './drift';
import { tagDrift } from './drift-store';
import { listSnapshots, profileAsOf, setRetention, takeSnapshot, tagTrend } from './history-store';

describe('population stability index', () => {
  it('matches hand-computed values and bands', () => {
    // (0.6−0.5)·ln(0.6/0.5) + (0.4−0.5)·ln(0.4/0.5)
    expect(psi([50, 50], [60, 40])).toBeCloseTo(0.1 * Math.log(1.2) + -0.1 * Math.log(0.8), 10);
    expect(psi([1, 2], [2, 1])).toBeCloseTo((2 / 3) * Math.log(2), 10);
    expect(psi([10, 10], [10, 10])).toBe(0);
    expect([driftBand(0.05), driftBand(0.1), driftBand(0.25), driftBand(0.26)]).toEqual(['stable', 'moderate', 'moderate', 'major']);
  });
});

describe('profile history', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadScenario(db);
    await refreshProfile(db); // snapshot 1, as of 2025-06-30
    // A later profile: C2 recorded as F, dated 2025-07-05 (as a refresh on later data would be).
    await db.run("UPDATE profile SET gender = CASE WHEN customer_id = 'C2' THEN 'F' ELSE gender END, as_of = DATE '2025-07-05'");
    await db.run("UPDATE tag_profile_state SET as_of = DATE '2025-07-05'");
    await takeSnapshot(db);
  });
  afterAll(async () => store.cleanup());

  it('keeps dated snapshots and reads the profile as it was (point in time)', async () => {
    const snapshots = await listSnapshots(db);
    expect(snapshots.map((s) => s.asOf)).toEqual(['2025-06-30', '2025-07-05']);
    const then = await profileAsOf(db, '2025-07-01', { customerIds: ['C2'] });
    expect(then.snapshot.asOf).toBe('2025-06-30');
    expect(then.rows[0]?.gender).toBe('M');
    const now = await profileAsOf(db, '2025-12-31', { customerIds: ['C2'] });
    expect(now.rows[0]?.gender).toBe('F');
    await expect(profileAsOf(db, '2025-06-29')).rejects.toThrow(/no profile snapshot/);
  });

  it('gives a tag trend: coverage, mean and distribution per snapshot', async () => {
    const trend = await tagTrend(db, 'gender');
    expect(trend.map((p) => p.asOf)).toEqual(['2025-06-30', '2025-07-05']);
    expect(trend[0]?.coverage).toBe(1);
    expect(trend[0]?.distribution).toEqual({ kind: 'values', items: [{ label: 'M', count: 2 }, { label: 'F', count: 1 }] });
    const spend = await tagTrend(db, 'spend_30d');
    expect(spend[0]?.mean).toBeCloseTo((250 + 500 + 0) / 3, 6);
    const bureau = await tagTrend(db, 'bureau_score');
    expect(bureau[0]?.coverage).toBeCloseTo(1 / 3, 6);
  });

  it('measures drift between snapshots with PSI', async () => {
    const drift = await tagDrift(db, 'gender');
    expect(drift.from.asOf).toBe('2025-06-30');
    expect(drift.psi).toBeCloseTo((2 / 3) * Math.log(2), 10);
    expect(drift.band).toBe('major');
    const stable = await tagDrift(db, 'age_band');
    expect(stable.psi).toBe(0);
    expect(stable.band).toBe('stable');
  });

  it('applies retention, dropping the oldest snapshot and its table', async () => {
    const [oldest] = await listSnapshots(db);
    await setRetention(db, { keep: 1 });
    const left = await listSnapshots(db);
    expect(left.map((s) => s.asOf)).toEqual(['2025-07-05']);
    const tables = await db.all<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1', [oldest?.table ?? '']);
    expect(tables[0]?.n).toBe(0);
  });
});

// Retention by age, counted back from the newest snapshot: real refreshes at four as-of dates over the
// hand-made portfolio, then the maximum age tightened step by step. The ages from the newest (2025-06-30)
// are worked out by hand: 2025-03-01 is 121 days old, 2025-05-01 60, 2025-06-01 29.
describe('profile history: retention by age', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  const dates = ['2025-03-01', '2025-05-01', '2025-06-01', '2025-06-30'];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadScenario(db);
    for (const asOf of dates) await refreshProfile(db, { asOf });
    for (const s of await listSnapshots(db)) ids.set(s.asOf, s.snapshotId);
  });
  afterAll(async () => store.cleanup());

  const tablesLeft = async (tables: readonly string[]) =>
    (await db.all<{ table_name: string }>('SELECT table_name FROM duckdb_tables() ORDER BY 1')).map((r) => r.table_name).filter((t) => tables.includes(t));
  const statsLeft = async () =>
    (await db.all<{ snapshot_id: string }>('SELECT DISTINCT snapshot_id FROM profile_snapshot_stats ORDER BY 1')).map((r) => r.snapshot_id);

  it('drops the snapshots older than the maximum age with their tables and statistics, keeping one exactly that old', async () => {
    const before = await listSnapshots(db);
    expect(before.map((s) => s.asOf)).toEqual(dates);
    const allTables = before.map((s) => s.table);

    // 60 days: only 2025-03-01 (121 days) is older; 2025-05-01 is exactly 60 days old and stays.
    const dropped = await setRetention(db, { keep: 12, maxAgeDays: 60 });
    expect(dropped).toEqual([ids.get('2025-03-01')]);
    const left = await listSnapshots(db);
    expect(left.map((s) => s.asOf)).toEqual(['2025-05-01', '2025-06-01', '2025-06-30']);
    expect(left.map((s) => s.snapshotId)).toEqual(['2025-05-01', '2025-06-01', '2025-06-30'].map((d) => ids.get(d)));
    expect(await tablesLeft(allTables)).toEqual(left.map((s) => s.table).sort());
    expect(await statsLeft()).toEqual(left.map((s) => s.snapshotId).sort());

    // 59 days: 2025-05-01 goes too.
    expect(await setRetention(db, { keep: 12, maxAgeDays: 59 })).toEqual([ids.get('2025-05-01')]);
    expect((await listSnapshots(db)).map((s) => s.asOf)).toEqual(['2025-06-01', '2025-06-30']);
  });

  it('refuses a point-in-time read of a date only a dropped snapshot covered, and still serves the kept ones', async () => {
    await expect(profileAsOf(db, '2025-05-15')).rejects.toThrow('no profile snapshot on or before 2025-05-15');
    await expect(profileAsOf(db, '2025-03-01')).rejects.toThrow('no profile snapshot on or before 2025-03-01');
    const kept = await profileAsOf(db, '2025-06-10', { customerIds: ['C1'] });
    expect(kept.snapshot.snapshotId).toBe(ids.get('2025-06-01'));
    expect(kept.rows.map((r) => r.customer_id)).toEqual(['C1']);
  });

  it('applies the stored maximum age again when a newer snapshot is taken', async () => {
    // The retention (59 days) is kept; a refresh as of 2025-07-31 makes 2025-06-01 60 days old.
    const later = await refreshProfile(db, { asOf: '2025-07-31' });
    const left = await listSnapshots(db);
    expect(left.map((s) => s.asOf)).toEqual(['2025-06-30', '2025-07-31']);
    expect(left.map((s) => s.snapshotId)).toEqual([ids.get('2025-06-30'), later.snapshotId]);
    await expect(profileAsOf(db, '2025-06-29')).rejects.toThrow('no profile snapshot on or before 2025-06-29');
  });
});
