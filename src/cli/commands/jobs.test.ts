import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { formatShanghai, type AuditWriter } from '../../core';
import type { Database } from '../../db';
import { getJob, jobSchema, startJob, waitForJob, type Job } from '../../jobs';
import { appendAudit, listAudit } from '../../security';
import { tempStore } from '../../test-support/temp-store';
import { cardwise } from '../../test-support/cli';

// `cardwise jobs` through the real entry (bin/cardwise.js, as a person runs it) over a real DuckDB file whose
// jobs were made by the jobs capability itself: one succeeded, one failed in its second phase, and one left
// running when its process closed the file, which the command line must show as interrupted.

function auditAs(db: Database, actor: string): AuditWriter {
  return async (action, target, details) => {
    await appendAudit(db, { actor, action, target: target ?? null, details: details ?? {} });
  };
}

/** A profile-refresh-shaped job whose tags phase reports progress, then waits for `release`. */
function twoPhaseJob(db: Database, startedBy: string, release: Promise<void>, segmentsError?: string) {
  return startJob(db, {
    kind: 'profile_refresh',
    params: { incremental: false },
    phases: ['tags', 'segments'],
    startedBy,
    audit: auditAs(db, startedBy),
    async run(ctx) {
      await ctx.phase('tags', async (onProgress) => {
        onProgress({ phase: 'refresh', done: 1, total: 4, detail: 'pass txn' });
        await release;
        onProgress({ phase: 'snapshot', done: 4, total: 4 });
      });
      await ctx.phase('segments', async () => {
        if (segmentsError) throw new Error(segmentsError);
      });
      return { asOf: '2025-06-30', customers: 300 };
    },
  });
}

async function storedStep(db: Database, jobId: string): Promise<string | null | undefined> {
  return (await getJob(db, jobId)).phases[0]?.step;
}

let path: string;
let cleanup: () => Promise<void>;
let succeeded: Job;
let failed: Job;
let cutOff: Job;

beforeAll(async () => {
  const store = await tempStore();
  path = store.path;
  cleanup = store.cleanup;
  succeeded = await waitForJob(store.db, (await twoPhaseJob(store.db, 'op1', Promise.resolve())).id, 10);
  failed = await waitForJob(store.db, (await twoPhaseJob(store.db, 'op2', Promise.resolve(), 'segments exploded\n  at refreshSegments')).id, 10);
  // Left mid-phase: once its step is written through, the process "dies" by closing the file under it.
  cutOff = await twoPhaseJob(store.db, 'op3', new Promise<void>(() => undefined));
  for (let i = 0; i < 200 && (await storedStep(store.db, cutOff.id)) !== 'refresh'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await store.db.close();
}, 60_000);
afterAll(() => cleanup());

describe('cardwise jobs list', () => {
  it('prints a table newest first, marking the job cut off as interrupted and auditing that as system', async () => {
    const run = await cardwise('jobs', 'list', '--db', path);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header?.split(/\s{2,}/)).toEqual(['ID', 'KIND', 'STATUS', 'STARTED', 'FINISHED', 'DURATION', 'PROGRESS', 'BY', 'ERROR']);
    expect(rows.map((r) => r.split(' ')[0])).toEqual([cutOff.id, failed.id, succeeded.id]);
    // Columns line up under their headings.
    for (const heading of ['STATUS', 'STARTED', 'PROGRESS', 'BY']) {
      const column = header?.indexOf(heading) ?? -1;
      for (const row of rows) expect(row.charAt(column - 1), `${heading} in ${row}`).toBe(' ');
      for (const row of rows) expect(row.charAt(column), `${heading} in ${row}`).not.toBe(' ');
    }
    const [interruptedRow, failedRow, succeededRow] = rows;
    expect(interruptedRow).toContain('interrupted');
    expect(interruptedRow).toContain('0/2 phases; tags interrupted: refresh 1/4 · pass txn');
    expect(interruptedRow).toMatch(/op3\s+the server stopped while the job ran$/);
    expect(failedRow).toContain('1/2 phases; segments failed');
    // A multi-line error stays on its row.
    expect(failedRow).toMatch(/op2\s+segments exploded at refreshSegments$/);
    expect(succeededRow).toMatch(new RegExp(`profile_refresh\\s+succeeded\\s+${formatShanghai(new Date(succeeded.startedAt ?? ''))}`));
    expect(succeededRow).toMatch(/\d+\.\d s\s+2\/2 phases\s+op1$/);

    const db = await openStore(path, { connections: 1 });
    try {
      const audit = await listAudit(db, { action: 'job.interrupted', page: 1, pageSize: 10 });
      expect(audit.items.map((e) => [e.actor, e.target])).toEqual([['system', cutOff.id]]);
    } finally {
      await db.close();
    }
  });

  it('filters by status and kind, limits, and prints the API response with --json', async () => {
    const onlyFailed = await cardwise('jobs', 'list', '--db', path, '--status', 'failed', '--json');
    expect(onlyFailed.code).toBe(0);
    const items = (JSON.parse(onlyFailed.stdout) as { items: unknown[] }).items.map((item) => jobSchema.parse(item));
    expect(items).toEqual([failed]);

    const newestTwo = await cardwise('jobs', 'list', '--db', path, '--kind', 'profile_refresh', '--limit', '2');
    expect(newestTwo.stdout.trimEnd().split('\n').slice(1).map((r) => r.split(' ')[0])).toEqual([cutOff.id, failed.id]);
  });

  it('refuses an unknown status, a bad limit and a database file that does not exist, creating nothing', async () => {
    const badStatus = await cardwise('jobs', 'list', '--db', path, '--status', 'done');
    expect(badStatus.code).not.toBe(0);
    expect(badStatus.stderr).toContain("argument 'done' is invalid. Allowed choices are queued, running, succeeded, failed, interrupted");
    const badLimit = await cardwise('jobs', 'list', '--db', path, '--limit', '0');
    expect(badLimit.code).not.toBe(0);
    expect(badLimit.stderr).toContain('a whole number of at least 1');

    const missing = join(path, '..', 'typo.duckdb');
    const run = await cardwise('jobs', 'list', '--db', missing);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', `cardwise: no database file at ${missing}\n`]);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('cardwise jobs show', () => {
  it('prints a job with each phase, its times and its progress', async () => {
    const run = await cardwise('jobs', 'show', failed.id, '--db', path);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(failed.id);
    expect(lines).toContain('  status      failed');
    expect(lines).toContain('  started by  op2');
    expect(lines).toContain('  progress    1/2 phases; segments failed');
    expect(lines).toContain('  params      {"incremental":false}');
    expect(lines).toContain('  error       segments exploded at refreshSegments');
    const phaseHeader = lines.findIndex((l) => l.startsWith('PHASE'));
    expect(lines[phaseHeader]?.split(/\s{2,}/)).toEqual(['PHASE', 'STATUS', 'STARTED', 'FINISHED', 'DURATION', 'PROGRESS']);
    expect(lines[phaseHeader + 1]).toMatch(/^tags\s+succeeded\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d+\.\d s\s+snapshot 4\/4$/);
    expect(lines[phaseHeader + 2]).toMatch(/^segments\s+failed\s+.+\s+-$/);
  });

  it('prints the stored job, phases included, with --json', async () => {
    const run = await cardwise('jobs', 'show', succeeded.id, '--db', path, '--json');
    expect(run.code).toBe(0);
    const shown = jobSchema.parse(JSON.parse(run.stdout));
    expect(shown).toEqual(succeeded);
    expect(shown.phases.map((p) => [p.name, p.status, p.step, p.done, p.total])).toEqual([
      ['tags', 'succeeded', 'snapshot', 4, 4],
      ['segments', 'succeeded', null, null, null],
    ]);
  });

  it('names an unknown job id in its error and exits non-zero', async () => {
    const run = await cardwise('jobs', 'show', 'job_nope', '--db', path);
    expect([run.code, run.stdout, run.stderr]).toEqual([1, '', 'cardwise: job job_nope not found\n']);
  });
});
