import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import type { Database } from '../../db';
import { getJob, jobKinds, jobStatuses, listJobs, startDataCluster, startProfileRefresh, type Job, type JobKind, type JobStatus } from '../../jobs';
import { progressBar } from '../progress-bar';
import { followJob } from './jobs-follow';
import { renderJobDetail, renderJobList } from './jobs-render';
import { cliActor, cliAudit, withStore } from '../store';

// Jobs from the command line: reading them, and running one as a batch scheduler would. Opening the file
// means no server holds it (DuckDB lets one process hold it at a time), so a job the table still calls queued
// or running has nothing running it: the first read marks it interrupted and audits that as `system`
// (recoverJobs), exactly as the next server start would.

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return limit;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

interface RunOptions {
  db: string;
  incremental?: boolean;
  table: string;
  full?: boolean;
  json?: boolean;
}

/**
 * The jobs the command line can run, by the names a batch scheduler calls them: the same starters the
 * console's buttons call, so a run is recorded in the job list and audited, started by the CLI actor.
 */
const runnable: Record<string, (db: Database, o: RunOptions) => Promise<Job>> = {
  'profile-refresh': (db, o) => startProfileRefresh(db, { incremental: Boolean(o.incremental), startedBy: cliActor(), audit: cliAudit(db) }),
  'data-cluster': (db, o) => startDataCluster(db, { table: o.table, full: Boolean(o.full), startedBy: cliActor(), audit: cliAudit(db) }),
};

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
    .command('run')
    .description('Run a job as the console runs it (recorded in the job list, audited), waiting for it to end; exits 1 unless it succeeds')
    .addArgument(new Argument('<kind>', 'the job to run').choices(Object.keys(runnable)))
    .requiredOption('--db <path>', 'the Cardwise database file')
    .option('--incremental', 'profile-refresh: move kept states forward by the days since the last refresh')
    .option('--table <name>', 'data-cluster: the contract table', 'transactions')
    .option('--full', 'data-cluster: re-sort the whole table, not only the rows loaded since the last clustering')
    .option('--json', 'print the ended job as JSON (the API response)')
    .action(async (kind: string, o: RunOptions) =>
      withStore(o.db, async (db) => {
        const started = await (runnable[kind] as (typeof runnable)[string])(db, o);
        const bar = progressBar();
        let job: Job;
        try {
          job = await followJob(db, started.id, bar);
        } finally {
          bar.stop();
        }
        process.stdout.write(o.json ? json(job) : renderJobDetail(job, new Date()));
        if (job.status !== 'succeeded') {
          process.stderr.write(`${job.id} ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
          process.exitCode = 1;
        }
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
