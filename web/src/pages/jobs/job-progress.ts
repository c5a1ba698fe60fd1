// How far a job has come, read off its phases: each declared phase is an equal share of the bar, and the
// running one fills its share by its own done/total.
import type { Job, JobPhase } from '../../../../src/jobs/schema';

export function isActive(job: Pick<Job, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** The phase running now, or the one the job ended in. */
export function currentPhase(job: Job): { phase: JobPhase; index: number } | null {
  const index = job.phases.findIndex((p) => p.status === 'running' || p.status === 'failed' || p.status === 'interrupted');
  const phase = job.phases[index];
  return phase ? { phase, index } : null;
}

export function jobPercent(job: Job): number {
  if (job.status === 'succeeded') return 100;
  const count = job.phases.length;
  if (count === 0) return 0;
  const finished = job.phases.filter((p) => p.status === 'succeeded').length;
  const running = job.phases.find((p) => p.status === 'running');
  const share = running && running.total ? (running.done ?? 0) / running.total : 0;
  return Math.min(99, Math.round(((finished + share) / count) * 100));
}

/** Seconds from start to end (or to now while it runs). */
export function jobSeconds(job: Job, now = Date.now()): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, (end - Date.parse(job.startedAt)) / 1000);
}
