import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { addDays } from '../../core';
import { generatePortfolio } from '../../data';
import type { SqlParams } from '../../db';
import { jobSchema, type Job } from '../../jobs';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';

// `cardwise jobs run`, as a bank's batch scheduler would call it each night, through the real entry on a real
// file: the run is the console's job (tags, then segments), recorded and audited as the CLI actor, and its exit
// code says whether it succeeded.

const actor = `cli:${userInfo().username}`;

async function query<T>(path: string, sql: string, params: SqlParams = {}): Promise<T[]> {
  const db = await openStore(path, { connections: 1 });
  try {
    return await db.all<T>(sql, params);
  } finally {
    await db.close();
  }
}

const jobOf = (stdout: string): Job => jobSchema.parse(JSON.parse(stdout));

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
    const audit = await query<{ action: string; actor: string }>(
      path,
      'SELECT action, actor FROM audit_log WHERE target = $id ORDER BY seq',
      { id: first.id },
    );
    expect(audit).toEqual([
      { action: 'job.start', actor },
      { action: 'job.finish', actor },
    ]);
  });

  it('moves the profile a day forward with --incremental, and lists both runs newest first', async () => {
    const asOf = first.result?.asOf as string;
    const db = await openStore(path, { connections: 1 });
    try {
      // One more day: a copy of every 50th transaction, moved onto the day after the as-of date.
      await db.run(
        `INSERT INTO transactions SELECT 'NEXT-' || txn_id, account_id, customer_id,
           ts + to_days(CAST(date_diff('day', CAST(ts + INTERVAL 8 HOUR AS DATE), $day::DATE) AS INTEGER)), amount, currency,
           mcc, category, merchant, channel, is_overseas, country, installment_months
         FROM transactions WHERE hash(txn_id) % 50 = 0`,
        { day: addDays(asOf, 1) },
      );
    } finally {
      await db.close();
    }
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
    const before = await query<{ n: number }>(path, 'SELECT count(*)::INT AS n FROM jobs');
    const run = await cardwise('jobs', 'run', 'data-cluster', '--db', path, '--table', 'nope');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no contract table named nope');
    const after = await query<{ n: number }>(path, 'SELECT count(*)::INT AS n FROM jobs');
    expect(after[0]?.n).toBe(before[0]?.n);
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
