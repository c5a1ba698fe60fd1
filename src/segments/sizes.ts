import { performance } from 'node:perf_hooks';
import type { Database } from '../db';
import { ruleCatalog } from './catalog';
import { compileRule } from './compile';
import { countCompiled } from './count';
import type { Segment, SegmentSize } from './definition-schema';
import { loadProfileInfo, type ProfileInfo } from './profile-store';
import { prepareRule } from './validate';

interface LatestSnapshot {
  segment_id: string;
  size: number;
  as_of: string | null;
  taken_at: Date;
  segment_version: number;
}

interface Profile {
  readonly info: ProfileInfo;
  readonly total: number;
}

async function readProfile(db: Database): Promise<Profile | undefined> {
  try {
    const info = await loadProfileInfo(db);
    const total = (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM profile'))?.n ?? 0;
    return { info, total };
  } catch {
    return undefined; // no profile yet: snapshots are all there is
  }
}

const shareOf = (count: number, profile: Profile | undefined) =>
  profile ? (profile.total > 0 ? count / profile.total : 0) : null;

/**
 * Each segment's member count now, for the segment list. The latest snapshot answers when it counted this
 * version of the rule on the profile as it is now, which is the usual case: the pipeline snapshots every
 * segment after each tag refresh, and reading sizes costs one query. Otherwise (never snapshotted, edited
 * since, or the profile refreshed since) the rule is counted live, one scan of the profile each. null: no
 * current figure exists (no profile and no snapshot, or a tag the rule reads has been deleted).
 */
export async function segmentSizes(db: Database, segments: readonly Segment[]): Promise<Map<string, SegmentSize | null>> {
  const latest = await db.all<LatestSnapshot>(
    `SELECT segment_id, size, as_of, taken_at, segment_version FROM segment_snapshots
     QUALIFY row_number() OVER (PARTITION BY segment_id ORDER BY seq DESC) = 1`,
  );
  const snapshots = new Map(latest.map((s) => [s.segment_id, s]));
  const profile = await readProfile(db);
  const catalog = profile ? await ruleCatalog(db) : undefined;
  const sizes = new Map<string, SegmentSize | null>();
  // Live counts share one interactive time limit: a list with a slow rule (behaviour windows over 100M
  // transactions) shows that segment, and any after the limit, without a size rather than failing or
  // holding the database for every segment in turn.
  const limitMs = db.queryTimeLimitMs;
  const deadline = performance.now() + limitMs;
  for (const segment of segments) {
    const snapshot = snapshots.get(segment.id);
    const current = snapshot?.segment_version === segment.version && (!profile || snapshot.as_of === profile.info.asOf);
    if (snapshot && current) {
      sizes.set(segment.id, {
        count: snapshot.size,
        share: shareOf(snapshot.size, profile),
        source: 'snapshot',
        asOf: snapshot.as_of,
        takenAt: snapshot.taken_at.toISOString(),
      });
    } else if (profile && catalog) {
      const remaining = Math.floor(deadline - performance.now());
      if (limitMs > 0 && remaining <= 0) {
        sizes.set(segment.id, null);
        continue;
      }
      try {
        const compiled = compileRule(prepareRule(segment.rule, catalog), profile.info);
        const count = await db.withTimeLimit((session) => countCompiled(session, compiled), limitMs > 0 ? remaining : 0);
        sizes.set(segment.id, { count, share: shareOf(count, profile), source: 'live', asOf: profile.info.asOf, takenAt: null });
      } catch {
        sizes.set(segment.id, null); // the rule no longer compiles, or its count ran past the limit
      }
    } else {
      sizes.set(segment.id, null);
    }
  }
  return sizes;
}
