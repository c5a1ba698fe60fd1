import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { addDays } from '../../core';
import { generatePortfolio } from '../../data';
import type { Database } from '../../db';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';
import { customersWithTravel, dailyTravelMax, onDemandTravelMax } from '../../test-support/on-demand-tags';
import { withStoreFile } from '../test-fixture';

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

// Custom tags from the command line on a portfolio of their own: `tags preview` and `tags add` read a
// definition file, then a refresh computes the saved tag into the profile. Expected figures come from SQL
// over the raw transactions, with the Shanghai day taken as `ts + 8 h` and the 30/90-day windows written
// out as day ranges, not from the engine.
describe('cardwise tags add, preview and the refresh progress', () => {
  let storePath: string;
  let storeDir: string;
  let removeStore: () => Promise<void>;
  let asOf: string;

  // Dining purchases (refunds excluded) in the 30 days to the as-of date, in bands <1, 1–3, 3–5, ≥5.
  const diningCount = {
    code: 'txn_count_dining_30d',
    name_zh: '餐饮笔数（近30天）',
    name_en: 'Dining purchases, 30d',
    dimension: 'behaviour',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: "category = 'dining' and not is_refund", window: '30d' },
    buckets: { edges: [1, 3, 5] },
    description: 'Dining purchases (refunds excluded) in the 30 days to the as-of date.',
  };
  // Overseas purchases in 90 days, for the preview (never saved).
  const overseasCount = {
    code: 'txn_count_overseas_90d',
    name_zh: '境外消费笔数（近90天）',
    name_en: 'Overseas purchases, 90d',
    dimension: 'behaviour',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: 'is_overseas and not is_refund', window: '90d' },
    buckets: { edges: [1, 2, 5] },
    description: 'Overseas purchases (refunds excluded) in the 90 days to the as-of date.',
  };

  /** Per customer (every one, 0 without rows): the purchases matching `where` in the `days` days to the as-of. */
  const countsSql = (where: string, days: number) =>
    `SELECT c.customer_id, count(t.customer_id)::INTEGER AS n FROM customers c
     LEFT JOIN transactions t ON t.customer_id = c.customer_id AND t.amount >= 0 AND ${where}
       AND ${shanghaiDay} BETWEEN DATE '${addDays(asOf, -(days - 1))}' AND DATE '${asOf}'
     GROUP BY 1`;

  const withDb = <T>(work: (db: Database) => Promise<T>): Promise<T> => withStoreFile(storePath, work);

  /** `cardwise tags add` from a file holding the definition. */
  const addTag = (tag: { code: string }) => {
    const file = join(storeDir, `${tag.code}.json`);
    writeFileSync(file, JSON.stringify(tag));
    return cardwise('tags', 'add', '--db', storePath, '--file', file);
  };

  beforeAll(async () => {
    const store = await tempStore();
    ({ path: storePath, dir: storeDir, cleanup: removeStore } = store);
    await generatePortfolio(store.db, { customers: 300, seed: 31, months: 6 });
    // The as-of a refresh picks: the Shanghai day of the latest transaction.
    asOf = (await store.db.one<{ d: string }>(`SELECT max(${shanghaiDay}) AS d FROM transactions`))?.d ?? '';
    writeFileSync(join(storeDir, 'dining.json'), JSON.stringify(diningCount));
    writeFileSync(join(storeDir, 'overseas.json'), JSON.stringify(overseasCount));
    await store.db.close();
  }, 120_000);
  afterAll(() => removeStore());

  it('previews a definition: its band counts equal SQL over the transactions, and nothing is saved', async () => {
    const run = await cardwise('tags', 'preview', '--db', storePath, '--file', join(storeDir, 'overseas.json'));
    expect([run.code, run.stderr]).toEqual([0, '']);
    const preview = JSON.parse(run.stdout) as {
      tag: string;
      asOf: string;
      customers: number;
      coverage: number;
      distribution: { kind: string; items: Array<{ label: string; count: number }> };
      sample: Array<{ customer_id: string; value: number }>;
    };
    expect([preview.tag, preview.asOf, preview.customers]).toEqual(['txn_count_overseas_90d', asOf, 300]);
    const truth = await withDb((db) => db.all<{ customer_id: string; n: number }>(countsSql('t.is_overseas', 90)));
    const band = (n: number) => (n < 1 ? 0 : n < 2 ? 1 : n < 5 ? 2 : 3);
    const expected = [0, 1, 2, 3].map((b) => truth.filter((r) => band(r.n) === b).length);
    expect(preview.distribution.kind).toBe('bands');
    expect(preview.distribution.items.map((i) => i.count)).toEqual(expected);
    // Not a vacuous check: some customers did buy abroad in the 90 days.
    expect(expected[0]).toBeLessThan(300);
    const byCustomer = new Map(truth.map((r) => [r.customer_id, r.n]));
    expect(preview.sample.length).toBeGreaterThan(0);
    for (const s of preview.sample) expect(s.value, s.customer_id).toBe(byCustomer.get(s.customer_id));
    const saved = await withDb((db) => db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM tag_definitions'));
    expect(saved?.n).toBe(0);
  }, 60_000);

  it('adds a custom tag from a file, refuses it a second time, and a later refresh computes it into the profile', async () => {
    const add = await cardwise('tags', 'add', '--db', storePath, '--file', join(storeDir, 'dining.json'));
    expect([add.code, add.stderr]).toEqual([0, '']);
    expect(add.stdout).toBe('saved txn_count_dining_30d version 1; run `cardwise tags refresh` to compute it\n');
    const stored = await withDb((db) =>
      db.all<{ code: string; version: number; definition: string }>('SELECT code, version, definition FROM tag_definitions'),
    );
    expect(stored.map((r) => [r.code, r.version])).toEqual([['txn_count_dining_30d', 1]]);
    expect(JSON.parse(stored[0]?.definition ?? '{}')).toMatchObject({ ...diningCount, version: 1 });

    const again = await cardwise('tags', 'add', '--db', storePath, '--file', join(storeDir, 'dining.json'));
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('tag txn_count_dining_30d already exists');

    const refresh = await cardwise('tags', 'refresh', '--db', storePath, '--no-snapshot');
    expect(refresh.code).toBe(0);
    expect(refresh.stdout).toMatch(new RegExp(`^full refresh as of ${asOf}: 300 customers`, 'm'));
    const check = await withDb((db) =>
      db.one<{ wrong: number; counted: number; customers: number }>(
        `WITH truth AS (${countsSql("t.category = 'dining'", 30)})
         SELECT count(*) FILTER (WHERE p.txn_count_dining_30d IS DISTINCT FROM t.n)::INTEGER AS wrong,
                sum(t.n)::INTEGER AS counted, count(*)::INTEGER AS customers
         FROM profile p FULL JOIN truth t USING (customer_id)`,
      ),
    );
    expect(check).toMatchObject({ wrong: 0, customers: 300 });
    expect(check?.counted).toBeGreaterThan(0);
  }, 120_000);

  it('shows the refresh progress on stderr: each pass by name, the profile, then 100 % and the snapshot', async () => {
    const run = await cardwise('tags', 'refresh', '--db', storePath);
    expect(run.code).toBe(0);
    // Not a terminal: one line per phase at each 10 % step (progress-bar.ts). The refresh phase counts the
    // dynamic passes, then the profile SELECT and the swap: total = passes + 2.
    const passes = [...run.stdout.matchAll(/^ {2}pass (\S+)\s+(\d+) tags\s+(\d+) aggregates/gm)].map((m) => ({
      id: m[1] as string,
      tags: Number(m[2]),
      states: Number(m[3]),
    }));
    expect(passes.length).toBeGreaterThan(1);
    const tags = Number(/× (\d+) tags/.exec(run.stdout)?.[1]);
    const snapshot = /^ {2}snapshot (\S+)$/m.exec(run.stdout)?.[1];
    const total = passes.length + 2;
    const step = (done: number) => Math.floor((done / total) * 10) * 10;
    // The steps in order, each with where it starts (`done`); within a step the bar also moves by DuckDB's
    // estimate of the running statement, so a long step may print more lines of its own.
    const steps = [
      ...passes.map((p, i) => ({ done: i, detail: `pass ${p.id}: ${p.tags} tags, ${p.states} aggregates` })),
      { done: total - 2, detail: `profile: ${tags} tags` },
      { done: total, detail: '300 customers' },
    ];
    const lines = run.stderr.split('\n');
    const printed = lines
      .filter((l) => l.startsWith('  refresh: '))
      .map((l) => {
        const [, percent, detail] = /^ {2}refresh: (\d+)% \((.*)\)$/.exec(l) ?? [];
        return { percent: Number(percent), at: steps.findIndex((s) => s.detail === detail) };
      });
    expect(printed[0]).toEqual({ percent: 0, at: 0 });
    expect(printed.at(-1)).toEqual({ percent: 100, at: steps.length - 1 });
    printed.forEach(({ percent, at }, i) => {
      expect(at).toBeGreaterThanOrEqual(0);
      // Steps in order, the bar never going back, each line within its own step's share.
      if (i > 0) expect([at >= (printed[i - 1]?.at ?? 0), percent > (printed[i - 1]?.percent ?? 0)]).toEqual([true, true]);
      const [from, until] = [steps[at]?.done ?? 0, steps[at + 1]?.done ?? total];
      expect(percent).toBeGreaterThanOrEqual(step(from));
      expect(percent).toBeLessThanOrEqual(step(until));
    });
    // A step whose start moves the bar to a new 10 % is printed at that start.
    for (const [k, s] of steps.entries()) {
      const before = printed.filter((p) => p.at < k).at(-1)?.percent ?? -1;
      if (step(s.done) > before) expect(printed).toContainEqual({ percent: step(s.done), at: k });
    }
    expect(lines.filter((l) => l.startsWith('  snapshot: '))).toEqual([
      `  snapshot: 0% (${snapshot})`,
      '  snapshot: 50% (retention)',
      `  snapshot: 100% (${snapshot})`,
    ]);
  }, 120_000);

  it('computes an on-demand tag when asked: the as-of and the customers SQL finds with a value, audited', async () => {
    const add = await addTag(onDemandTravelMax);
    // A refresh does not compute it: the command says which one does.
    expect([add.code, add.stdout]).toEqual([0, `saved ${onDemandTravelMax.code} version 1; run \`cardwise tags compute ${onDemandTravelMax.code}\` to compute it\n`]);
    const run = await cardwise('tags', 'compute', onDemandTravelMax.code, '--db', storePath);
    expect(run.code, run.stderr).toBe(0);
    const { withTravel, customers } = await withDb((db) => customersWithTravel(db, asOf));
    expect(run.stdout).toMatch(
      new RegExp(`^computed ${onDemandTravelMax.code} \\(version 1\\) as of ${asOf}: ${withTravel} customers with a value in [\\d.]+ s\n$`),
    );
    // Not vacuous: some customers have a value and some have none.
    expect([withTravel > 0, withTravel < customers]).toEqual([true, true]);
    // The catalogue marks it, and no daily tag.
    const list = await cardwise('tags', 'list', '--db', storePath);
    expect(list.stdout.split('\n').filter((l) => l.includes('[on demand / 按需]')).map((l) => l.split(' ')[0])).toEqual([onDemandTravelMax.code]);
    const audited = await withDb((db) =>
      db.all<{ actor: string; details: string }>("SELECT actor, details FROM audit_log WHERE action = 'tag.compute' AND target = $1", [onDemandTravelMax.code]),
    );
    expect(audited.map((a) => [a.actor.startsWith('cli:'), JSON.parse(a.details)])).toEqual([[true, { asOf, customers: withTravel }]]);
  }, 120_000);

  it('refuses to compute a daily tag, saying every refresh computes it', async () => {
    const add = await addTag(dailyTravelMax);
    expect(add.code, add.stderr).toBe(0);
    const run = await cardwise('tags', 'compute', dailyTravelMax.code, '--db', storePath);
    expect([run.code, run.stdout, run.stderr]).toEqual([
      1,
      '',
      // Exactly the error: a progress bar that drew nothing adds no blank line before it.
      `cardwise: tag ${dailyTravelMax.code} is computed by every refresh; only on-demand tags are computed on their own\n`,
    ]);
  }, 60_000);
});
