import { fail, newId, silentProgress, type ProgressListener } from '../core';
import { quoteIdent, type Database, type Queryable, type Row } from '../db';
import { loadCatalogue } from './definition-store';
import { computeStats, type Distribution, type TagStats } from './snapshot-stats';

// History: each refresh keeps a dated copy of the profile (a wide table per snapshot, compressed column by
// column like the profile itself) plus per-tag statistics. Point-in-time reads pick the latest snapshot on
// or before a date, so a model trained "as of" that date sees only what was known then.

export interface Retention {
  /** Keep at most this many snapshots (newest first). */
  readonly keep: number;
  /** Drop snapshots whose as-of is more than this many days before the newest one. */
  readonly maxAgeDays?: number;
}

export const defaultRetention: Retention = { keep: 12 };

export interface SnapshotInfo {
  readonly snapshotId: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly table: string;
  readonly customers: number;
}

export async function getRetention(db: Queryable | Database): Promise<Retention> {
  const row = await db.one<{ value: string }>("SELECT value FROM tag_settings WHERE name = 'snapshot_retention'");
  return row ? (JSON.parse(row.value) as Retention) : defaultRetention;
}

/** Stores the retention setting and drops the snapshots beyond it now; returns the ids dropped. */
export async function setRetention(db: Database, retention: Retention): Promise<string[]> {
  if (!Number.isInteger(retention.keep) || retention.keep < 1) fail('bad_request', '保留数量须为正整数', 'keep must be a positive whole number');
  if (retention.maxAgeDays !== undefined && (!Number.isInteger(retention.maxAgeDays) || retention.maxAgeDays < 1)) {
    fail('bad_request', '保留天数须为正整数', 'the maximum age must be a positive whole number of days');
  }
  await db.run("INSERT OR REPLACE INTO tag_settings VALUES ('snapshot_retention', $1)", [JSON.stringify(retention)]);
  return applyRetention(db);
}

export async function listSnapshots(db: Queryable | Database): Promise<SnapshotInfo[]> {
  const rows = await db.all<{ snapshot_id: string; as_of: string; created_at: Date; table_name: string; customers: number }>(
    'SELECT snapshot_id, as_of, created_at, table_name, customers FROM profile_snapshots ORDER BY as_of, created_at',
  );
  return rows.map((r) => ({ snapshotId: r.snapshot_id, asOf: r.as_of, createdAt: r.created_at.toISOString(), table: r.table_name, customers: r.customers }));
}

/** Copies the current profile into a new snapshot with its statistics; one snapshot per as-of date is kept. */
export async function takeSnapshot(db: Database, onProgress: ProgressListener = silentProgress): Promise<string> {
  const id = newId('snp');
  const table = `profile_snapshot_${id}`;
  const defs = (await loadCatalogue(db)).map((t) => t.definition);
  onProgress({ phase: 'snapshot', done: 0, total: 2, detail: id });
  await db.transaction(async (tx) => {
    const state = await tx.one<{ as_of: string; tags: string }>("SELECT as_of, tags FROM tag_profile_state WHERE name = 'profile'");
    if (!state) fail('conflict', '还没有画像，无法快照', 'there is no profile to snapshot yet');
    const columns = new Set((JSON.parse(state.tags) as Array<{ code: string }>).map((c) => c.code));
    // Sorted by customer (the live profile is indexed instead): the 360° view reads one customer from every
    // snapshot, and sorted, each read touches one row group.
    await tx.run(`CREATE TABLE ${quoteIdent(table)} AS SELECT * FROM profile ORDER BY customer_id`);
    const stats = await computeStats(tx, quoteIdent(table), defs.filter((d) => columns.has(d.code)));
    const customers = (await tx.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`))?.n ?? 0;
    const same = await tx.all<{ snapshot_id: string }>('SELECT snapshot_id FROM profile_snapshots WHERE as_of = $1::DATE', [state.as_of]);
    for (const s of same) await dropSnapshot(tx, s.snapshot_id);
    await tx.run('INSERT INTO profile_snapshots VALUES ($1, $2::DATE, now()::TIMESTAMP, $3, $4, $5)', [id, state.as_of, table, customers, state.tags]);
    for (const s of stats) {
      await tx.run('INSERT INTO profile_snapshot_stats VALUES ($1, $2, $3, $4, $5)', [id, s.tag, s.coverage, s.mean, JSON.stringify(s.distribution)]);
    }
  });
  onProgress({ phase: 'snapshot', done: 1, total: 2, detail: 'retention' });
  await applyRetention(db);
  onProgress({ phase: 'snapshot', done: 2, total: 2, detail: id });
  return id;
}

async function dropSnapshot(tx: Queryable, snapshotId: string): Promise<void> {
  const row = await tx.one<{ table_name: string }>('SELECT table_name FROM profile_snapshots WHERE snapshot_id = $1', [snapshotId]);
  if (row) await tx.run(`DROP TABLE IF EXISTS ${quoteIdent(row.table_name)}`);
  await tx.run('DELETE FROM profile_snapshot_stats WHERE snapshot_id = $1', [snapshotId]);
  await tx.run('DELETE FROM profile_snapshots WHERE snapshot_id = $1', [snapshotId]);
}

/** Drops snapshots beyond the retention setting, oldest first. */
export async function applyRetention(db: Database): Promise<string[]> {
  const retention = await getRetention(db);
  const snapshots = (await listSnapshots(db)).reverse();
  const newest = snapshots[0]?.asOf;
  const doomed = snapshots.filter((s, i) => {
    if (i >= retention.keep) return true;
    if (retention.maxAgeDays === undefined || !newest) return false;
    return (Date.parse(newest) - Date.parse(s.asOf)) / 86_400_000 > retention.maxAgeDays;
  });
  if (doomed.length === 0) return [];
  await db.transaction(async (tx) => {
    for (const s of doomed) await dropSnapshot(tx, s.snapshotId);
  });
  return doomed.map((s) => s.snapshotId);
}

/** The latest snapshot taken as of `date` or earlier. */
export async function snapshotAsOf(db: Queryable | Database, date: string): Promise<SnapshotInfo | undefined> {
  return (await listSnapshots(db)).filter((s) => s.asOf <= date).pop();
}

/**
 * The profile as it was on `date` (point-in-time): rows of the latest snapshot on or before it, for the
 * given customers or the first `limit` customers.
 */
export async function profileAsOf(
  db: Database,
  date: string,
  options: { customerIds?: readonly string[]; limit?: number } = {},
): Promise<{ snapshot: SnapshotInfo; rows: Row[] }> {
  const snapshot = await snapshotAsOf(db, date);
  if (!snapshot) return fail('not_found', `${date} 及之前没有画像快照`, `no profile snapshot on or before ${date}`);
  const table = quoteIdent(snapshot.table);
  const ids = options.customerIds ?? [];
  const rows = options.customerIds
    ? ids.length === 0
      ? []
      : await db.all(`SELECT * FROM ${table} WHERE customer_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')}) ORDER BY customer_id`, ids)
    : await db.all(`SELECT * FROM ${table} ORDER BY customer_id LIMIT $1`, [options.limit ?? 100]);
  return { snapshot, rows };
}

export interface TrendPoint extends Omit<TagStats, 'tag'> {
  readonly snapshotId: string;
  readonly asOf: string;
}

/** A tag's coverage, mean and distribution per snapshot, oldest first. */
export async function tagTrend(db: Queryable | Database, code: string): Promise<TrendPoint[]> {
  const rows = await db.all<{ snapshot_id: string; as_of: string; coverage: number; mean: number | null; distribution: string }>(
    `SELECT s.snapshot_id, p.as_of, s.coverage, s.mean, s.distribution FROM profile_snapshot_stats s
     JOIN profile_snapshots p USING (snapshot_id) WHERE s.tag = $1 ORDER BY p.as_of, p.created_at`,
    [code],
  );
  return rows.map((r) => ({
    snapshotId: r.snapshot_id,
    asOf: r.as_of,
    coverage: r.coverage,
    mean: r.mean,
    distribution: JSON.parse(r.distribution) as Distribution,
  }));
}
