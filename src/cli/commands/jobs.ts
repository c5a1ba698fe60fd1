import { InvalidArgumentError, Option, type Command } from 'commander';
import { getJob, jobKinds, jobStatuses, listJobs, type JobKind, type JobStatus } from '../../jobs';
import { renderJobDetail, renderJobList } from './jobs-render';
import { withStore } from '../store';

// Reading jobs from the command line. Opening the file means no server holds it (DuckDB lets one process
// hold it at a time), so a job the table still calls queued or running has nothing running it: the first
// read marks it interrupted and audits that as `system` (recoverJobs), exactly as the next server start would.

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return limit;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export function registerJobs(program: Command): void {
  const jobs = program.command('jobs').description('Long work run as jobs: profile refreshes and their phases / 任务');

  jobs
    .command('list')
    .description('Recent jobs, newest first')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .addOption(new Option('--kind <kind>', 'only jobs of this kind').choices(jobKinds))
    .addOption(new Option('--status <status>', 'only jobs in this status').choices(jobStatuses))
    .option('--limit <n>', 'at most this many jobs', parseLimit, 20)
    .option('--json', 'print the jobs as JSON (the API response)')
    .action(async (o: { db: string; kind?: JobKind; status?: JobStatus; limit: number; json?: boolean }) =>
      withStore(o.db, async (db) => {
        const items = await listJobs(db, { kind: o.kind, status: o.status, limit: o.limit });
        process.stdout.write(o.json ? json({ items }) : renderJobList(items, new Date()));
      }),
    );

  jobs
    .command('show')
    .description('One job with its phases and their progress')
    .argument('<id>', 'job id (job_…)')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--json', 'print the job as JSON (the API response)')
    .action(async (id: string, o: { db: string; json?: boolean }) =>
      withStore(o.db, async (db) => {
        // An unknown id fails here with `not_found`, naming the id in both languages.
        const job = await getJob(db, id);
        process.stdout.write(o.json ? json(job) : renderJobDetail(job, new Date()));
      }),
    );
}
