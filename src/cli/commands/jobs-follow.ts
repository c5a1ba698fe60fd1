import type { ProgressListener } from '../../core';
import type { Database } from '../../db';
import { getJob, isFinished, type Job } from '../../jobs';

/**
 * Follows a job this process runs until it ends, passing each started phase's latest progress to the
 * listener (one bar per phase and step, as `tags refresh` draws them). The job's progress lives in this
 * process's memory, so each read sees it as the console's job list would.
 */
export async function followJob(
  db: Database,
  jobId: string,
  onProgress: ProgressListener,
  pollMs = 200,
): Promise<Job> {
  for (;;) {
    const job = await getJob(db, jobId);
    for (const phase of job.phases) {
      if (phase.status === 'pending' || phase.done === null || phase.total === null) continue;
      onProgress({
        phase: phase.step ? `${phase.name} · ${phase.step}` : phase.name,
        done: phase.done,
        total: phase.total,
        ...(phase.detail ? { detail: phase.detail } : {}),
      });
    }
    if (isFinished(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
