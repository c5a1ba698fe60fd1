import type { AuditWriter } from '../core';
import { clusterable, clusterTable } from '../data';
import type { Database } from '../db';
import { startJob } from './runner';
import type { DataClusterResult, Job } from './schema';

export interface DataClusterRequest {
  readonly table: string;
  readonly full: boolean;
  /** The username of whoever asks. */
  readonly startedBy: string | null;
  readonly audit: AuditWriter;
}

/**
 * Starts re-sorting a table's rows by customer (those loaded since the last clustering, or all with `full`).
 * The table is checked before the job starts, so a wrong name is refused rather than a failed job.
 */
export function startDataCluster(db: Database, request: DataClusterRequest): Promise<Job> {
  clusterable(request.table);
  return startJob(db, {
    kind: 'data_cluster',
    params: { table: request.table, full: request.full },
    phases: ['cluster'],
    startedBy: request.startedBy,
    audit: request.audit,
    async run(ctx) {
      // The clustering's own result is the job's (dataClusterResultSchema describes the same fields).
      const result: DataClusterResult = await ctx.phase('cluster', (onProgress) =>
        clusterTable(db, request.table, { full: request.full, onProgress }),
      );
      return result;
    },
  });
}
