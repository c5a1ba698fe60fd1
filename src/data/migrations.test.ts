import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import { migrate, type Database } from '../db';
import { allMigrations } from '../app';
import { categoryOfMcc, contractTables } from '.';

describe('data migrations', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
  });
  afterAll(() => store.cleanup());

  it('creates every contract table with its declared columns', async () => {
    for (const spec of contractTables) {
      const cols = await db.all<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [spec.name],
      );
      expect(cols.map((c) => c.column_name)).toEqual(spec.columns.map((c) => c.name));
    }
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrate(db, allMigrations)).toEqual([]);
  });

  it('expands the MCC map so that the narrowest range wins', async () => {
    const rows = await db.all<{ mcc: string; category: string }>(
      "SELECT mcc, category FROM mcc_categories WHERE mcc IN ('5541', '5531', '5812', '3058', '0001', '5411') ORDER BY mcc",
    );
    expect(rows).toEqual([
      { mcc: '0001', category: 'other' },
      { mcc: '3058', category: 'travel' },
      { mcc: '5411', category: 'supermarket' },
      { mcc: '5531', category: 'automotive' },
      { mcc: '5541', category: 'fuel' },
      { mcc: '5812', category: 'dining' },
    ]);
    expect(await db.one('SELECT count(*) AS n FROM mcc_categories')).toEqual({ n: 10000 });
    for (const r of rows) expect(categoryOfMcc(r.mcc)).toBe(r.category);
  });
});
