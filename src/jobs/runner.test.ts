import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../app';
import { isCardwiseError, type AuditWriter } from '../core';
import type { Database } from '../db';
import { appendAudit, listAudit } from '../security';
import { tempStore } from '../test-support/temp-store';
import { readJob } from './job-store';
import { getJob, listJobs, recoverJobs, startJob, waitForJob, type JobContext } from './runner';
import type { Job } from './schema';

// The runner over a real DuckDB file: work is a promise the test controls, so each state can be observed.

type Store = Awaited<ReturnType<typeof tempStore>>;

function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

function auditAs(db: Database, actor: string): AuditWriter {
  return async (action, target, details) => {
    await appendAudit(db, { actor, action, target: target ?? null, details: details ?? {} });
  };
}

/** A two-phase job whose first phase reports progress and then waits for `release`. */
function gatedJob(db: Database, release: Promise<void>, fail = false) {
  return startJob(db, {
    kind: 'profile_refresh',
    params: { incremental: false },
    phases: ['tags', 'segments'],
    startedBy: 'op1',
    audit: auditAs(db, 'op1'),
    async run(ctx: JobContext) {
      await ctx.phase('tags', async (onProgress) => {
        onProgress({ phase: 'refresh', done: 1, total: 4, detail: 'pass txn' });
        await release;
        onProgress({ phase: 'snapshot', done: 4, total: 4 });
      });
      await ctx.phase('segments', async () => {
        if (fail) throw new Error('segments exploded');
      });
      return { asOf: '2025-06-30' };
    },
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in 4 s');
}

describe('job runner', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
  });
  afterAll(async () => store.cleanup());

  it('runs phases in order to success, writing each phase change through, and audits start and finish', async () => {
    const { wait, open } = gate();
    const started = await gatedJob(store.db, wait);
    expect(started).toMatchObject({ kind: 'profile_refresh', status: 'running', startedBy: 'op1', params: { incremental: false } });
    // The stored row shows the running phase and its step, not only the live copy.
    await until(async () => (await readJob(store.db, started.id))?.phases[0]?.step === 'refresh');
    const live = await getJob(store.db, started.id);
    expect(live.phases.map((p) => [p.name, p.status, p.done, p.total])).toEqual([
      ['tags', 'running', 1, 4],
      ['segments', 'pending', null, null],
    ]);
    open();
    const done = await waitForJob(store.db, started.id, 10);
    expect(done.status).toBe('succeeded');
    expect(done.result).toEqual({ asOf: '2025-06-30' });
    expect(done.phases.map((p) => [p.name, p.status, p.step])).toEqual([
      ['tags', 'succeeded', 'snapshot'],
      ['segments', 'succeeded', null],
    ]);
    expect(await readJob(store.db, started.id)).toEqual(done);
    const audit = await listAudit(store.db, { action: 'job', page: 1, pageSize: 50 });
    const mine = audit.items.filter((e) => e.target === started.id).map((e) => [e.action, e.actor, e.details.status ?? null]);
    expect(mine.sort()).toEqual([
      ['job.finish', 'op1', 'succeeded'],
      ['job.start', 'op1', null],
    ]);
  });

  it('refuses a second job of the same kind while one runs, naming the running one', async () => {
    const { wait, open } = gate();
    const first = await gatedJob(store.db, wait);
    const second = await gatedJob(store.db, wait).catch((error: unknown) => error);
    expect(isCardwiseError(second) && [second.status, second.code, second.details]).toEqual([409, 'conflict', { jobId: first.id }]);
    expect(isCardwiseError(second) && second.messages['zh-CN']).toContain('画像刷新');
    open();
    await waitForJob(store.db, first.id, 10);
    // Once it has ended, the next one may start.
    const third = await gatedJob(store.db, Promise.resolve());
    expect((await waitForJob(store.db, third.id, 10)).status).toBe('succeeded');
  });

  it('records a failure with its message and the phase it failed in', async () => {
    const job = await gatedJob(store.db, Promise.resolve(), true);
    const done = await waitForJob(store.db, job.id, 10);
    expect([done.status, done.error, done.result]).toEqual(['failed', 'segments exploded', null]);
    expect(done.phases.map((p) => p.status)).toEqual(['succeeded', 'failed']);
    expect(done.finishedAt).not.toBeNull();
  });

  it('lists recent jobs newest first, filtered by kind and status', async () => {
    const all = await listJobs(store.db, { limit: 2 });
    expect(all).toHaveLength(2);
    expect(Date.parse(all[0]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(all[1]!.createdAt));
    expect((await listJobs(store.db, { kind: 'profile_refresh', limit: 50 })).length).toBe(4);
    const failed = await listJobs(store.db, { status: 'failed', limit: 50 });
    expect(failed.map((j) => [j.status, j.error])).toEqual([['failed', 'segments exploded']]);
    expect((await listJobs(store.db, { kind: 'profile_refresh', status: 'succeeded', limit: 50 })).length).toBe(3);
    expect(await listJobs(store.db, { status: 'interrupted', limit: 50 })).toEqual([]);
    await expect(getJob(store.db, 'job_nope')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a restart', () => {
  let store: Store;
  let reopened: Database | undefined;
  afterAll(async () => {
    await reopened?.close();
    await store.cleanup();
  });

  it('marks a job left running as interrupted, with its running phase, and audits it', async () => {
    store = await tempStore();
    const { wait, open } = gate();
    const job: Job = await gatedJob(store.db, wait);
    await until(async () => (await readJob(store.db, job.id))?.phases[0]?.step === 'refresh');
    // The process dies: its database is closed with the job mid-phase. A new one opens the same file.
    await store.db.close();
    reopened = await openStore(store.path, { connections: 2, threads: 1 });
    expect((await readJob(reopened, job.id))?.status).toBe('running');
    const recovered = await recoverJobs(reopened);
    expect(recovered.map((j) => j.id)).toEqual([job.id]);
    const seen = await getJob(reopened, job.id);
    expect([seen.status, seen.phases.map((p) => p.status)]).toEqual(['interrupted', ['interrupted', 'pending']]);
    expect(seen.finishedAt).not.toBeNull();
    expect(await readJob(reopened, job.id)).toEqual(seen);
    const audit = await listAudit(reopened, { action: 'job.interrupted', page: 1, pageSize: 10 });
    expect(audit.items.map((e) => [e.actor, e.target])).toEqual([['system', job.id]]);
    // A new job of the same kind may start: the interrupted one does not hold the kind.
    const next = await gatedJob(reopened, Promise.resolve());
    expect((await waitForJob(reopened, next.id, 10)).status).toBe('succeeded');
    // The old process's work ending late cannot write over the new state (its store is closed).
    open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await readJob(reopened, job.id))?.status).toBe('interrupted');
  });
});
