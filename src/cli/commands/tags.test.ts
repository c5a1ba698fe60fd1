import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { addDays } from '../../core';
import { generatePortfolio } from '../../data';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';

// `cardwise tags refresh` through the real entry on a generated portfolio: a full refresh, then the last day
// of transactions arrives and `--incremental` moves the kept states forward, building the day-ordered copy
// the first time and appending to it the next. The profile it leaves is checked against the data.

const shanghaiDay = 'CAST(ts + INTERVAL 8 HOUR AS DATE)';
let path: string;
let cleanup: () => Promise<void>;
let lastDay: string;

beforeAll(async () => {
  const store = await tempStore();
  ({ path, cleanup } = store);
  await generatePortfolio(store.db, { customers: 600, seed: 23, months: 14 });
  lastDay = (await store.db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
  // The last two days arrive later, one at a time.
  await store.db.run(
    `CREATE TABLE held_transactions AS SELECT * FROM transactions WHERE ${shanghaiDay} >= $1::DATE`,
    [addDays(lastDay, -1)],
  );
  await store.db.run(`DELETE FROM transactions WHERE ${shanghaiDay} >= $1::DATE`, [addDays(lastDay, -1)]);
  await store.db.close();
}, 120_000);
afterAll(() => cleanup());

async function arrive(day: string): Promise<void> {
  const db = await openStore(path, { connections: 1 });
  try {
    await db.run(`INSERT INTO transactions SELECT * FROM held_transactions WHERE ${shanghaiDay} = $1::DATE`, [
      day,
    ]);
  } finally {
    await db.close();
  }
}

describe('cardwise tags refresh', () => {
  it('refreshes in full, then incrementally as days arrive, saying where each pass found its rows', async () => {
    const full = await cardwise('tags', 'refresh', '--db', path, '--no-snapshot');
    expect([full.code, full.stderr.includes('Error')]).toEqual([0, false]);
    // Segments are a step of their own: the command says so, and how to run both as one job.
    expect(full.stderr).toContain('segments not refreshed: run `cardwise segments refresh`');
    expect(full.stdout).toMatch(
      new RegExp(`^full refresh as of ${addDays(lastDay, -2)}: 600 customers × \\d+ tags in [\\d.]+ s$`, 'm'),
    );
    expect(full.stdout).toMatch(
      /^ {2}pass txn\s+\d+ tags\s+\d+ aggregates [\d.]+ s {2}full \(full refresh\)$/m,
    );
    expect(full.stdout).not.toContain('day index');

    await arrive(addDays(lastDay, -1));
    const first = await cardwise('tags', 'refresh', '--db', path, '--incremental', '--no-snapshot');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^incremental refresh as of ${addDays(lastDay, -1)}: 600 customers`, 'm'),
    );
    expect(first.stdout).toMatch(/^ {2}day index txn\s+[\d.]+ s {2}built \(no copy yet\), [\d,]+ rows$/m);
    expect(first.stdout).toMatch(/^ {2}pass txn\s+.* delta, moved rows from the table$/m);

    await arrive(lastDay);
    const next = await cardwise('tags', 'refresh', '--db', path, '--incremental', '--no-snapshot');
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^ {2}day index txn\s+[\d.]+ s {2}appended, [\d,]+ rows$/m);
    expect(next.stdout).toMatch(/^ {2}pass txn\s+.* delta, moved rows from the day index$/m);
    expect(next.stdout).toMatch(/^ {2}pass txn_history\s+.* delta, moved rows from the day index$/m);

    // The profile counts every transaction of its 30 days, the last day included.
    const db = await openStore(path, { connections: 1 });
    try {
      const check = await db.one<{ wrong: number; counted: number }>(
        `WITH truth AS (SELECT customer_id, count(*) FILTER (WHERE amount >= 0) AS n FROM transactions
           WHERE ${shanghaiDay} > $1::DATE GROUP BY customer_id)
         SELECT count(*) FILTER (WHERE coalesce(p.txn_count_30d, 0) <> coalesce(t.n, 0)) AS wrong, sum(t.n) AS counted
         FROM profile p LEFT JOIN truth t USING (customer_id)`,
        [addDays(lastDay, -30)],
      );
      expect(check).toMatchObject({ wrong: 0 });
      expect(Number(check?.counted)).toBeGreaterThan(1000);
    } finally {
      await db.close();
    }
  }, 300_000);

  it('keeps a snapshot, reads the profile as of a date from it (audited), and sets the retention', async () => {
    const refresh = await cardwise('tags', 'refresh', '--db', path);
    expect(refresh.code).toBe(0);
    const asOf = await cardwise('tags', 'as-of', '--db', path, '--date', addDays(lastDay, 5), '--customer', 'C00000002', 'C00000001');
    expect([asOf.code, asOf.stderr]).toEqual([0, '']);
    const result = JSON.parse(asOf.stdout) as { snapshot: { snapshotId: string; asOf: string }; rows: Array<Record<string, unknown>> };
    expect(result.snapshot.asOf).toBe(lastDay);
    expect(result.rows.map((r) => r.customer_id)).toEqual(['C00000001', 'C00000002']);
    const before = await cardwise('tags', 'as-of', '--db', path, '--date', addDays(lastDay, -1));
    expect(before.code).not.toBe(0);
    expect(before.stderr).toContain(`no profile snapshot on or before ${addDays(lastDay, -1)}`);

    const retention = await cardwise('tags', 'history', '--db', path, '--keep', '5', '--max-age-days', '90');
    expect(retention.stdout).toMatch(/^retention: keep 5, at most 90 days; dropped 0 snapshot\(s\)$/m);
    // Changing one part keeps the other.
    const keepOnly = await cardwise('tags', 'history', '--db', path, '--keep', '4');
    expect(keepOnly.stdout).toMatch(/^retention: keep 4, at most 90 days; dropped 0 snapshot\(s\)$/m);
    const db = await openStore(path, { connections: 1 });
    try {
      const setting = await db.one<{ value: string }>("SELECT value FROM tag_settings WHERE name = 'snapshot_retention'");
      expect(JSON.parse(setting?.value ?? '{}')).toEqual({ keep: 4, maxAgeDays: 90 });
      const audited = await db.all<{ action: string; target: string | null }>(
        "SELECT action, target FROM audit_log WHERE action IN ('profile.as_of', 'tag.retention') ORDER BY seq",
      );
      expect(audited).toEqual([
        { action: 'profile.as_of', target: result.snapshot.snapshotId },
        { action: 'tag.retention', target: null },
        { action: 'tag.retention', target: null },
      ]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
