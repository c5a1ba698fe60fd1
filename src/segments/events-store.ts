import { fail } from '../core';
import type { Database, Queryable } from '../db';
import type { SegmentEvent, Snapshot } from './definition-schema';
import { getSegment } from './definition-store';
import { snapshotColumns, toSnapshot, type SnapshotRow } from './snapshot-store';

export interface EventQuery {
  /** Events a given snapshot recorded; the segment's latest snapshot when absent. */
  readonly snapshotId?: string;
  readonly event?: SegmentEvent['event'];
  readonly limit?: number;
  readonly offset?: number;
}

export interface EventPage {
  /** The snapshot whose changes these are (against its previous one); null before the first snapshot. */
  readonly snapshot: Snapshot | null;
  readonly items: SegmentEvent[];
  readonly total: number;
}

/** Who entered and who left a segment at a snapshot: by default, the changes since the snapshot before the last. */
export async function listEvents(db: Database | Queryable, segmentId: string, query: EventQuery = {}): Promise<EventPage> {
  await getSegment(db, segmentId);
  const row = await db.one<SnapshotRow>(
    `SELECT ${snapshotColumns} FROM segment_snapshots WHERE segment_id = $seg AND ($snp IS NULL OR snapshot_id = $snp)
     ORDER BY seq DESC LIMIT 1`,
    { seg: segmentId, snp: query.snapshotId ?? null },
  );
  if (!row && query.snapshotId) {
    fail('not_found', `分群 ${segmentId} 没有快照 ${query.snapshotId}`, `segment ${segmentId} has no snapshot ${query.snapshotId}`);
  }
  if (!row) return { snapshot: null, items: [], total: 0 };
  const where = 'WHERE segment_id = $seg AND snapshot_id = $snp AND ($event IS NULL OR event = $event)';
  const filter = { seg: segmentId, snp: row.snapshot_id, event: query.event ?? null };
  const total = (await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM segment_events ${where}`, filter))?.n ?? 0;
  const rows = await db.all<{ customer_id: string; event: SegmentEvent['event']; at: Date }>(
    `SELECT customer_id, event, "at" FROM segment_events ${where} ORDER BY event, customer_id LIMIT $limit OFFSET $offset`,
    { ...filter, limit: query.limit ?? 100, offset: query.offset ?? 0 },
  );
  return {
    snapshot: toSnapshot(row),
    items: rows.map((r) => ({ segmentId, customerId: r.customer_id, event: r.event, at: r.at.toISOString(), snapshotId: row.snapshot_id })),
    total,
  };
}

/**
 * The day a customer entered each segment, as its snapshots recorded it: the as-of date of the snapshot whose
 * entry event is the customer's latest in that segment. A segment whose latest event for them is an exit, or
 * that has no event for them, is absent: they joined after its latest snapshot, which no record dates yet. A
 * segment's first snapshot records all its members as entering, so for them this is when recording began.
 * Events carry no index (a row per member per change), so this scans them for one customer: ~35 ms at 8M
 * events on two cores, which is why the 360° summary leaves it out and the console asks for it separately.
 */
export async function enteredOn(db: Database | Queryable, customerId: string): Promise<Map<string, string>> {
  const rows = await db.all<{ segment_id: string; event: string; day: string }>(
    `SELECT e.segment_id, arg_max(e.event, s.seq) AS event, arg_max(coalesce(s.as_of, s.taken_at::DATE), s.seq) AS day
     FROM segment_events e JOIN segment_snapshots s ON s.snapshot_id = e.snapshot_id
     WHERE e.customer_id = $1 GROUP BY e.segment_id`,
    [customerId],
  );
  return new Map(rows.filter((r) => r.event === 'entered').map((r) => [r.segment_id, r.day]));
}
