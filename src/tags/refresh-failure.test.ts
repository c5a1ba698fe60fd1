import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import type { Database } from '../db';
import { saveTag } from './definition-store';
import { refreshProfile } from './refresh';
import { insertTxn, loadScenario } from './scenario-fixture';

describe('a refresh that fails part-way', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadScenario(db);
    await refreshProfile(db, { snapshot: false });
  });
  afterAll(async () => store.cleanup());

  it('leaves the previous profile in place and no work tables behind', async () => {
    const before = await db.all('SELECT * FROM profile ORDER BY customer_id');
    await insertTxn(db, ['T9', 'A1', 'C1', '2025-07-02 04:00:00', 999, '5812', 'dining', 'offline', false, 0]);
    await expect(
      refreshProfile(db, {
        snapshot: false,
        beforeSwap: async () => {
          throw new Error('injected failure before the swap');
        },
      }),
    ).rejects.toThrow(/injected failure/);
    expect(await db.all('SELECT * FROM profile ORDER BY customer_id')).toEqual(before);
    const state = await db.one<{ as_of: string }>("SELECT as_of FROM tag_profile_state WHERE name = 'profile'");
    expect(state?.as_of).toBe('2025-06-30');
    const leftovers = await db.all("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'tag_work_%' OR table_name = 'profile_next'");
    expect(leftovers).toEqual([]);
    // The same refresh without the fault moves the profile to the new as-of date.
    const result = await refreshProfile(db, { snapshot: false });
    expect(result.asOf).toBe('2025-07-02');
    const c1 = await db.one<{ spend_30d: number }>("SELECT spend_30d FROM profile WHERE customer_id = 'C1'");
    // T2 (1 June) has left the 30-day window that now starts on 3 June.
    expect(c1?.spend_30d).toBeCloseTo(100 - 50 + 999, 6);
  });

  it('stops on an enum value outside the tag\'s list, naming the tag and the value, and keeps the profile', async () => {
    const before = await db.all('SELECT * FROM profile ORDER BY customer_id');
    // A custom enum tag whose expression can give a value its list does not name.
    await saveTag(db, {
      code: 'spend_level',
      name_zh: '消费档位',
      name_en: 'Spend level',
      dimension: 'value',
      type: 'enum',
      values: ['low', 'high'],
      spec: { kind: 'computed', expression: "if(spend_365d > 1000, 'high', if(spend_365d > 0, 'low', 'none'))" },
      description: 'Spend level over a year.',
    }, 'test', 'create');
    await expect(refreshProfile(db, { snapshot: false })).rejects.toThrow(/tag spend_level produced none, which is not one of its values/);
    expect(await db.all('SELECT * FROM profile ORDER BY customer_id')).toEqual(before);
  });
});
