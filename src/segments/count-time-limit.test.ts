import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CardwiseError } from '../core';
import { replaceTransactionsWithGenerated } from '../test-support/generated-transactions';
import { countRule } from './count';
import { createSegment } from './definition-store';
import { overlapSegments } from './overlap';
import { segmentSizes } from './sizes';
import { startServer, writeProfile, type TestServer } from './test-fixture';
import { tempStore } from '../test-support/temp-store';

// A live count with a behaviour window over 10^9 generated transactions (minutes of work) against a 50 ms
// limit: stopped by DuckDB's interrupt with the clear error, in the function and through a real server,
// while rules that read only the profile still answer on the same pool.

const heavyRule = "count(txn where category = 'travel', 90d) >= 3";
const asOf = '2026-10-31';

describe('live count under the interactive time limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    const store = await tempStore();
    await writeProfile(store.db, { customer_id: 'VARCHAR', spend_90d: 'DOUBLE' }, [
      { customer_id: 'C1', spend_90d: 6000 },
      { customer_id: 'C2', spend_90d: 500 },
      { customer_id: 'C3', spend_90d: 9000 },
    ]);
    // A refresh stamp, so that the count goes through the kept context as in production.
    await store.db.run(
      `INSERT INTO tag_profile_state VALUES ('profile', DATE '${asOf}', 'full', TIMESTAMP '2026-11-01 01:00:00', 0, 3, '[]')`,
    );
    await replaceTransactionsWithGenerated(store.db, { rows: 1e9, customers: 3, asOf });
    store.db.queryTimeLimitMs = 50;
    server = await startServer(store);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await server.store.cleanup();
  });

  it('stops a window rule at the limit once, without redoing it, and still counts a light rule', async () => {
    const { db } = server.store;
    expect(await countRule(db, 'spend_90d >= 5000')).toMatchObject({ count: 2, total: 3, asOf });
    const limited = vi.spyOn(db, 'withTimeLimit');
    const error = await countRule(db, heavyRule).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CardwiseError);
    expect(error).toMatchObject({ code: 'query_timeout', status: 422, details: { limitMs: 50 } });
    // Counted against the kept context and stopped: not counted a second time with a fresh one.
    expect(limited).toHaveBeenCalledTimes(1);
    limited.mockRestore();
    expect(await countRule(db, 'spend_90d < 1000')).toMatchObject({ count: 1, total: 3 });
  });

  it('lists sizes under one shared limit: a slow rule and any after it show no size, the others theirs', async () => {
    const { db } = server.store;
    const save = (nameEn: string, rule: string) =>
      createSegment(db, { nameZh: nameEn, nameEn, description: 'x', rule }, 'test');
    const [light, heavy, late] = [
      await save('Big spenders', 'spend_90d >= 5000'),
      await save('Travellers', heavyRule),
      await save('Small spenders', 'spend_90d < 1000'),
    ];
    const sizes = await segmentSizes(db, [light, heavy, late]);
    expect([sizes.get(light.id)?.count, sizes.get(heavy.id), sizes.get(late.id)]).toEqual([2, null, null]);
    // Without the slow rule ahead of it, the same segment is counted.
    expect((await segmentSizes(db, [late])).get(late.id)?.count).toBe(1);
    // The overlap evaluates every rule in one scan: the slow one stops it as a whole.
    await expect(overlapSegments(db, [light.id, heavy.id])).rejects.toMatchObject({ code: 'query_timeout' });
    expect((await overlapSegments(db, [light.id, late.id])).pairs).toEqual([
      expect.objectContaining({ intersection: 0, union: 3 }),
    ]);
  });

  it('answers the route with 422 query_timeout and a message that names the limit, in both languages', async () => {
    const call = (rule: string, language: string) =>
      fetch(`${server.base}/api/segments/count`, {
        method: 'POST',
        headers: {
          cookie: server.cookies.operator,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify({ rule }),
      });
    const zh = await call(heavyRule, 'zh-CN');
    expect(zh.status).toBe(422);
    const body = (await zh.json()) as {
      error: { code: string; message: string; messages: Record<string, string> };
    };
    expect(body.error.code).toBe('query_timeout');
    expect(body.error.message).toBe(body.error.messages['zh-CN']);
    expect(body.error.message).toMatch(/0\.05 秒的时间限制.*请缩小规则/);
    expect(body.error.messages['en-US']).toMatch(/time limit of 0\.05 s and was stopped: narrow the rule/);
    const en = await call(heavyRule, 'en-US');
    expect([en.status, ((await en.json()) as typeof body).error.message]).toEqual([
      422,
      body.error.messages['en-US'],
    ]);
    // The server's pool answers the next count.
    const light = await call('spend_90d >= 5000', 'en-US');
    expect([light.status, await light.json()]).toEqual([
      200,
      expect.objectContaining({ count: 2, total: 3 }),
    ]);
  });
});
