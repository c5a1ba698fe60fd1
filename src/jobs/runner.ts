import { fail, type AuditWriter, type ProgressListener } from '../core';
import type { Database } from '../db';
import { appendAudit } from '../security';
import { insertJob, readJob, readJobs, readUnfinishedJobs, saveJob } from './job-store';
import { enterPhase, isFinished, leavePhase, moveJob, newJob, reportProgress, type NewJob } from './job-state';
import type { Job, JobKind, JobListQuery } from './schema';

// Jobs run in the server process (docs/decisions.md, "Jobs"). What this process is running lives in memory,
// per open database, and is written through to the jobs table at each phase change; a database opened anew
// is a new process's view, so any job its table still calls queued or running was cut off and is marked
// interrupted before anything reads it.

export interface JobSpec extends NewJob {
  /** Appends start and finish to the audit log as whoever started the job. */
  readonly audit: AuditWriter;
  /** The work: runs each declared phase through `ctx.phase` and returns the result summary. */
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface JobContext {
  /** Runs one declared phase: marks it running, follows its progress, marks it ended (each written through). */
  phase<T>(name: string, work: (onProgress: ProgressListener) => Promise<T>): Promise<T>;
}

interface Registry {
  readonly live: Map<string, Job>;
  readonly recovered: Promise<Job[]>;
}

const registries = new WeakMap<Database, Registry>();

const kindNames: Record<JobKind, { zh: string; en: string }> = {
  profile_refresh: { zh: '画像刷新', en: 'profile refresh' },
  data_cluster: { zh: '数据整理', en: 'data clustering' },
  tag_compute: { zh: '标签计算', en: 'tag computation' },
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function interruptLeftovers(db: Database): Promise<Job[]> {
  const cutOff: Job[] = [];
  for (const job of await readUnfinishedJobs(db)) {
    const ended = moveJob(job, 'interrupted', new Date(), { error: 'the server stopped while the job ran' });
    await saveJob(db, ended);
    await appendAudit(db, { actor: 'system', action: 'job.interrupted', target: job.id, details: { kind: job.kind } });
    cutOff.push(ended);
  }
  return cutOff;
}

function registryOf(db: Database): Registry {
  let registry = registries.get(db);
  if (!registry) {
    registry = { live: new Map(), recovered: interruptLeftovers(db) };
    registries.set(db, registry);
  }
  return registry;
}

/**
 * Marks the jobs a previous process left queued or running as interrupted, once per open database, and
 * returns them. Every other function here waits for it, so no reader sees a dead job as running; a server
 * may call it at start to have it done before the first request.
 */
export function recoverJobs(db: Database): Promise<Job[]> {
  return registryOf(db).recovered;
}

async function ready(db: Database): Promise<Registry> {
  const registry = registryOf(db);
  await registry.recovered;
  return registry;
}

/**
 * Serialises a job's writes so the last one to land is always its latest state. A write that fails (the
 * store was closed under the job) leaves the row as it was: the next write, or the next process's recovery,
 * sets it right.
 */
function writer(db: Database, registry: Registry, id: string): () => Promise<void> {
  let chain = Promise.resolve();
  return () => {
    chain = chain
      .then(async () => {
        const job = registry.live.get(id);
        if (job) await saveJob(db, job);
      })
      .catch(() => undefined);
    return chain;
  };
}

async function execute(db: Database, registry: Registry, spec: JobSpec, id: string): Promise<void> {
  const update = (change: (job: Job) => Job): Job => {
    const job = change(registry.live.get(id) as Job);
    registry.live.set(id, job);
    return job;
  };
  const save = writer(db, registry, id);
  const ctx: JobContext = {
    async phase(name, work) {
      update((job) => enterPhase(job, name, new Date()));
      void save();
      let step: string | null = null;
      try {
        const value = await work((event) => {
          update((job) => reportProgress(job, name, event));
          // A new step is a phase change worth keeping; ticks within a step stay in memory.
          if (event.phase !== step) void save();
          step = event.phase;
        });
        update((job) => leavePhase(job, name, 'succeeded', new Date()));
        void save();
        return value;
      } catch (error) {
        update((job) => leavePhase(job, name, 'failed', new Date()));
        throw error;
      }
    },
  };
  update((job) => moveJob(job, 'running', new Date()));
  void save();
  const started = Date.now();
  let ended: Job;
  try {
    const result = await spec.run(ctx);
    ended = moveJob(registry.live.get(id) as Job, 'succeeded', new Date(), { result });
  } catch (error) {
    ended = moveJob(registry.live.get(id) as Job, 'failed', new Date(), { error: messageOf(error) });
  }
  // The outcome is shown only once it is stored and audited: a job that reads as ended is on record.
  await save();
  const stored = await saveJob(db, ended).then(() => true, () => false);
  try {
    await spec.audit('job.finish', id, { kind: ended.kind, status: ended.status, ms: Date.now() - started, error: ended.error });
  } finally {
    // Readers now get the stored row; if it could not be stored, this process keeps showing the outcome.
    if (stored) registry.live.delete(id);
    else registry.live.set(id, ended);
  }
}

/**
 * Starts a job and returns it queued; the work runs on after the caller returns. One job of a kind at a
 * time: a second start while one is queued or running fails with `conflict` (details: the running job's id).
 */
export async function startJob(db: Database, spec: JobSpec): Promise<Job> {
  const registry = await ready(db);
  // Checked and claimed with no await in between, so two starts in the same tick cannot both pass.
  const running = [...registry.live.values()].find((j) => j.kind === spec.kind && !isFinished(j.status));
  if (running) {
    const name = kindNames[spec.kind];
    fail('conflict', `已有${name.zh}任务在运行（${running.id}），请等它结束`, `a ${name.en} job is already running (${running.id}); wait for it to end`, {
      jobId: running.id,
    });
  }
  const job = newJob(spec, new Date());
  registry.live.set(job.id, job);
  try {
    await insertJob(db, job);
    await spec.audit('job.start', job.id, { kind: job.kind, params: job.params });
  } catch (error) {
    registry.live.delete(job.id);
    await saveJob(db, moveJob(job, 'failed', new Date(), { error: messageOf(error) })).catch(() => undefined);
    throw error;
  }
  // Failures of the work are recorded on the job; this catches only a failure to record them (a closed store).
  void execute(db, registry, spec, job.id).catch(() => undefined);
  return registry.live.get(job.id) ?? job;
}

export async function getJob(db: Database, jobId: string): Promise<Job> {
  const registry = await ready(db);
  const job = registry.live.get(jobId) ?? (await readJob(db, jobId));
  return job ?? fail('not_found', `找不到任务 ${jobId}`, `job ${jobId} not found`);
}

/** Recent jobs, newest first, of one kind or status if asked; those running here show their live progress. */
export async function listJobs(db: Database, filter: JobListQuery): Promise<Job[]> {
  const registry = await ready(db);
  const stored = await readJobs(db, filter);
  return stored.map((job) => registry.live.get(job.id) ?? job);
}

/** Waits until a job has ended (tests, CLI). */
export async function waitForJob(db: Database, jobId: string, pollMs = 100): Promise<Job> {
  for (;;) {
    const job = await getJob(db, jobId);
    if (isFinished(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
