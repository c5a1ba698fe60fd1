import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core';
import { generatePortfolio } from '../../data';
import type { SqlParams } from '../../db';
import { jobSchema, tagComputeResultSchema, type Job } from '../../jobs';
import { saveTag } from '../../tags';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';
import { customersWithTravel, dailyTravelMax, onDemandTravelMax } from '../../test-support/on-demand-tags';
import { withStoreFile } from '../test-fixture';

// `cardwise jobs run`, as a bank's batch scheduler would call it each night, through the real entry on a real
// file: the run is the console's job (tags, then segments; a clustering; an on-demand tag), recorded and audited
// as the CLI actor, and its exit code says whether it succeeded.

const actor = `cli:${userInfo().username}`;

const query = <T>(file: string, sql: string, params: SqlParams = {}): Promise<T[]> =>
  withStoreFile(file, (db) => db.all<T>(sql, params));

const jobOf = (stdout: string): Job => jobSchema.parse(JSON.parse(stdout));

/** Who the audit log says started and finished the job, in order. */
const auditOf = (jobId: string) =>
  query<{ action: string; actor: string }>(
    path,
    'SELECT action, actor FROM audit_log WHERE target = $id ORDER BY seq',
    {
      id: jobId,
    },
  );
const jobCount = async () => (await query<{ n: number }>(path, 'SELECT count(*)::INT AS n FROM jobs'))[0]?.n;

let path: string;
let emptyPath: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const store = await tempStore();
  path = store.path;
  cleanups.push(store.cleanup);
  await generatePortfolio(store.db, { customers: 300, seed: 43, months: 14 });
  await store.db.close();
  // A migrated database with no data at all: a refresh of it has no as-of date and must fail as a job.
  const empty = await tempStore();
  emptyPath = empty.path;
  cleanups.push(empty.cleanup);
  await empty.db.close();
}, 180_000);
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe('cardwise jobs run profile-refresh', () => {
  let first: Job;

  it('runs the tags and segments phases, records the job as the CLI actor and exits 0', async () => {
    const run = await cardwise('jobs', 'run', 'profile-refresh', '--db', path, '--json');
    expect(run.code, run.stderr).toBe(0);
    first = jobOf(run.stdout);
    expect([first.kind, first.status, first.startedBy]).toEqual(['profile_refresh', 'succeeded', actor]);
    expect(first.phases.map((p) => [p.name, p.status])).toEqual([
      ['tags', 'succeeded'],
      ['segments', 'succeeded'],
    ]);
    // What the job says it did is what the file holds.
    const [counts] = await query<{ customers: number; profile: number; snapshots: number }>(
      path,
      `SELECT (SELECT count(*) FROM customers)::INT AS customers, (SELECT count(*) FROM profile)::INT AS profile,
         (SELECT count(*) FROM segment_snapshots)::INT AS snapshots`,
    );
    expect(first.result).toMatchObject({
      mode: 'full',
      customers: counts?.customers,
      segmentsFailed: 0,
      segmentSnapshots: counts?.snapshots,
    });
    expect(counts?.profile).toBe(counts?.customers);
    expect(counts?.snapshots).toBeGreaterThan(0);
    // Progress went to stderr (stdout is the JSON): at least each phase's last step, complete (a small
    // portfolio's earlier steps can pass between two reads of the job).
    expect(run.stderr).toMatch(/tags · \w+: 100%/);
    expect(run.stderr).toMatch(/segments · segments: 100%/);
    expect(await auditOf(first.id)).toEqual([
      { action: 'job.start', actor },
      { action: 'job.finish', actor },
    ]);
  });

  it('moves the profile a day forward with --incremental, and lists both runs newest first', async () => {
    const asOf = first.result?.asOf as string;
    // One more day: a copy of every 50th transaction, moved onto the day after the as-of date.
    await withStoreFile(path, (db) =>
      db.run(
        `INSERT INTO transactions SELECT 'NEXT-' || txn_id, account_id, customer_id,
           ts + to_days(CAST(date_diff('day', CAST(ts + INTERVAL 8 HOUR AS DATE), $day::DATE) AS INTEGER)), amount, currency,
           mcc, category, merchant, channel, is_overseas, country, installment_months
         FROM transactions WHERE hash(txn_id) % 50 = 0`,
        { day: addDays(asOf, 1) },
      ),
    );
    const run = await cardwise('jobs', 'run', 'profile-refresh', '--db', path, '--incremental', '--json');
    expect(run.code, run.stderr).toBe(0);
    const second = jobOf(run.stdout);
    expect(second.params).toEqual({ incremental: true });
    expect(second.result).toMatchObject({ mode: 'incremental', asOf: addDays(asOf, 1) });
    const [profile] = await query<{ as_of: string }>(
      path,
      'SELECT max(as_of)::VARCHAR AS as_of FROM profile',
    );
    expect(profile?.as_of).toBe(addDays(asOf, 1));

    const list = await cardwise('jobs', 'list', '--db', path, '--json');
    const items = (JSON.parse(list.stdout) as { items: unknown[] }).items.map((j) => jobSchema.parse(j));
    expect(items.map((j) => [j.id, j.status])).toEqual([
      [second.id, 'succeeded'],
      [first.id, 'succeeded'],
    ]);
  });

  it('exits 1 when the job fails, and the job list keeps the failure with its reason', async () => {
    const run = await cardwise('jobs', 'run', 'profile-refresh', '--db', emptyPath);
    expect(run.code).toBe(1);
    const failed = await query<{ job_id: string; status: string; error: string }>(
      emptyPath,
      'SELECT job_id, status, error FROM jobs',
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.status).toBe('failed');
    expect(failed[0]?.error).toContain('no transactions yet');
    expect(run.stderr).toContain(`${failed[0]?.job_id} failed: `);
    expect(run.stdout).toMatch(/status\s+failed/);
    // Nothing half-written: the failed refresh left no profile behind.
    const tables = await query<{ n: number }>(
      emptyPath,
      "SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name = 'profile'",
    );
    expect(tables[0]?.n).toBe(0);
  });
});

describe('cardwise jobs run data-cluster', () => {
  it('refuses a table that is not a contract table before any job is recorded', async () => {
    const before = await jobCount();
    const run = await cardwise('jobs', 'run', 'data-cluster', '--db', path, '--table', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no contract table named nope');
    expect(await jobCount()).toBe(before);
  });

  it('clusters the transactions as a recorded job', async () => {
    const run = await cardwise('jobs', 'run', 'data-cluster', '--db', path, '--full', '--json');
    expect(run.code, run.stderr).toBe(0);
    const job = jobOf(run.stdout);
    const [rows] = await query<{ n: number }>(path, 'SELECT count(*)::INT AS n FROM transactions');
    expect(job).toMatchObject({
      kind: 'data_cluster',
      status: 'succeeded',
      startedBy: actor,
      params: { table: 'transactions', full: true },
    });
    expect(job.result).toMatchObject({ table: 'transactions', mode: 'full', rows: rows?.n });
  });
});

describe('cardwise jobs run tag-compute', () => {
  const computeRun = ['jobs', 'run', 'tag-compute'];

  beforeAll(async () => {
    await withStoreFile(path, async (db) => {
      for (const tag of [dailyTravelMax, onDemandTravelMax]) await saveTag(db, tag, 'ana', 'create');
    });
  });

  it('refuses a run without --tag, and a daily tag, before any job is recorded', async () => {
    const before = await jobCount();
    const noTag = await cardwise(...computeRun, '--db', path);
    expect([noTag.code, noTag.stderr]).toEqual([
      1,
      'cardwise: tag-compute needs --tag <code>, the on-demand tag to compute\n',
    ]);
    const daily = await cardwise(...computeRun, '--tag', dailyTravelMax.code, '--db', path);
    expect([daily.code, daily.stderr]).toEqual([
      1,
      `cardwise: tag ${dailyTravelMax.code} is computed by every refresh; only on-demand tags are computed on their own\n`,
    ]);
    expect(await jobCount()).toBe(before);
  });

  it('computes the tag as a recorded job: as of the profile, for the customers SQL finds, said in words', async () => {
    const run = await cardwise(...computeRun, '--tag', onDemandTravelMax.code, '--db', path, '--json');
    expect(run.code, run.stderr).toBe(0);
    const job = jobOf(run.stdout);
    expect(job).toMatchObject({
      kind: 'tag_compute',
      status: 'succeeded',
      startedBy: actor,
      params: { code: onDemandTravelMax.code },
    });
    const result = tagComputeResultSchema.parse(job.result);
    const [profile] = await query<{ as_of: string }>(
      path,
      'SELECT max(as_of)::VARCHAR AS as_of FROM profile',
    );
    const truth = await withStoreFile(path, (db) => customersWithTravel(db, profile?.as_of ?? ''));
    expect(result).toMatchObject({
      code: onDemandTravelMax.code,
      version: 1,
      asOf: profile?.as_of,
      computedBy: actor,
      customers: truth.withTravel,
    });
    expect([truth.withTravel > 0, truth.withTravel < truth.customers]).toEqual([true, true]);
    expect(await auditOf(job.id)).toEqual([
      { action: 'job.start', actor },
      { action: 'job.finish', actor },
    ]);

    // For people, the result is a sentence, not the JSON.
    const shown = await cardwise('jobs', 'show', job.id, '--db', path);
    expect(shown.stdout).toContain(
      `  result      computed ${onDemandTravelMax.code} (version 1) as of ${result.asOf}: ${result.customers} customers with a value in `,
    );
  });
});
