import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CardwiseError } from '../core';
import type { Queryable } from '../db';
import { replaceTransactionsWithGenerated } from '../test-support/generated-transactions';
import { tempStore } from '../test-support/temp-store';
import type { TagDefinitionInput } from './definition-schema';
import { previewTag } from './preview';

// A preview plans a real pass over the transactions inside a request. Over 10^9 generated ones (over a
// minute of work on one thread) and a 50 ms limit it is stopped with the clear error; it sends DuckDB only
// reads (no work or temp table to leave behind), and the pool previews a light definition afterwards.

type Store = Awaited<ReturnType<typeof tempStore>>;

const base = { dimension: 'behaviour', description: 'A preview under the time limit.' } as const;
const travelTrips: TagDefinitionInput = {
  ...base,
  code: 'travel_trips_90d',
  name_zh: '旅行消费笔数（近90天）',
  name_en: 'Travel purchases, 90d',
  type: 'number',
  spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: "category = 'travel'", window: '90d' },
};
const cityTier: TagDefinitionInput = {
  ...base,
  code: 'home_city_tier',
  name_zh: '居住城市等级',
  name_en: 'Home city tier',
  type: 'number',
  spec: { kind: 'static', source: 'customers', expression: 'city_tier' },
};

/** Records every statement the time-limited work of `store` sends to DuckDB. */
function recordStatements(store: Store): string[] {
  const statements: string[] = [];
  const limited = store.db.withTimeLimit.bind(store.db);
  const recording = (s: Queryable): Queryable => ({
    engine: s.engine,
    connection: s.connection,
    all: (sql, params) => (statements.push(sql), s.all(sql, params)),
    one: (sql, params) => (statements.push(sql), s.one(sql, params)),
    run: (sql, params) => (statements.push(sql), s.run(sql, params)),
  });
  vi.spyOn(store.db, 'withTimeLimit').mockImplementation((work, limitMs) =>
    limited((s) => work(recording(s)), limitMs),
  );
  return statements;
}

describe('tag preview under the interactive time limit', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
    for (const [id, tier] of [
      ['C1', 1],
      ['C2', 3],
    ] as const) {
      await store.db.run('INSERT INTO customers (customer_id, city_tier) VALUES ($1, $2)', [id, tier]);
    }
    await store.db.run(
      "INSERT INTO tag_profile_state VALUES ('profile', DATE '2026-10-31', 'full', TIMESTAMP '2026-11-01 01:00:00', 0, 2, '[]')",
    );
    await replaceTransactionsWithGenerated(store.db, { rows: 1e9, customers: 2, asOf: '2026-10-31' });
    store.db.queryTimeLimitMs = 50;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await store.cleanup();
  });

  it('stops a pass over the transactions at the limit, having sent only reads', async () => {
    const statements = recordStatements(store);
    const error = await previewTag(store.db, travelTrips).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CardwiseError);
    expect(error).toMatchObject({ code: 'query_timeout', status: 422, details: { limitMs: 50 } });
    expect((error as CardwiseError).messages['en-US']).toMatch(/narrow the rule or tag definition/);
    expect(statements.some((sql) => sql.includes('FROM transactions'))).toBe(true);
    for (const sql of statements) expect(sql).toMatch(/^\s*(SELECT|WITH)\b/);
  });

  it('previews a definition that fits in the limit on the same pool afterwards', async () => {
    const preview = await previewTag(store.db, cityTier);
    expect(preview).toMatchObject({
      tag: 'home_city_tier',
      asOf: '2026-10-31',
      customers: 2,
      coverage: 1,
      mean: 2,
    });
    expect(preview.sample).toEqual([
      { customer_id: 'C1', value: 1 },
      { customer_id: 'C2', value: 3 },
    ]);
  });
});
