import type { ProgressListener } from '../../core';
import { isFinished, type Job } from '../../jobs';

/**
 * Follows a job until it ends, passing each started phase's latest progress to the listener (one bar per
 * phase and step, as `tags refresh` draws them). `read` reads the job as the console's job list would: from
 * this process's memory for a job it runs, or from the server's API.
 */
export async function followJob(
  read: () => Promise<Job>,
  onProgress: ProgressListener,
  pollMs: number,
): Promise<Job> {
  for (;;) {
    const job = await read();
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
