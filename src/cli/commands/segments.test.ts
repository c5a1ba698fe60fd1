import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../app';
import { generatePortfolio } from '../../data';
import { cardwise } from '../../test-support/cli';
import { tempStore } from '../../test-support/temp-store';

// `cardwise segments count` and the refusals of bad input, through the real entry on a generated portfolio
// whose tags were refreshed by `cardwise tags refresh`: the count is checked against the profile in SQL, and
// a rule or tag definition that does not parse or type-check is refused with where and why, saving nothing.

let path: string;
let dir: string;
let cleanup: () => Promise<void>;

async function query<T>(sql: string): Promise<T | undefined> {
  const db = await openStore(path, { connections: 1 });
  try {
    return await db.one<T>(sql);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const store = await tempStore();
  ({ path, dir, cleanup } = store);
  await generatePortfolio(store.db, { customers: 300, seed: 41, months: 14 });
  await store.db.close();
  const refresh = await cardwise('tags', 'refresh', '--db', path, '--no-snapshot');
  expect(refresh.code).toBe(0);
}, 180_000);
afterAll(() => cleanup());

describe('cardwise segments count', () => {
  it('prints the count of a rule over the refreshed profile, as SQL over the profile counts it', async () => {
    const rule = "spend_90d >= 1000 and card_tier in ('gold', 'platinum') or days_since_last_txn > 60";
    const expected = await query<{ n: number; total: number }>(
      `SELECT count(*) FILTER (WHERE (spend_90d >= 1000 AND card_tier IN ('gold', 'platinum')) OR days_since_last_txn > 60)::INT AS n,
              count(*)::INT AS total FROM profile`,
    );
    expect(expected?.n).toBeGreaterThan(0);
    const run = await cardwise('segments', 'count', '--db', path, '--rule', rule);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(
      new RegExp(
        `^${expected?.n}\\t\\([\\d.]+% of ${expected?.total}, as of \\d{4}-\\d\\d-\\d\\d, [\\d.]+ ms\\)\\n$`,
      ),
    );
    const json = await cardwise('segments', 'count', '--db', path, '--rule', rule, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ count: expected?.n, total: expected?.total });
  });

  it('refuses a rule that does not parse, pointing at the place under the rule', async () => {
    const run = await cardwise('segments', 'count', '--db', path, '--rule', 'spend_90d >= and age > 30');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('  spend_90d >= and age > 30');
    // The caret stands under "and", where a value was expected.
    expect(lines[1]?.indexOf('^')).toBe(lines[0]?.indexOf('and'));
    expect(run.stderr).toMatch(/col 14/);
  });

  it('refuses an unknown tag with the name it probably meant', async () => {
    const run = await cardwise('segments', 'count', '--db', path, '--rule', 'spend_90 > 100');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/spend_90/);
    expect(run.stderr).toMatch(/spend_90d/);
  });
});

describe('bad definitions from the command line', () => {
  it('refuses a segment whose rule does not type-check, and creates nothing', async () => {
    const before = await query<{ n: number }>('SELECT count(*)::INT AS n FROM segments');
    const file = join(dir, 'bad-segment.json');
    writeFileSync(
      file,
      JSON.stringify({
        nameZh: '错误规则',
        nameEn: 'Bad rule',
        description: 'A number compared with text.',
        rule: "spend_90d > 'high'",
      }),
    );
    const run = await cardwise('segments', 'create', '--db', path, '--file', file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("  spend_90d > 'high'\n");
    expect(run.stderr).toMatch(/\^/);
    expect(await query<{ n: number }>('SELECT count(*)::INT AS n FROM segments')).toEqual(before);
  });

  it('refuses a custom tag whose expression does not parse, with the field, line and column, and saves nothing', async () => {
    const file = join(dir, 'bad-tag.json');
    writeFileSync(
      file,
      JSON.stringify({
        code: 'big_spender_flag',
        name_zh: '大额消费',
        name_en: 'Big spender',
        dimension: 'value',
        type: 'boolean',
        spec: { kind: 'computed', expression: 'spend_90d >= ' },
        description: 'Spent a lot in 90 days.',
      }),
    );
    const run = await cardwise('tags', 'add', '--db', path, '--file', file);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^ {2}spec\.expression \(line 1, col \d+\): /m);
    expect(
      await query<{ n: number }>(
        "SELECT count(*)::INT AS n FROM tag_definitions WHERE code = 'big_spender_flag'",
      ),
    ).toEqual({ n: 0 });
  });

  it('refuses a database path that does not exist rather than creating an empty one', async () => {
    const missing = join(dir, 'no-such.duckdb');
    const run = await cardwise('segments', 'count', '--db', missing, '--rule', 'age > 30');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`no database file at ${missing}`);
  });
});
