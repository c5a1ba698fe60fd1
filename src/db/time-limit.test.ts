import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardwiseError } from '../core';
import { Database } from './database';
import { parseQueryTimeLimit, queryTimedOut } from './time-limit';

// The interactive time limit on a real DuckDB: a cross join of 10^10 generated pairs (minutes on one thread)
// stopped at 50 ms by DuckDB's interrupt, and the pool, here one connection, answering afterwards.

const heavy =
  'SELECT count(*) AS n FROM range(100000) a, range(100000) b WHERE (a.range * 7 + b.range) % 1013 = 1';

async function failure(work: Promise<unknown>): Promise<CardwiseError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof CardwiseError) return error;
  throw new Error(`expected a CardwiseError, got ${String(error)}`);
}

describe('interactive time limit', () => {
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(':memory:', { connections: 1, threads: 1 });
    db.queryTimeLimitMs = 50;
  });
  afterAll(() => db.close());

  it('interrupts a query past the limit with a clear error, and the pool answers afterwards', async () => {
    const error = await failure(db.withTimeLimit((s) => s.one(heavy)));
    expect(error.code).toBe('query_timeout');
    expect(error.status).toBe(422);
    expect(error.details).toEqual({ limitMs: 50 });
    expect(error.messages['en-US']).toMatch(/time limit of 0\.05 s .* narrow the rule/);
    expect(error.messages['zh-CN']).toContain('0.05 秒');
    expect(String((error.cause as Error).message)).toMatch(/Interrupted/);
    // One connection in the pool: this is the one the interrupted query gave back.
    expect(await db.one('SELECT 42 AS x')).toEqual({ x: 42 });
    expect(await db.withTimeLimit((s) => s.one('SELECT 43 AS x'))).toEqual({ x: 43 });
  });

  it('runs work under the limit as usual', async () => {
    const rows = await db.withTimeLimit((s) => s.all<{ n: number }>('SELECT count(*) AS n FROM range(1000)'));
    expect(rows).toEqual([{ n: 1000 }]);
  });

  it('hands back a fresh connection: what the interrupted work left on it is gone', async () => {
    const error = await failure(
      db.withTimeLimit(async (s) => {
        await s.run('CREATE TEMP TABLE preview_scratch AS SELECT 1 AS x');
        await s.run('BEGIN TRANSACTION');
        return s.one(heavy);
      }),
    );
    expect(error.code).toBe('query_timeout');
    // No aborted transaction ("please ROLLBACK") and no temp table reach the next caller.
    expect(
      await db.one("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'preview_scratch'"),
    ).toEqual({
      n: 0,
    });
  });

  it('refuses a statement started after the limit passed (an interrupt between statements is not kept)', async () => {
    const error = await failure(
      db.withTimeLimit(async (s) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return s.one('SELECT 1 AS x');
      }),
    );
    expect(error.code).toBe('query_timeout');
    expect(error.cause).toBeUndefined();
  });

  it('takes no limit when set to 0, and reads the setting strictly', async () => {
    expect(await db.withTimeLimit((s) => s.one('SELECT 1 AS x'), 0)).toEqual({ x: 1 });
    expect(parseQueryTimeLimit(undefined)).toBe(10_000);
    expect(parseQueryTimeLimit('2500')).toBe(2500);
    expect(parseQueryTimeLimit('0')).toBe(0);
    for (const bad of ['10s', '-1', '1.5', '99999999999'])
      expect(() => parseQueryTimeLimit(bad)).toThrow(/milliseconds/);
    expect(queryTimedOut(10_000).messages['en-US']).toContain('time limit of 10 s');
  });
});
