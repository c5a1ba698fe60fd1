import type { Database } from '../db';
import { jobSchema, type Job, type JobListQuery } from './schema';

// The jobs table: written when a job is created, at each phase change and when it ends. Progress ticks within
// a phase stay in memory (runner.ts): they come many times a second and matter only while someone watches.

interface JobRow {
  job_id: string;
  kind: string;
  status: string;
  params: string;
  phases: string;
  result: string | null;
  error: string | null;
  started_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function toJob(row: JobRow): Job {
  return jobSchema.parse({
    id: row.job_id,
    kind: row.kind,
    status: row.status,
    params: JSON.parse(row.params) as unknown,
    phases: JSON.parse(row.phases) as unknown,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    startedBy: row.started_by,
    createdAt: row.created_at.toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  });
}

function values(job: Job) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    params: JSON.stringify(job.params),
    phases: JSON.stringify(job.phases),
    result: job.result === null ? null : JSON.stringify(job.result),
    error: job.error,
    startedBy: job.startedBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export async function insertJob(db: Database, job: Job): Promise<void> {
  await db.run(
    `INSERT INTO jobs VALUES ($id, $kind, $status, $params, $phases, $result, $error, $startedBy,
      $createdAt::TIMESTAMP, $startedAt::TIMESTAMP, $finishedAt::TIMESTAMP)`,
    values(job),
  );
}

/** Writes what changes over a job's life; id, kind, parameters and creator never do. */
export async function saveJob(db: Database, job: Job): Promise<void> {
  const { id, status, phases, result, error, startedAt, finishedAt } = values(job);
  await db.run(
    `UPDATE jobs SET status = $status, phases = $phases, result = $result, error = $error,
      started_at = $startedAt::TIMESTAMP, finished_at = $finishedAt::TIMESTAMP WHERE job_id = $id`,
    { id, status, phases, result, error, startedAt, finishedAt },
  );
}

export async function readJob(db: Database, jobId: string): Promise<Job | undefined> {
  const row = await db.one<JobRow>('SELECT * FROM jobs WHERE job_id = $1', [jobId]);
  return row ? toJob(row) : undefined;
}

export async function readJobs(db: Database, filter: JobListQuery): Promise<Job[]> {
  const rows = await db.all<JobRow>(
    `SELECT * FROM jobs WHERE ($kind IS NULL OR kind = $kind) AND ($status IS NULL OR status = $status)
      ORDER BY created_at DESC, job_id LIMIT $limit`,
    { kind: filter.kind ?? null, status: filter.status ?? null, limit: filter.limit },
  );
  return rows.map(toJob);
}

/** Jobs the table says are queued or running: after a restart, none of them is. */
export async function readUnfinishedJobs(db: Database): Promise<Job[]> {
  const rows = await db.all<JobRow>("SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at");
  return rows.map(toJob);
}
