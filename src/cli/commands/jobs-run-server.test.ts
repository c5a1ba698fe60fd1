import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditWriter } from '../../core';
import { generatePortfolio } from '../../data';
import { getJob, jobSchema, startJob, tagComputeResultSchema, type Job } from '../../jobs';
import { appendAudit } from '../../security';
import { saveTag } from '../../tags';
import { cardwiseWith } from '../../test-support/cli';
import { addUser, startTestServer, testPassword, type TestServer } from '../../test-support/test-server';
import { customersWithTravel, onDemandTravelMax } from '../../test-support/on-demand-tags';

// `cardwise jobs run --server`: while a server holds the database file, the nightly job is started and
// followed through the server's API, logged in as a person with the role, the password from the environment.
// A real server on loopback over a real file, and the real command-line entry in a child process.

let server: TestServer;
const refresh = ['jobs', 'run', 'profile-refresh'];
const asOps = ['--user', 'night.ops'];
const withPassword = (password: string, ...args: string[]) =>
  cardwiseWith({ env: { CARDWISE_PASSWORD: password } }, ...args);

/** Who the server's audit log says started and finished the job, in order. */
const auditOf = (jobId: string) =>
  server.db.all<{ action: string; actor: string }>(
    'SELECT action, actor FROM audit_log WHERE target = $1 ORDER BY seq',
    [jobId],
  );

beforeAll(async () => {
  server = await startTestServer();
  await generatePortfolio(server.db, { customers: 200, seed: 47, months: 14 });
  await addUser(server.db, 'night.ops', 'operator');
  await addUser(server.db, 'li.analyst', 'analyst');
  await saveTag(server.db, onDemandTravelMax, 'li.analyst', 'create');
}, 120_000);
afterAll(() => server?.close());

describe('cardwise jobs run --server', () => {
  it('runs the profile refresh on the server as the operator who logged in, and exits 0', async () => {
    const run = await withPassword(testPassword, ...refresh, '--server', server.base, ...asOps, '--json');
    expect(run.code, run.stderr).toBe(0);
    const job = jobSchema.parse(JSON.parse(run.stdout));
    expect([job.kind, job.status, job.startedBy]).toEqual(['profile_refresh', 'succeeded', 'night.ops']);
    // The server's own record, and the profile it wrote, agree with what the command printed.
    expect((await getJob(server.db, job.id)).status).toBe('succeeded');
    const profile = await server.db.one<{ n: number }>('SELECT count(*)::INT AS n FROM profile');
    expect(job.result).toMatchObject({ customers: profile?.n, mode: 'full' });
    expect(await auditOf(job.id)).toEqual([
      { action: 'job.start', actor: 'night.ops' },
      { action: 'job.finish', actor: 'night.ops' },
    ]);
  });

  it('follows a run of the same kind that is already going instead of starting another', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const audit: AuditWriter = async (action, target, details) => {
      await appendAudit(server.db, {
        actor: 'console.user',
        action,
        target: target ?? null,
        details: details ?? {},
      });
    };
    const running = await startJob(server.db, {
      kind: 'profile_refresh',
      params: { incremental: true },
      phases: ['tags'],
      startedBy: 'console.user',
      audit,
      async run(ctx) {
        await ctx.phase('tags', async (onProgress) => {
          onProgress({ phase: 'refresh', done: 1, total: 2, detail: 'pass txn' });
          await held;
        });
        return { note: 'held' };
      },
    });
    // The held job is let go only once the command says it found it, so the check cannot race the clock.
    const run = await cardwiseWith(
      {
        env: { CARDWISE_PASSWORD: testPassword },
        onStderr: (soFar) => {
          if (soFar.includes('was already running')) release();
        },
      },
      ...refresh,
      ...['--incremental', '--server', server.base, ...asOps, '--json'],
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${running.id} was already running: following it`);
    const followed: Job = jobSchema.parse(JSON.parse(run.stdout));
    expect([followed.id, followed.status, followed.startedBy]).toEqual([
      running.id,
      'succeeded',
      'console.user',
    ]);
    // No second run was started: the only job since the held one started is the held one.
    const since = await server.db.all<{ id: string }>(
      'SELECT job_id AS id FROM jobs WHERE created_at >= $1::TIMESTAMP',
      [running.createdAt],
    );
    expect(since.map((j) => j.id)).toEqual([running.id]);
  });

  it('refuses, with the server’s reason and exit 1, a role that may not run the job and a wrong password', async () => {
    const before = await server.db.one<{ n: number }>('SELECT count(*)::INT AS n FROM jobs');
    const analyst = await withPassword(
      testPassword,
      ...refresh,
      '--server',
      server.base,
      '--user',
      'li.analyst',
    );
    expect(analyst.code).toBe(1);
    expect(analyst.stderr.trim()).toBe('cardwise: role analyst may not use this');
    const wrong = await withPassword('not the password', ...refresh, '--server', server.base, ...asOps);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('cardwise: wrong username or password');
    const after = await server.db.one<{ n: number }>('SELECT count(*)::INT AS n FROM jobs');
    expect(after?.n).toBe(before?.n);
  });

  it('asks for the password in the environment, and for exactly one of --db and --server', async () => {
    const noPassword = await withPassword('', ...refresh, '--server', server.base, ...asOps);
    expect([noPassword.code, noPassword.stderr.trim()]).toEqual([
      1,
      'cardwise: put the password in CARDWISE_PASSWORD (never on the command line, where process lists show it)',
    ]);
    const both = await withPassword(
      testPassword,
      ...refresh,
      '--server',
      server.base,
      '--db',
      'x.duckdb',
      ...asOps,
    );
    expect([both.code, both.stderr.trim()]).toEqual([
      1,
      'cardwise: give one of --db (a database file) or --server (a running server)',
    ]);
    const unreachable = await withPassword(
      testPassword,
      ...refresh,
      '--server',
      'http://127.0.0.1:9',
      ...asOps,
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('cannot reach the server at http://127.0.0.1:9');
  });
});

describe('cardwise jobs run tag-compute --server', () => {
  const compute = ['jobs', 'run', 'tag-compute', '--server'];
  const asAnalyst = ['--user', 'li.analyst'];

  it('asks for --tag before logging in to the server', async () => {
    const logins = async () =>
      (
        await server.db.one<{ n: number }>(
          "SELECT count(*)::INT AS n FROM audit_log WHERE action LIKE 'login.%'",
        )
      )?.n;
    const before = await logins();
    const run = await withPassword(testPassword, ...compute, server.base, ...asAnalyst);
    expect([run.code, run.stderr.trim()]).toEqual([
      1,
      'cardwise: tag-compute needs --tag <code>, the on-demand tag to compute',
    ]);
    expect(await logins()).toBe(before);
  });

  it('computes the on-demand tag on the server for an analyst, who may not run a refresh', async () => {
    const run = await withPassword(
      testPassword,
      ...compute,
      server.base,
      ...asAnalyst,
      ...['--tag', onDemandTravelMax.code, '--json'],
    );
    expect(run.code, run.stderr).toBe(0);
    const job = jobSchema.parse(JSON.parse(run.stdout));
    expect([job.kind, job.status, job.startedBy]).toEqual(['tag_compute', 'succeeded', 'li.analyst']);
    const result = tagComputeResultSchema.parse(job.result);
    const state = await server.db.one<{ as_of: string }>(
      "SELECT as_of FROM tag_profile_state WHERE name = 'profile'",
    );
    const truth = await customersWithTravel(server.db, result.asOf);
    expect(result).toMatchObject({
      code: onDemandTravelMax.code,
      asOf: state?.as_of,
      computedBy: 'li.analyst',
      customers: truth.withTravel,
    });
    expect([truth.withTravel > 0, truth.withTravel < truth.customers]).toEqual([true, true]);
    expect(await auditOf(job.id)).toEqual([
      { action: 'job.start', actor: 'li.analyst' },
      { action: 'job.finish', actor: 'li.analyst' },
    ]);
  });
});
