import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/schema';
import { generatePortfolio } from '../data';
import { listAudit } from '../security';
import { saveTag } from '../tags';
import { addUser, loginCookie, startTestServer, type TestServer } from '../test-support/test-server';
import { callAs, jsonOf } from '../test-support/api-calls';
import { customersWithTravel, dailyTravelMax, onDemandTravelMax } from '../test-support/on-demand-tags';
import { dataClusterResultSchema, profileRefreshResultSchema, tagComputeResultSchema, type Job } from './schema';

// Jobs through a real server on loopback over a small generated portfolio: a profile refresh started by an
// operator, followed to the end, with segments refreshed behind the tags; a data clustering; an on-demand tag
// computed for an analyst; each refused to those without the role.

let server: TestServer;
const cookies = new Map<Role, string>();

const call = callAs(() => server.base, cookies);

async function follow(jobId: string): Promise<Job[]> {
  const seen: Job[] = [];
  for (let i = 0; i < 600; i += 1) {
    const job = await jsonOf<Job>(await call('analyst', 'GET', `/api/jobs/${jobId}`));
    seen.push(job);
    if (!['queued', 'running'].includes(job.status)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not end in 60 s`);
}

/** The job's audit entries as [action, actor, role], sorted so the check does not hang on the listing's order. */
async function auditOf(jobId: string): Promise<Array<Array<string | null>>> {
  const audit = await listAudit(server.db, { action: 'job', page: 1, pageSize: 50 });
  return audit.items
    .filter((e) => e.target === jobId)
    .map((e) => [e.action, e.actor, e.role])
    .sort();
}

beforeAll(async () => {
  server = await startTestServer();
  await generatePortfolio(server.db, { customers: 300, seed: 11, months: 6 });
  for (const role of ['admin', 'operator', 'analyst', 'agent', 'auditor'] as const) {
    await addUser(server.db, `${role}1`, role);
    cookies.set(role, await loginCookie(server.base, `${role}1`));
  }
}, 120_000);
afterAll(async () => server?.close());

describe('profile refresh jobs over HTTP', () => {
  it('refuses those whose role may not start or follow a refresh', async () => {
    expect((await call('analyst', 'POST', '/api/jobs/profile-refresh', { incremental: false })).status).toBe(403);
    expect((await call('auditor', 'POST', '/api/jobs/profile-refresh', {})).status).toBe(403);
    expect((await call('auditor', 'GET', '/api/jobs')).status).toBe(403);
    expect((await call('agent', 'GET', '/api/jobs/job_x')).status).toBe(403);
    expect((await call('analyst', 'GET', '/api/jobs/job_x')).status).toBe(404);
    expect(await server.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jobs')).toEqual({ n: 0 });
  });

  it('runs tags then segments to success, one at a time, and audits start and finish', async () => {
    const started = await jsonOf<Job>(await call('operator', 'POST', '/api/jobs/profile-refresh', { incremental: false }));
    expect(started).toMatchObject({ kind: 'profile_refresh', status: 'running', startedBy: 'operator1', params: { incremental: false } });
    expect(started.phases.map((p) => p.name)).toEqual(['tags', 'segments']);

    const second = await jsonOf<{ error: { code: string; messages: Record<string, string>; details: unknown } }>(
      await call('admin', 'POST', '/api/jobs/profile-refresh', { incremental: true }),
      409,
    );
    expect(second.error).toMatchObject({ code: 'conflict', details: { jobId: started.id } });
    expect(second.error.messages['zh-CN']).toContain('已有画像刷新任务在运行');
    expect(second.error.messages['en-US']).toContain('already running');

    const seen = await follow(started.id);
    const done = seen.at(-1) as Job;
    expect([done.status, done.error]).toEqual(['succeeded', null]);
    expect(done.phases.map((p) => [p.name, p.status])).toEqual([
      ['tags', 'succeeded'],
      ['segments', 'succeeded'],
    ]);
    const result = profileRefreshResultSchema.parse(done.result);
    const profile = await server.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM profile');
    expect(result).toMatchObject({ mode: 'full', customers: profile?.n, segmentsFailed: 0 });
    expect(Object.keys(result.phaseMs)).toEqual(['tags', 'segments']);
    const state = await server.db.one<{ as_of: string }>("SELECT as_of FROM tag_profile_state WHERE name = 'profile'");
    expect(result.asOf).toBe(state?.as_of);

    // Segments followed the refresh: every segment has a snapshot taken by this job, with its members.
    const snapshots = await server.db.one<{ n: number; segments: number; members: number }>(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT segment_id)::INTEGER AS segments,
         (SELECT count(*)::INTEGER FROM segment_memberships) AS members
       FROM segment_snapshots WHERE taken_at >= $1::TIMESTAMP`,
      [done.startedAt],
    );
    expect(snapshots?.n).toBe(result.segmentSnapshots);
    expect(snapshots?.n).toBeGreaterThan(0);
    expect(snapshots?.members).toBeGreaterThan(0);

    expect(await auditOf(started.id)).toEqual([
      ['job.finish', 'operator1', 'operator'],
      ['job.start', 'operator1', 'operator'],
    ]);
  });

  it('lists recent jobs by kind, and an incremental refresh may start once the first has ended', async () => {
    const next = await jsonOf<Job>(await call('admin', 'POST', '/api/jobs/profile-refresh', { incremental: true }));
    const done = (await follow(next.id)).at(-1) as Job;
    expect(done.status).toBe('succeeded');
    expect(done.params).toEqual({ incremental: true });
    const list = await jsonOf<{ items: Job[] }>(await call('analyst', 'GET', '/api/jobs?kind=profile_refresh&limit=5'));
    expect(list.items.map((j) => [j.id, j.status, j.startedBy])).toEqual([
      [next.id, 'succeeded', 'admin1'],
      [expect.any(String), 'succeeded', 'operator1'],
    ]);
    expect((await call('analyst', 'GET', '/api/jobs?kind=nonsense')).status).toBe(400);
  });
});

describe('data clustering jobs over HTTP', () => {
  it('is for administrators only, and refuses a table it cannot cluster before starting anything', async () => {
    expect((await call('operator', 'POST', '/api/jobs/data-cluster', {})).status).toBe(403);
    expect((await call('analyst', 'POST', '/api/jobs/data-cluster', { full: true })).status).toBe(403);
    const refused = await jsonOf<{ error: { code: string; messages: Record<string, string> } }>(
      await call('admin', 'POST', '/api/jobs/data-cluster', { table: 'products' }),
      400,
    );
    expect(refused.error.messages['en-US']).toContain('table products has no freshness column');
    expect(await server.db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM jobs WHERE kind = 'data_cluster'")).toEqual({ n: 0 });
  });

  it('re-sorts the whole table by customer as a job, keeping every row, and records how far', async () => {
    const before = await server.db.one<{ n: number; total: number }>('SELECT count(*)::INTEGER AS n, sum(amount)::DOUBLE AS total FROM transactions');
    const started = await jsonOf<Job>(await call('admin', 'POST', '/api/jobs/data-cluster', { full: true }));
    expect(started).toMatchObject({ kind: 'data_cluster', startedBy: 'admin1', params: { table: 'transactions', full: true } });
    const done = (await follow(started.id)).at(-1) as Job;
    expect([done.status, done.error]).toEqual(['succeeded', null]);
    expect(dataClusterResultSchema.parse(done.result)).toMatchObject({ table: 'transactions', mode: 'full', rows: before?.n });
    const after = await server.db.one<{ n: number; total: number; breaks: number }>(
      `SELECT count(*)::INTEGER AS n, sum(amount)::DOUBLE AS total,
         count(*) FILTER (WHERE customer_id < previous)::INTEGER AS breaks
       FROM (SELECT customer_id, amount, lag(customer_id) OVER (ORDER BY rowid) AS previous FROM transactions)`,
    );
    expect(after).toEqual({ ...before, breaks: 0 });
    const record = await server.db.one<{ mode: string; through: string }>(
      "SELECT mode, clustered_through::VARCHAR AS through FROM data_clustering WHERE table_name = 'transactions'",
    );
    expect(record).toEqual({ mode: 'full', through: (await server.db.one<{ t: string }>('SELECT max(ts)::VARCHAR AS t FROM transactions'))?.t });
  });
});

describe('on-demand tag computation jobs over HTTP', () => {
  const [daily, onDemand] = [dailyTravelMax, onDemandTravelMax];
  const tagComputeJobs = async () =>
    (await server.db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM jobs WHERE kind = 'tag_compute'"))?.n;

  beforeAll(async () => {
    for (const tag of [daily, onDemand]) await saveTag(server.db, tag, 'analyst1', 'create');
  });

  it('refuses an agent, a daily tag and an unknown one before any job starts', async () => {
    expect((await call('agent', 'POST', '/api/jobs/tag-compute', { code: onDemand.code })).status).toBe(403);
    const dailyRefused = await jsonOf<{ error: { code: string; messages: Record<string, string> } }>(
      await call('analyst', 'POST', '/api/jobs/tag-compute', { code: daily.code }),
      409,
    );
    expect(dailyRefused.error.messages['en-US']).toBe(
      `tag ${daily.code} is computed by every refresh; only on-demand tags are computed on their own`,
    );
    const unknown = await jsonOf<{ error: { code: string; messages: Record<string, string> } }>(
      await call('analyst', 'POST', '/api/jobs/tag-compute', { code: 'no_such_tag' }),
      404,
    );
    expect(unknown.error.messages['en-US']).toContain('tag no_such_tag not found');
    expect(await tagComputeJobs()).toBe(0);
  });

  it('computes the tag for an analyst: its customers are those SQL finds with travel in the window, audited', async () => {
    const started = await jsonOf<Job>(await call('analyst', 'POST', '/api/jobs/tag-compute', { code: onDemand.code }));
    expect(started).toMatchObject({ kind: 'tag_compute', startedBy: 'analyst1', params: { code: onDemand.code } });
    const done = (await follow(started.id)).at(-1) as Job;
    expect([done.status, done.error]).toEqual(['succeeded', null]);
    expect(done.phases.map((p) => [p.name, p.status])).toEqual([['compute', 'succeeded']]);
    const result = tagComputeResultSchema.parse(done.result);
    // Computed at the profile's date, which the refresh jobs above set.
    const state = await server.db.one<{ as_of: string }>("SELECT as_of FROM tag_profile_state WHERE name = 'profile'");
    expect(result).toMatchObject({ code: onDemand.code, version: 1, asOf: state?.as_of, computedBy: 'analyst1' });
    const truth = await customersWithTravel(server.db, result.asOf);
    expect(result.customers).toBe(truth.withTravel);
    // Not vacuous: some customers have a value and some have none.
    expect(truth.withTravel).toBeGreaterThan(0);
    expect(truth.withTravel).toBeLessThan(truth.customers);

    expect(await auditOf(started.id)).toEqual([
      ['job.finish', 'analyst1', 'analyst'],
      ['job.start', 'analyst1', 'analyst'],
    ]);
  });
});
