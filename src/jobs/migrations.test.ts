import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../app';
import { Database, migrate } from '../db';
import { readJobs } from './job-store';

// A database from before jobs existed: its tag refresh history moves into the jobs table on upgrade.
describe('upgrading a store that has tag_refresh_jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-jobs-'));
  let db: Database | undefined;
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries every refresh over as a profile_refresh job, a running one as interrupted, and drops the old table', async () => {
    db = await Database.open(join(dir, 'old.duckdb'), { connections: 1, threads: 1 });
    const before = allMigrations.filter((m) => !m.id.startsWith('jobs/') && m.id !== 'tags/006_refresh_jobs_to_jobs');
    await migrate(db, before);
    await db.run(`INSERT INTO tag_refresh_jobs VALUES
      ('job_old1', 'succeeded', 'incremental', 'refresh', 5, 5, NULL, DATE '2025-06-30', NULL, 'usr_a', TIMESTAMP '2025-07-01 01:00:00', TIMESTAMP '2025-07-01 01:02:00'),
      ('job_old2', 'running', 'full', 'refresh', 1, 5, NULL, NULL, NULL, 'usr_b', TIMESTAMP '2025-07-02 01:00:00', NULL)`);
    expect(await migrate(db, allMigrations)).toEqual(['jobs/001_jobs', 'tags/006_refresh_jobs_to_jobs']);
    const jobs = await readJobs(db, { limit: 10 });
    expect(jobs.map((j) => [j.id, j.kind, j.status, j.params, j.result, j.startedBy])).toEqual([
      ['job_old2', 'profile_refresh', 'interrupted', { incremental: false }, null, 'usr_b'],
      ['job_old1', 'profile_refresh', 'succeeded', { incremental: true }, { asOf: '2025-06-30', mode: 'incremental' }, 'usr_a'],
    ]);
    expect(jobs[0]?.finishedAt).not.toBeNull();
    expect(jobs[1]?.finishedAt).toBe('2025-07-01T01:02:00.000Z');
    const left = await db.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'tag_refresh_jobs'");
    expect(left?.n).toBe(0);
  });
});
