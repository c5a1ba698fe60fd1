import type { AuditWriter, ProgressListener } from '../core';
import type { Database } from '../db';
import { refreshSegments } from '../segments';
import { refreshProfile } from '../tags';
import { startJob } from './runner';
import type { Job, ProfileRefreshResult } from './schema';

export interface ProfileRefreshRequest {
  readonly incremental: boolean;
  /** The username of whoever asks. */
  readonly startedBy: string | null;
  readonly audit: AuditWriter;
}

/**
 * Starts a profile refresh: the tag refresh, then the segment refresh, so memberships, snapshots and
 * entry/exit events follow every refresh (as in the `npm start` pipeline) rather than lag the profile.
 */
export function startProfileRefresh(db: Database, request: ProfileRefreshRequest): Promise<Job> {
  return startJob(db, {
    kind: 'profile_refresh',
    params: { incremental: request.incremental },
    phases: ['tags', 'segments'],
    startedBy: request.startedBy,
    audit: request.audit,
    async run(ctx) {
      const phaseMs: Record<string, number> = {};
      const timed = async <T>(name: string, work: (onProgress: ProgressListener) => Promise<T>): Promise<T> => {
        const started = Date.now();
        const value = await ctx.phase(name, work);
        phaseMs[name] = Date.now() - started;
        return value;
      };
      const tags = await timed('tags', (onProgress) => refreshProfile(db, { incremental: request.incremental, onProgress }));
      const segments = await timed('segments', (onProgress) => refreshSegments(db, { onProgress }));
      const result: ProfileRefreshResult = {
        asOf: tags.asOf,
        mode: tags.mode,
        customers: tags.customers,
        tags: tags.tags,
        segmentSnapshots: segments.snapshots.length,
        segmentsFailed: segments.failed.length,
        phaseMs,
      };
      return result;
    },
  });
}
