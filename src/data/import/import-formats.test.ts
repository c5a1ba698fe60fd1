import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { fixtures, loadParents } from './fixtures/load-fixtures';
import { importFile } from './import-file';

const rejectsOf = (db: Database, id: string) =>
  db.all('SELECT row_number, field, rule, reason, reason_zh, value FROM import_rejects WHERE import_id = $id ORDER BY row_number, field', { id });

describe('Parquet, JSON lines and mapped CSV', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadParents(db);
  });
  afterAll(() => store.cleanup());

  it('imports Parquet with native types, numbering rows from 1', async () => {
    const file = join(store.dir, 'transactions.parquet');
    await db.run(`COPY (
      SELECT * FROM (VALUES
        ('P1', 'A1', 'C1', TIMESTAMP '2024-04-01 08:00:00', 12.5::DECIMAL(18,2), '5812', true, {'note': 'x'}),
        ('P2', 'A2', 'C2', TIMESTAMP '2024-04-02 08:00:00', 20000000.0::DECIMAL(18,2), '5411', false, NULL),
        ('P3', 'A9', 'C3', TIMESTAMP '2024-04-03 08:00:00', 3.0::DECIMAL(18,2), NULL, NULL, NULL),
        ('P4', 'A3', 'C3', TIMESTAMP '2024-04-04 08:00:00', 4.0::DECIMAL(18,2), '5541', NULL, NULL))
        AS t(txn_id, account_id, customer_id, ts, amount, mcc, is_overseas, extra)
    ) TO '${file}' (FORMAT parquet)`);
    const result = await importFile(db, { table: 'transactions', file });
    expect(result).toMatchObject({ format: 'parquet', rowsRead: 4, rowsImported: 2, rowsRejected: 2, ignoredColumns: ['extra'] });
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 2, field: 'amount', rule: 'range', reason: 'above maximum 10000000', reason_zh: '大于最大值 10000000', value: '20000000.00' },
      { row_number: 3, field: 'account_id', rule: 'reference', reason: 'not found in accounts.account_id', reason_zh: '在 accounts.account_id 中不存在', value: 'A9' },
    ]);
    expect(await db.all("SELECT txn_id, amount, category, is_overseas FROM transactions WHERE txn_id LIKE 'P%' ORDER BY 1")).toEqual([
      { txn_id: 'P1', amount: 12.5, category: 'dining', is_overseas: true },
      { txn_id: 'P4', amount: 4, category: 'fuel', is_overseas: null },
    ]);
  });

  it('imports JSON lines, reading numbers and booleans as the contract types them', async () => {
    const result = await importFile(db, { table: 'transactions', file: join(fixtures, 'transactions.jsonl') });
    expect(result).toMatchObject({ format: 'jsonl', rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 2, field: 'amount', rule: 'type', reason: 'not an amount', reason_zh: '不是金额', value: '12,00' },
    ]);
    expect(
      await db.all("SELECT txn_id, strftime(ts, '%Y-%m-%d %H:%M') AS ts, amount, installment_months FROM transactions WHERE txn_id LIKE 'J%' ORDER BY 1"),
    ).toEqual([
      { txn_id: 'J1', ts: '2024-05-01 08:00', amount: 66.6, installment_months: null },
      { txn_id: 'J3', ts: '2024-05-03 00:00', amount: 5, installment_months: 3 },
    ]);
  });

  it('follows a mapping: renamed columns, defaults, delimiter, decimal comma and timestamp format', async () => {
    const result = await importFile(db, {
      table: 'transactions',
      file: join(fixtures, 'transactions-mapped.csv'),
      mapping: join(fixtures, 'transactions-mapping.json'),
    });
    expect(result).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: 1 });
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 3, field: 'ts', rule: 'type', reason: 'not a timestamp in format %d/%m/%Y %H:%M', reason_zh: '不是格式为 %d/%m/%Y %H:%M 的时间', value: '31/06/2024 09:15' },
    ]);
    expect(
      await db.all("SELECT txn_id, strftime(ts, '%Y-%m-%d %H:%M') AS ts, amount, currency, channel, category FROM transactions WHERE txn_id LIKE 'X%' ORDER BY 1"),
    ).toEqual([
      { txn_id: 'X1', ts: '2024-06-01 09:15', amount: 45, currency: 'CNY', channel: 'offline', category: 'dining' },
      { txn_id: 'X3', ts: '2024-06-02 18:00', amount: 99.9, currency: 'CNY', channel: 'offline', category: 'fuel' },
    ]);
    const logged = await db.one<{ mapping: string }>('SELECT mapping::VARCHAR AS mapping FROM imports WHERE id = $id', { id: result.id });
    expect(JSON.parse(logged?.mapping ?? '{}')).toMatchObject({ delimiter: ';', defaults: { currency: 'CNY' } });
  });

  it('treats the same file under another mapping as another import', async () => {
    const result = await importFile(db, { table: 'transactions', file: join(fixtures, 'transactions-mapped.csv'), mapping: join(fixtures, 'transactions-mapping.json') });
    expect(result).toMatchObject({ alreadyImported: true, rowsImported: 0, rowsUnchanged: 2, rowsRejected: 1 });
  });
});
