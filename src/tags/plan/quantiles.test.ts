import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../db';
import { quantileCtes, quantileScore } from './quantiles';

// The threshold scores must equal the rank definition exactly: least(n, floor(before · n / (N − 1)) + 1),
// with `before` the rows strictly ahead (empty values first) as rank() − 1 gives it, in integers.

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(async () => {
  await db.close();
});

async function scores(values: ReadonlyArray<number | null>, quantiles: number, descending: boolean) {
  await db.run('CREATE OR REPLACE TABLE qv (id INTEGER, v DOUBLE)');
  if (values.length) await db.run(`INSERT INTO qv VALUES ${values.map((v, i) => `(${i}, ${v === null ? 'NULL' : v})`).join(', ')}`);
  const tag = { code: 'v_score', value: 'l.v', quantiles, descending };
  const sql = `WITH base AS MATERIALIZED (SELECT id, v FROM qv), ${quantileCtes('q0', 'base', [tag]).join(', ')}
    SELECT l.id, ${quantileScore(tag)} AS got,
      CASE WHEN count(*) OVER () <= 1 THEN 1 ELSE least(${quantiles}, (rank() OVER (ORDER BY l.v ${descending ? 'DESC' : 'ASC'} NULLS FIRST) - 1) * ${quantiles} // (count(*) OVER () - 1) + 1) END AS want
    FROM base l, q0 q ORDER BY l.id`;
  return db.all<{ id: number; got: number; want: number }>(sql);
}

describe('quantile scores from thresholds', () => {
  it('gives RFM quintiles by rank, ties together and empty values lowest', async () => {
    const rows = await scores([10, 20, 20, null, 40, 50, 60, 70, 80, 90, 100], 5, false);
    expect(rows.map((r) => r.got)).toEqual([1, 2, 2, 1, 3, 3, 4, 4, 5, 5, 5]);
    const desc = await scores([1, 2, 3, null], 5, true);
    // Descending: the smallest value ranks last and scores high; the empty value still scores 1.
    expect(desc.map((r) => r.got)).toEqual([5, 4, 2, 1]);
  });

  it('agrees with the rank definition on random values with ties and empty values', async () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 60 }), fc.integer({ min: 2, max: 12 }), fc.boolean(), async (values, n, descending) => {
        for (const row of await scores(values, n, descending)) expect([row.id, row.got]).toEqual([row.id, row.want]);
      }),
      { numRuns: 120 },
    );
  });
});
