import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { enableQueryProgress, pollQueryProgress } from './query-progress';

// A long statement's bar must move: DuckDB's estimate is read while the statement runs. The statement here is
// a GROUP BY over 20M rows, seconds of work on two cores, so the 10 ms poll reads it many times whatever the
// machine's speed; the test asserts what was read, not how long anything took.
describe('polling DuckDB for the progress of the running statement', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  beforeAll(async () => {
    store = await tempStore();
    await store.db.run('CREATE TABLE facts AS SELECT i % 100003 AS k, i AS v FROM range(20000000) t(i)');
  }, 120_000);
  afterAll(async () => store.cleanup());

  it('reports percentages between 0 and 100 while the statement runs, and nothing once stopped', async () => {
    await store.db.withConnection(async (session) => {
      await enableQueryProgress(session.connection);
      const seen: number[] = [];
      const stop = pollQueryProgress(session.connection, (percent) => seen.push(percent), 10);
      await session.run(
        'CREATE TEMP TABLE sums AS SELECT k, sum(v) AS s, count(DISTINCT v % 7919) AS d FROM facts GROUP BY k',
      );
      stop();
      const afterStop = seen.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(seen.length).toBe(afterStop);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((p) => p >= 0 && p <= 100)).toBe(true);
      expect(Math.max(...seen)).toBeGreaterThan(0);
    });
  }, 120_000);
});
