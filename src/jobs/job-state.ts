import { fail, newId, type ProgressEvent } from '../core';
import type { Job, JobKind, JobPhase, JobStatus } from './schema';

// A job's life as pure steps over its record: the runner applies them and persists the outcome, tests run
// them as scenario tables. A finished job (succeeded, failed, interrupted) never moves again.

const next: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['running', 'failed', 'interrupted'],
  running: ['succeeded', 'failed', 'interrupted'],
  succeeded: [],
  failed: [],
  interrupted: [],
};

export function canMove(from: JobStatus, to: JobStatus): boolean {
  return next[from].includes(to);
}

export function isFinished(status: JobStatus): boolean {
  return next[status].length === 0;
}

export interface NewJob {
  readonly kind: JobKind;
  readonly params: Record<string, unknown>;
  readonly phases: readonly string[];
  readonly startedBy: string | null;
}

export function newJob(input: NewJob, at: Date): Job {
  return {
    id: newId('job'),
    kind: input.kind,
    status: 'queued',
    params: input.params,
    phases: input.phases.map((name) => ({
      name, status: 'pending', step: null, done: null, total: null, detail: null, startedAt: null, finishedAt: null,
    })),
    result: null,
    error: null,
    startedBy: input.startedBy,
    createdAt: at.toISOString(),
    startedAt: null,
    finishedAt: null,
  };
}

/** Moves a job to `to`; a job that ends mid-phase ends that phase the same way (failed or interrupted). */
export function moveJob(job: Job, to: JobStatus, at: Date, outcome: { result?: Record<string, unknown>; error?: string } = {}): Job {
  if (!canMove(job.status, to)) {
    fail('conflict', `任务 ${job.id} 不能从 ${job.status} 变为 ${to}`, `job ${job.id} cannot move from ${job.status} to ${to}`);
  }
  const ending = isFinished(to);
  const phaseEnd = to === 'interrupted' ? 'interrupted' : 'failed';
  return {
    ...job,
    status: to,
    startedAt: to === 'running' ? at.toISOString() : job.startedAt,
    finishedAt: ending ? at.toISOString() : null,
    result: outcome.result ?? job.result,
    error: outcome.error ?? job.error,
    phases: ending
      ? job.phases.map((p) => (p.status === 'running' ? { ...p, status: phaseEnd, finishedAt: at.toISOString() } : p))
      : job.phases,
  };
}

function withPhase(job: Job, name: string, change: (phase: JobPhase) => JobPhase): Job {
  if (!job.phases.some((p) => p.name === name)) {
    fail('bad_request', `任务 ${job.id} 没有阶段 ${name}`, `job ${job.id} has no phase ${name}`);
  }
  return { ...job, phases: job.phases.map((p) => (p.name === name ? change(p) : p)) };
}

export function enterPhase(job: Job, name: string, at: Date): Job {
  if (job.status !== 'running') fail('conflict', `任务 ${job.id} 未在运行`, `job ${job.id} is not running`);
  return withPhase(job, name, (p) => {
    if (p.status !== 'pending') fail('conflict', `阶段 ${name} 已开始过`, `phase ${name} has already started`);
    return { ...p, status: 'running', startedAt: at.toISOString() };
  });
}

export function reportProgress(job: Job, name: string, event: ProgressEvent): Job {
  return withPhase(job, name, (p) => ({ ...p, step: event.phase, done: event.done, total: event.total, detail: event.detail ?? null }));
}

export function leavePhase(job: Job, name: string, status: 'succeeded' | 'failed', at: Date): Job {
  return withPhase(job, name, (p) => ({ ...p, status, finishedAt: at.toISOString() }));
}
