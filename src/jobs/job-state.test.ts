import { describe, expect, it } from 'vitest';
import { canMove, enterPhase, leavePhase, moveJob, newJob, reportProgress } from './job-state';
import { jobStatuses, type Job, type JobStatus } from './schema';

const at = new Date('2025-07-01T02:00:00.000Z');
const later = new Date('2025-07-01T02:00:05.000Z');
const fresh = (): Job => newJob({ kind: 'profile_refresh', params: { incremental: true }, phases: ['tags', 'segments'], startedBy: 'op1' }, at);

describe('job status transitions', () => {
  // Every pair of statuses: only these moves are allowed; a finished job never moves again.
  const allowed: Array<[JobStatus, JobStatus]> = [
    ['queued', 'running'],
    ['queued', 'failed'],
    ['queued', 'interrupted'],
    ['running', 'succeeded'],
    ['running', 'failed'],
    ['running', 'interrupted'],
  ];
  const pairs = jobStatuses.flatMap((from) => jobStatuses.map((to) => [from, to] as [JobStatus, JobStatus]));
  it.each(pairs)('%s → %s', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canMove(from, to)).toBe(expected);
    const job = { ...fresh(), status: from };
    if (expected) expect(moveJob(job, to, later).status).toBe(to);
    else expect(() => moveJob(job, to, later)).toThrow(/cannot move/);
  });
});

describe('a job through its phases', () => {
  it('starts queued with every phase pending', () => {
    const job = fresh();
    expect(job).toMatchObject({ status: 'queued', id: expect.stringMatching(/^job_[0-9a-z]{16}$/), createdAt: at.toISOString(), startedAt: null });
    expect(job.phases.map((p) => p.status)).toEqual(['pending', 'pending']);
  });

  // Scenario: each step applies one change; the expected column is the phase statuses and the job status after it.
  const steps: Array<[string, (job: Job) => Job, JobStatus, string[]]> = [
    ['run', (j) => moveJob(j, 'running', at), 'running', ['pending', 'pending']],
    ['enter tags', (j) => enterPhase(j, 'tags', at), 'running', ['running', 'pending']],
    ['progress', (j) => reportProgress(j, 'tags', { phase: 'refresh', done: 2, total: 5, detail: 'pass txn' }), 'running', ['running', 'pending']],
    ['leave tags', (j) => leavePhase(j, 'tags', 'succeeded', later), 'running', ['succeeded', 'pending']],
    ['enter segments', (j) => enterPhase(j, 'segments', later), 'running', ['succeeded', 'running']],
    ['interrupted', (j) => moveJob(j, 'interrupted', later, { error: 'stopped' }), 'interrupted', ['succeeded', 'interrupted']],
  ];
  it('moves as the scenario table says', () => {
    let job = fresh();
    for (const [name, step, status, phases] of steps) {
      job = step(job);
      expect([name, job.status, job.phases.map((p) => p.status)]).toEqual([name, status, phases]);
    }
    expect(job.phases[0]).toMatchObject({ step: 'refresh', done: 2, total: 5, detail: 'pass txn', finishedAt: later.toISOString() });
    expect([job.startedAt, job.finishedAt, job.error]).toEqual([at.toISOString(), later.toISOString(), 'stopped']);
  });

  it('refuses a phase it does not declare, one entered twice, and entering a phase before it runs', () => {
    expect(() => enterPhase(fresh(), 'tags', at)).toThrow(/not running/);
    const running = moveJob(fresh(), 'running', at);
    expect(() => enterPhase(running, 'scoring', at)).toThrow(/no phase scoring/);
    expect(() => enterPhase(enterPhase(running, 'tags', at), 'tags', at)).toThrow(/already started/);
  });
});
