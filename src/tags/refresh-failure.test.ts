import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import type { Database } from '../db';
import { saveTag } from './definition-store';
import { profileDifferences } from '../test-support/profile-diff';
import { currentPlan, refreshProfile } from './refresh';
import { insertTxn, loadScenario } from './scenario-fixture';

/** A store holding the scenario, refreshed in full as of its last day (2025-06-30). */
async function refreshedScenario(): Promise<{ store: Awaited<ReturnType<typeof tempStore>>; db: Database }> {
  const store = await tempStore();
  await loadScenario(store.db);
  await refreshProfile(store.db, { snapshot: false });
  return { store, db: store.db };
}

describe('a refresh that fails part-way', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;

  beforeAll(async () => {
    ({ store, db } = await refreshedScenario());
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

// An incremental refresh writes each pass's kept states (with the as-of date they describe) in a transaction
// of its own, before the profile. A failure between passes must leave the profile as it was and the states
// in a state the next refresh can resume from: the passes already moved are reused, the rest move, and the
// profile comes out as a full refresh computes it.
describe('an incremental refresh that fails between passes', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;

  beforeAll(async () => {
    ({ store, db } = await refreshedScenario());
    // Builds the day-ordered copies the next incremental refresh reads its moved rows from.
    await refreshProfile(db, { incremental: true, snapshot: false });
  });
  afterAll(async () => store.cleanup());

  it('keeps the profile, and the next incremental refresh resumes to what a full refresh gives', async () => {
    const before = await db.all('SELECT * FROM profile ORDER BY customer_id');
    await insertTxn(db, ['T9', 'A1', 'C1', '2025-07-02 04:00:00', 999, '5812', 'dining', 'offline', false, 0]);
    const passes = (await currentPlan(db, '2025-07-02')).passes.filter((p) => p.kind === 'dynamic');
    const [first, last] = [passes[0], passes.at(-1)];
    expect(passes.length).toBeGreaterThan(1);
    // A real failure, not a hook: the last pass's work table name is taken by a view, so its write fails.
    await db.run(`CREATE VIEW ${last?.table}_next AS SELECT 1 AS x`);
    await expect(refreshProfile(db, { incremental: true, snapshot: false })).rejects.toThrow(/View/);
    expect(await db.all('SELECT * FROM profile ORDER BY customer_id')).toEqual(before);
    const kept = await db.all<{ pass: string; as_of: string }>('SELECT pass, strftime(as_of, \'%Y-%m-%d\') AS as_of FROM tag_state_meta WHERE pass IN ($1, $2) ORDER BY pass = $2', [first?.id ?? '', last?.id ?? '']);
    expect(kept).toEqual([
      { pass: first?.id, as_of: '2025-07-02' },
      { pass: last?.id, as_of: '2025-06-30' },
    ]);

    await db.run(`DROP VIEW ${last?.table}_next`);
    const resumed = await refreshProfile(db, { incremental: true, snapshot: false });
    expect(resumed.passes.find((p) => p.id === first?.id)?.mode).toBe('reused');
    expect(resumed.passes.find((p) => p.id === last?.id)?.mode).toBe('delta');
    await db.run('CREATE OR REPLACE TABLE profile_incremental AS SELECT * FROM profile');
    await refreshProfile(db, { snapshot: false });
    const diff = await profileDifferences(db, 'profile', 'profile_incremental');
    expect(diff).toEqual({ compared: before.length, columns: [] });
    const c1 = await db.one<{ spend_30d: number }>("SELECT spend_30d FROM profile_incremental WHERE customer_id = 'C1'");
    expect(c1?.spend_30d).toBeCloseTo(100 - 50 + 999, 6);
  });
});
