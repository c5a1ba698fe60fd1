import type { AuditWriter } from '../core';
import type { Database } from '../db';
import { computeOnDemandTag, findTag, refuseUnlessOnDemand } from '../tags';
import { startJob } from './runner';
import type { Job, TagComputeResult } from './schema';

export interface TagComputeRequest {
  readonly code: string;
  /** The username of whoever asks. */
  readonly startedBy: string | null;
  readonly audit: AuditWriter;
}

/**
 * Starts computing an on-demand tag. The tag is checked before the job starts, so an unknown or daily tag is
 * refused at once rather than as a failed job.
 */
export async function startTagCompute(db: Database, request: TagComputeRequest): Promise<Job> {
  const { definition } = await findTag(db, request.code);
  refuseUnlessOnDemand(definition);
  return startJob(db, {
    kind: 'tag_compute',
    params: { code: request.code },
    phases: ['compute'],
    startedBy: request.startedBy,
    audit: request.audit,
    async run(ctx) {
      const run = await ctx.phase('compute', (onProgress) =>
        computeOnDemandTag(db, request.code, { by: request.startedBy, onProgress }),
      );
      const result: TagComputeResult = { code: request.code, ...run };
      return result;
    },
  });
}
