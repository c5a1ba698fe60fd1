import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { deleteTag, saveTag } from '../tags';
import { countRule } from './count';
import { writeProfile, type Store } from './test-fixture';

// The live count keeps the catalogue and the profile's shape between keystrokes; each of the three things
// that change them (a refresh, a custom tag saved or deleted, personas recomputed) must show at once.

const customTag = {
  code: 'big_spender_score',
  name_zh: '大额消费分',
  name_en: 'Big spender score',
  dimension: 'value',
  type: 'number',
  spec: { kind: 'computed', expression: 'spend_90d / 1000' },
  description: 'Spend in 90 days, in thousands.',
} as const;

describe('the live count’s kept catalogue', () => {
  let store: Store;
  const stamp = (at: string) =>
    store.db.run(`INSERT OR REPLACE INTO tag_profile_state VALUES ('profile', DATE '2025-06-30', 'full', $1::TIMESTAMP, 0, 2, '[]')`, [at]);

  beforeAll(async () => {
    store = await tempStore();
    await writeProfile(store.db, { customer_id: 'VARCHAR', spend_90d: 'DOUBLE' }, [
      { customer_id: 'C1', spend_90d: 6000 },
      { customer_id: 'C2', spend_90d: 500 },
    ]);
    await stamp('2025-07-01 01:00:00');
  });
  afterAll(async () => store.cleanup());

  it('sees a custom tag as soon as it is saved, and its column as soon as a refresh adds it', async () => {
    expect((await countRule(store.db, 'spend_90d > 1000')).count).toBe(1);
    await expect(countRule(store.db, 'big_spender_score > 2')).rejects.toThrow(/unknown tag 'big_spender_score'/);
    await saveTag(store.db, customTag, 'test', 'create');
    // Known to the catalogue now, but not computed yet.
    await expect(countRule(store.db, 'big_spender_score > 2')).rejects.toThrow(/not in the profile yet/);
    await store.db.run('ALTER TABLE profile ADD COLUMN big_spender_score DOUBLE');
    await store.db.run('UPDATE profile SET big_spender_score = spend_90d / 1000');
    await stamp('2025-07-01 02:00:00');
    expect((await countRule(store.db, 'big_spender_score > 2')).count).toBe(1);
    await deleteTag(store.db, customTag.code);
    await expect(countRule(store.db, 'big_spender_score > 2')).rejects.toThrow(/unknown tag 'big_spender_score'/);
  });
});
