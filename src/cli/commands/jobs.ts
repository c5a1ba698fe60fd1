import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import { fail, type AuditWriter } from '../../core';
import type { Database } from '../../db';
import {
  getJob,
  jobKinds,
  jobStatuses,
  listJobs,
  startDataCluster,
  startProfileRefresh,
  startTagCompute,
  type Job,
  type JobKind,
  type JobStatus,
} from '../../jobs';
import { progressBar } from '../progress-bar';
import { followJob } from './jobs-follow';
import { remoteJobs, type RunnableKind } from './jobs-remote';
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
  db?: string;
  server?: string;
  user?: string;
  incremental?: boolean;
  table: string;
  full?: boolean;
  tag?: string;
  json?: boolean;
}

/** Who starts a job run here, and the audit log written in their name. */
interface Actor {
  readonly startedBy: string | null;
  readonly audit: AuditWriter;
}

/** A run asked for on the command line: the body the API takes, and the same request started in this process. */
interface JobRequest {
  readonly body: Record<string, unknown>;
  startHere(db: Database, actor: Actor): Promise<Job>;
}

/** Pairs a body with the starter its API route calls, so a run here is the very job the console starts. */
function request<B extends Record<string, unknown>>(
  body: B,
  start: (db: Database, request: B & Actor) => Promise<Job>,
): JobRequest {
  return { body, startHere: (db, actor) => start(db, { ...body, ...actor }) };
}

const tagOf = (o: RunOptions): string =>
  o.tag ?? fail('bad_request', 'tag-compute 须以 --tag 指定要计算的按需标签', 'tag-compute needs --tag <code>, the on-demand tag to compute');

// Each kind's options make its request; an option a kind cannot run without is refused here, before the
// file is opened or the server logged in to.
const requests: Record<RunnableKind, (o: RunOptions) => JobRequest> = {
  'profile-refresh': (o) => request({ incremental: Boolean(o.incremental) }, startProfileRefresh),
  'data-cluster': (o) => request({ table: o.table, full: Boolean(o.full) }, startDataCluster),
  'tag-compute': (o) => request({ code: tagOf(o) }, startTagCompute),
};
const runnableKinds = Object.keys(requests) as RunnableKind[];

/** Draws the job's progress until it ends, prints it, and sets the exit code: 0 only if it succeeded. */
async function followAndReport(read: () => Promise<Job>, pollMs: number, asJson: boolean): Promise<void> {
  const bar = progressBar();
  let job: Job;
  try {
    job = await followJob(read, bar, pollMs);
  } finally {
    bar.stop();
  }
  process.stdout.write(asJson ? json(job) : renderJobDetail(job, new Date()));
  if (job.status !== 'succeeded') {
    process.stderr.write(`${job.id} ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    process.exitCode = 1;
  }
}

/** Starts and follows the job on a running server, logged in as `user` with the password from the environment. */
async function runOnServer(kind: RunnableKind, request: JobRequest, o: RunOptions & { server: string }): Promise<void> {
  const password = process.env.CARDWISE_PASSWORD;
  if (!o.user) fail('bad_request', '使用 --server 时须以 --user 指定用户名', '--server needs --user, the account to log in as');
  if (!password) fail('bad_request', '请在环境变量 CARDWISE_PASSWORD 中提供密码', 'put the password in CARDWISE_PASSWORD (never on the command line, where process lists show it)');
  const server = await remoteJobs(o.server, o.user, password);
  try {
    const { job, alreadyRunning } = await server.start(kind, request.body);
    // Another run of the same kind (last night's, or one started in the console) is followed, not doubled.
    if (alreadyRunning) process.stderr.write(`${job.id} was already running: following it\n`);
    await followAndReport(() => server.read(job.id), 1000, Boolean(o.json));
  } finally {
    await server.logout();
  }
}

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
    .description(
      'Run a job as the console runs it (recorded in the job list, audited), waiting for it to end; exits 1 unless it succeeds',
    )
    .addArgument(new Argument('<kind>', 'the job to run').choices(runnableKinds))
    .option('--db <path>', 'the Cardwise database file, when no server holds it')
    .option('--server <url>', 'or a running server (e.g. http://127.0.0.1:8080), logged in as --user with the password in CARDWISE_PASSWORD')
    .option('--user <name>', 'with --server: the account (an operator; an analyst may run tag-compute; an administrator data-cluster)')
    .option('--incremental', 'profile-refresh: move kept states forward by the days since the last refresh')
    .option('--table <name>', 'data-cluster: the contract table', 'transactions')
    .option('--full', 'data-cluster: re-sort the whole table, not only the rows loaded since the last clustering')
    .option('--tag <code>', 'tag-compute (required): the on-demand tag to compute')
    .option('--json', 'print the ended job as JSON (the API response)')
    .action(async (kind: RunnableKind, o: RunOptions) => {
      if (Boolean(o.db) === Boolean(o.server)) fail('bad_request', '请指定 --db 或 --server 之一', 'give one of --db (a database file) or --server (a running server)');
      const request = requests[kind](o);
      if (o.server) return runOnServer(kind, request, { ...o, server: o.server });
      return withStore(o.db as string, async (db) => {
        // Through the same actor the console's buttons call: recorded in the job list, audited as the CLI actor.
        const started = await request.startHere(db, { startedBy: cliActor(), audit: cliAudit(db) });
        await followAndReport(() => getJob(db, started.id), 200, Boolean(o.json));
      });
    });

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
