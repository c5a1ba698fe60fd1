import { newId, silentProgress, type ProgressListener } from '../core';
import type { Database, Queryable } from '../db';
import { ruleCatalog } from './catalog';
import { compileRule } from './compile';
import type { Snapshot } from './definition-schema';
import { getSegment, listSegments } from './definition-store';
import { loadProfileInfo } from './profile-store';
import { prepareRule } from './validate';

// A snapshot freezes who is in a segment now. Comparing it with the segment's previous snapshot gives the
// entry and exit events journeys start from. A segment's first snapshot has no predecessor, so everyone in it
// "entered": a journey on a new segment starts for its current members, which is what a marketer expects.

export interface SnapshotOptions {
  /**
   * Memberships are kept for this many of a segment's latest snapshots (default 3); older snapshots keep their
   * size and events but not their member list, which at 1M customers is most of the storage.
   */
  readonly keepMemberships?: number;
}

export interface SnapshotRow {
  snapshot_id: string;
  segment_id: string;
  taken_at: Date;
  as_of: string | null;
  size: number;
  previous_snapshot_id: string | null;
  entered: number;
  exited: number;
}

export const snapshotColumns = 'snapshot_id, segment_id, taken_at, as_of, size, previous_snapshot_id, entered, exited';

export function toSnapshot(r: SnapshotRow): Snapshot {
  return {
    snapshotId: r.snapshot_id,
    segmentId: r.segment_id,
    takenAt: r.taken_at.toISOString(),
    asOf: r.as_of,
    size: r.size,
    previousSnapshotId: r.previous_snapshot_id,
    entered: r.entered,
    exited: r.exited,
  };
}

async function countOf(tx: Queryable, sql: string, params: Record<string, string | number | null>): Promise<number> {
  return (await tx.one<{ n: number }>(sql, params))?.n ?? 0;
}

async function takeSnapshot(tx: Queryable, segmentId: string, keep: number): Promise<Snapshot> {
  const segment = await getSegment(tx, segmentId);
  const profile = await loadProfileInfo(tx);
  const compiled = compileRule(prepareRule(segment.rule, await ruleCatalog(tx)), profile);
  const last = await tx.one<{ snapshot_id: string; seq: number }>(
    'SELECT snapshot_id, seq FROM segment_snapshots WHERE segment_id = $1 ORDER BY seq DESC LIMIT 1',
    [segmentId],
  );
  const ids = { seg: segmentId, snp: newId('snp'), prev: last?.snapshot_id ?? null };
  const takenAt = new Date().toISOString();
  await tx.run(
    `INSERT INTO segment_memberships SELECT $seg, $snp, p.customer_id FROM ${compiled.from} WHERE ${compiled.where}`,
    { ...compiled.params, seg: ids.seg, snp: ids.snp },
  );
  const members = (id: string) => `SELECT customer_id FROM segment_memberships WHERE segment_id = $seg AND snapshot_id = ${id}`;
  const events = { ...ids, taken: takenAt };
  await tx.run(
    `INSERT INTO segment_events SELECT $seg, customer_id, 'entered', $taken::TIMESTAMP, $snp FROM (${members('$snp')} EXCEPT ${members('$prev')})`,
    events,
  );
  await tx.run(
    `INSERT INTO segment_events SELECT $seg, customer_id, 'exited', $taken::TIMESTAMP, $snp FROM (${members('$prev')} EXCEPT ${members('$snp')})`,
    events,
  );
  // Entry days follow the events: an exit removes the member's day, an entry records this snapshot's data date.
  const moved = (event: string) => `SELECT customer_id FROM segment_events WHERE snapshot_id = $snp AND event = '${event}'`;
  await tx.run(`DELETE FROM segment_entry_days WHERE segment_id = $seg AND customer_id IN (${moved('exited')})`, { seg: ids.seg, snp: ids.snp });
  await tx.run(`INSERT INTO segment_entry_days SELECT $seg, customer_id, $day::DATE FROM (${moved('entered')})`, {
    seg: ids.seg,
    snp: ids.snp,
    day: profile.asOf ?? takenAt.slice(0, 10),
  });
  const perEvent = 'SELECT count(*)::BIGINT AS n FROM segment_events WHERE snapshot_id = $snp AND event = $event';
  const snapshot: Snapshot = {
    snapshotId: ids.snp,
    segmentId,
    takenAt,
    asOf: profile.asOf,
    size: await countOf(tx, 'SELECT count(*)::BIGINT AS n FROM segment_memberships WHERE snapshot_id = $snp', { snp: ids.snp }),
    previousSnapshotId: ids.prev,
    entered: await countOf(tx, perEvent, { snp: ids.snp, event: 'entered' }),
    exited: await countOf(tx, perEvent, { snp: ids.snp, event: 'exited' }),
  };
  await tx.run(
    `INSERT INTO segment_snapshots VALUES ($snp, $seg, $seq, $taken::TIMESTAMP, $asOf::DATE, $size, $prev, $entered, $exited, $version, $rule)`,
    {
      ...ids,
      seq: (last?.seq ?? 0) + 1,
      taken: takenAt,
      asOf: snapshot.asOf,
      size: snapshot.size,
      entered: snapshot.entered,
      exited: snapshot.exited,
      version: segment.version,
      rule: segment.rule,
    },
  );
  await tx.run(
    `DELETE FROM segment_memberships WHERE segment_id = $seg AND snapshot_id NOT IN
      (SELECT snapshot_id FROM segment_snapshots WHERE segment_id = $seg ORDER BY seq DESC LIMIT $keep)`,
    { seg: segmentId, keep },
  );
  return snapshot;
}

/** Takes one segment's snapshot and records its entry and exit events, all or nothing. */
export async function snapshotSegment(db: Database, segmentId: string, options: SnapshotOptions = {}): Promise<Snapshot> {
  return db.transaction((tx) => takeSnapshot(tx, segmentId, Math.max(2, options.keepMemberships ?? 3)));
}

/**
 * Snapshots every segment against the current profile: the pipeline calls it after each tag refresh, so entry
 * and exit events follow the profile. Each segment is its own transaction: one broken rule (a custom tag
 * deleted since) does not hold back the others, and is reported in `failed`.
 */
export async function snapshotAllSegments(
  db: Database,
  options: SnapshotOptions & { readonly onProgress?: ProgressListener } = {},
): Promise<{ snapshots: Snapshot[]; failed: Array<{ segmentId: string; error: string }> }> {
  const onProgress = options.onProgress ?? silentProgress;
  const segments = await listSegments(db);
  const snapshots: Snapshot[] = [];
  const failed: Array<{ segmentId: string; error: string }> = [];
  for (const [i, segment] of segments.entries()) {
    onProgress({ phase: 'segments', done: i, total: segments.length, detail: segment.nameEn });
    try {
      snapshots.push(await snapshotSegment(db, segment.id, options));
    } catch (error) {
      failed.push({ segmentId: segment.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  onProgress({ phase: 'segments', done: segments.length, total: segments.length });
  return { snapshots, failed };
}

export async function listSnapshots(db: Database | Queryable, segmentId: string, limit = 100): Promise<Snapshot[]> {
  const rows = await db.all<SnapshotRow>(
    `SELECT ${snapshotColumns} FROM segment_snapshots WHERE segment_id = $1 ORDER BY seq DESC LIMIT $2`,
    [segmentId, limit],
  );
  return rows.map(toSnapshot);
}

/** A snapshot's members, sorted; empty once retention has dropped the member list (the size stays). */
export async function snapshotMembers(db: Database | Queryable, snapshotId: string): Promise<string[]> {
  const rows = await db.all<{ customer_id: string }>(
    'SELECT customer_id FROM segment_memberships WHERE snapshot_id = $1 ORDER BY customer_id',
    [snapshotId],
  );
  return rows.map((r) => r.customer_id);
}
