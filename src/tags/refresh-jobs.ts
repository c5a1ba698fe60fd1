import { fail, newId } from '../core';
import type { Database } from '../db';
import { refreshProfile } from './refresh';
import type { RefreshJob } from './schema';

// A refresh started over HTTP runs in the server process; its progress lives in memory (polled often) and
// its start and end in tag_refresh_jobs (so a finished job can still be read after a restart). One refresh
// at a time: two would compete for the same rollups and swap.

const live = new Map<string, RefreshJob>();

async function record(db: Database, job: RefreshJob, user: string | null): Promise<void> {
  await db.run(
    `INSERT OR REPLACE INTO tag_refresh_jobs VALUES ($1, $2, $3, $4, $5, $6, $7, $8::DATE, $9, $10, $11::TIMESTAMP, $12::TIMESTAMP)`,
    [job.jobId, job.status, job.mode, job.phase, job.done, job.total, job.detail, job.asOf, job.error, user, job.startedAt, job.finishedAt],
  );
}

export async function startRefreshJob(db: Database, options: { incremental: boolean; user: string | null }): Promise<RefreshJob> {
  if ([...live.values()].some((j) => j.status === 'running')) {
    fail('conflict', '已有画像刷新在运行', 'a profile refresh is already running');
  }
  const job: RefreshJob = {
    jobId: newId('job'),
    status: 'running',
    mode: options.incremental ? 'incremental' : 'full',
    phase: null,
    done: null,
    total: null,
    detail: null,
    asOf: null,
    error: null,
    startedAt: new Date().toISOString(),
    finishedAt: null,
  };
  live.set(job.jobId, job);
  await record(db, job, options.user);
  const update = (patch: Partial<RefreshJob>) => live.set(job.jobId, { ...(live.get(job.jobId) ?? job), ...patch });
  void refreshProfile(db, {
    incremental: options.incremental,
    onProgress: (e) => update({ phase: e.phase, done: e.done, total: e.total, detail: e.detail ?? null }),
  }).then(
    (result) => update({ status: 'succeeded', asOf: result.asOf, finishedAt: new Date().toISOString() }),
    (error: unknown) => update({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() }),
  ).then(() => record(db, live.get(job.jobId) ?? job, options.user)).catch(() => undefined);
  return job;
}

interface JobRow {
  job_id: string;
  status: RefreshJob['status'];
  mode: RefreshJob['mode'];
  phase: string | null;
  done: number | null;
  total: number | null;
  detail: string | null;
  as_of: string | null;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export async function refreshJob(db: Database, jobId: string): Promise<RefreshJob> {
  const known = live.get(jobId);
  if (known) return known;
  const row = await db.one<JobRow>('SELECT * FROM tag_refresh_jobs WHERE job_id = $1', [jobId]);
  if (!row) return fail('not_found', `找不到刷新任务 ${jobId}`, `refresh job ${jobId} not found`);
  return {
    jobId: row.job_id,
    status: row.status,
    mode: row.mode,
    phase: row.phase,
    done: row.done,
    total: row.total,
    detail: row.detail,
    asOf: row.as_of,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}

/** Waits for a job to finish (tests, CLI). */
export async function waitForJob(db: Database, jobId: string, pollMs = 100): Promise<RefreshJob> {
  for (;;) {
    const job = await refreshJob(db, jobId);
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
