import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../db';
import { shanghaiDay, txnRaw } from './sources';

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(async () => {
  await db.close();
});

describe('relations', () => {
  it('derive the Shanghai day by epoch arithmetic exactly as by interval arithmetic', async () => {
    const micros = fc.bigInt({ min: -62_000_000_000_000_000n, max: 250_000_000_000_000_000n });
    await fc.assert(
      fc.asyncProperty(fc.array(micros, { minLength: 1, maxLength: 50 }), async (values) => {
        const rows = await db.all<{ a: string; b: string }>(
          `SELECT ${shanghaiDay('ts')}::VARCHAR AS a, CAST(ts + INTERVAL 8 HOUR AS DATE)::VARCHAR AS b
           FROM (SELECT make_timestamp(v) AS ts FROM unnest([${values.join(', ')}]::BIGINT[]) t(v))`,
        );
        for (const row of rows) expect(row.a).toBe(row.b);
      }),
      { numRuns: 60 },
    );
  });

  it('restrict to days on the stored timestamp: Shanghai midnight is 16:00 UTC the day before', async () => {
    await db.run(`CREATE TABLE transactions AS SELECT * FROM (VALUES
      ('C1', TIMESTAMP '2026-10-30 15:59:59', 1.0), ('C1', TIMESTAMP '2026-10-30 16:00:00', 2.0),
      ('C1', TIMESTAMP '2026-10-31 15:59:59', 4.0), ('C1', TIMESTAMP '2026-10-31 16:00:00', 8.0)) t(customer_id, ts, amount)`);
    const sql = txnRaw.within([{ from: '2026-10-31', until: '2026-11-01' }]).replace(/SELECT [\s\S]*? FROM transactions/, 'SELECT amount FROM transactions');
    const rows = await db.all<{ amount: number }>(`SELECT amount::DOUBLE AS amount FROM ${sql} ORDER BY amount`);
    expect(rows.map((r) => r.amount)).toEqual([2, 4]);
    const counted = await db.one<{ n0: number; n1: number }>(txnRaw.countBefore(['2026-10-31', '2026-11-01']));
    expect([Number(counted?.n0), Number(counted?.n1)]).toEqual([1, 3]);
  });
});
