import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../../test-support/temp-store';
import type { Database } from '../../db';
import { fixtures, loadParents } from './fixtures/load-fixtures';
import { importFile } from './import-file';

const rejectsOf = (db: Database, id: string) =>
  db.all('SELECT row_number, field, rule, reason, reason_zh, value FROM import_rejects WHERE import_id = $id ORDER BY row_number, field', { id });

describe('importing a CSV with known bad rows', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let firstId: string;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadParents(db);
  });
  afterAll(() => store.cleanup());

  it('rejects each bad row with its row number, field and reason, and imports the rest', async () => {
    const result = await importFile(db, { table: 'transactions', file: join(fixtures, 'transactions-bad.csv'), asOf: '2024-06-30' });
    firstId = result.id;
    expect(result).toMatchObject({ rowsRead: 13, rowsImported: 3, rowsUnchanged: 0, rowsRejected: 10, rejectEntries: 11, alreadyImported: false });
    // Header is row 1: the first data row (T1) is row 2.
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 3, field: 'amount', rule: 'type', reason: 'not an amount', reason_zh: '不是金额', value: 'abc' },
      { row_number: 4, field: 'ts', rule: 'date', reason: 'impossible date', reason_zh: '日期不存在', value: '2023-02-30 10:00:00' },
      { row_number: 5, field: 'account_id', rule: 'reference', reason: 'not found in accounts.account_id', reason_zh: '在 accounts.account_id 中不存在', value: 'A999' },
      { row_number: 6, field: 'txn_id', rule: 'duplicate', reason: 'duplicate key in file (first at row 2)', reason_zh: '文件内主键重复（首次出现在第 2 行）', value: 'T1' },
      { row_number: 7, field: 'channel', rule: 'enum', reason: 'not one of: online, offline, mobile, qr', reason_zh: '不在可选值内：online, offline, mobile, qr', value: 'atm' },
      { row_number: 7, field: 'currency', rule: 'pattern', reason: 'does not match [A-Z]{3}', reason_zh: '不符合格式 [A-Z]{3}', value: 'cny' },
      { row_number: 8, field: 'txn_id', rule: 'required', reason: 'required value missing', reason_zh: '缺少必填值', value: null },
      { row_number: 9, field: 'amount', rule: 'range', reason: 'above maximum 10000000', reason_zh: '大于最大值 10000000', value: '20000000' },
      { row_number: 10, field: 'ts', rule: 'range', reason: 'below minimum 1990-01-01', reason_zh: '小于最小值 1990-01-01', value: '1980-01-01 00:00:00' },
      { row_number: 11, field: 'installment_months', rule: 'type', reason: 'not a whole number', reason_zh: '不是整数', value: '1.5' },
      { row_number: 14, field: 'is_overseas', rule: 'type', reason: 'not true/false', reason_zh: '不是布尔值（true/false）', value: 'maybe' },
    ]);
  });

  it('writes the valid rows typed, derives the category from the MCC and converts UTC offsets', async () => {
    const rows = await db.all(
      `SELECT txn_id, strftime(ts, '%Y-%m-%d %H:%M') AS ts, amount, category FROM transactions ORDER BY txn_id`,
    );
    expect(rows).toEqual([
      { txn_id: 'T1', ts: '2024-03-01 12:30', amount: 88.5, category: 'dining' },
      { txn_id: 'T10', ts: '2024-03-01 02:00', amount: -35.2, category: 'supermarket' },
      // An explicit category wins over the MCC's.
      { txn_id: 'T9', ts: '2024-03-09 10:00', amount: 1200, category: 'travel' },
    ]);
  });

  it('records the import with its file hash and figures', async () => {
    const row = await db.one('SELECT table_name, file_name, length(file_sha256) AS sha, rows_read, rows_imported, rows_unchanged, rows_rejected, status FROM imports WHERE id = $id', { id: firstId });
    expect(row).toEqual({ table_name: 'transactions', file_name: 'transactions-bad.csv', sha: 64, rows_read: 13, rows_imported: 3, rows_unchanged: 0, rows_rejected: 10, status: 'completed' });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await db.one('SELECT (SELECT count(*) FROM transactions) AS t, (SELECT count(*) FROM imports) AS i, (SELECT count(*) FROM import_rejects) AS r, (SELECT count(*) FROM quality_reports) AS q');
    const again = await importFile(db, { table: 'transactions', file: join(fixtures, 'transactions-bad.csv') });
    expect(again).toMatchObject({ id: firstId, alreadyImported: true, rowsImported: 0, rowsUnchanged: 3, rowsRejected: 10 });
    const after = await db.one('SELECT (SELECT count(*) FROM transactions) AS t, (SELECT count(*) FROM imports) AS i, (SELECT count(*) FROM import_rejects) AS r, (SELECT count(*) FROM quality_reports) AS q');
    expect(after).toEqual(before);
  });

  it('rejects a row whose key exists with different values, and counts identical ones as unchanged', async () => {
    const file = join(store.dir, 'changed.csv');
    const header = 'txn_id,account_id,customer_id,ts,amount,currency,mcc,category,merchant,channel,is_overseas,country,installment_months';
    writeFileSync(
      file,
      `${header}\n` +
        'T1,A1,C1,2024-03-01 12:30:00,99.00,CNY,5812,,海底捞,offline,false,CN,0\n' + // amount differs
        'T10,A2,C2,2024-03-01 02:00:00,-35.2,CNY,5411,,盒马,mobile,false,CN,0\n' + // as stored (offset applied)
        'T12,A3,C3,2024-03-11 08:00:00,7.00,CNY,5411,,盒马,mobile,false,CN,0\n',
    );
    const result = await importFile(db, { table: 'transactions', file });
    expect(result).toMatchObject({ rowsRead: 3, rowsImported: 1, rowsUnchanged: 1, rowsRejected: 1, alreadyImported: false });
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 2, field: 'txn_id', rule: 'conflict', reason: 'key exists with different values (amount)', reason_zh: '主键已存在且取值不同（amount）', value: null },
    ]);
    expect(await db.one("SELECT amount FROM transactions WHERE txn_id = 'T1'")).toEqual({ amount: 88.5 });
    expect(await db.one("SELECT count(*) AS n FROM transactions WHERE txn_id = 'T10'")).toEqual({ n: 1 });
  });

  it('sets malformed CSV records aside as rejects and keeps counting rows correctly after them', async () => {
    const result = await importFile(db, { table: 'transactions', file: join(fixtures, 'transactions-malformed.csv') });
    expect(result).toMatchObject({ rowsRead: 6, rowsImported: 3, rowsRejected: 3 });
    expect(await rejectsOf(db, result.id)).toEqual([
      { row_number: 3, field: null, rule: 'malformed', reason: 'malformed record: expected 5 fields, found 6', reason_zh: '记录格式错误：应有 5 个字段，实有 6 个', value: 'M2,A1,C1,2024-04-02 10:00:00,20.00,extra' },
      { row_number: 6, field: null, rule: 'malformed', reason: 'malformed record: expected 5 fields, found 4', reason_zh: '记录格式错误：应有 5 个字段，实有 4 个', value: 'M5,A1,C1,2024-04-05 10:00:00' },
      // M3's quoted value spans two lines but is one row, so M6 is row 7.
      { row_number: 7, field: 'amount', rule: 'type', reason: 'not an amount', reason_zh: '不是金额', value: 'xx' },
    ]);
  });

  it('keeps a quality report of the import itself', async () => {
    const report = await db.one<{ report: string }>("SELECT report::VARCHAR AS report FROM quality_reports WHERE import_id = $id", { id: firstId });
    const parsed = JSON.parse(report?.report ?? '{}');
    expect(parsed.rows).toBe(13);
    expect(parsed.uniqueness).toMatchObject({ duplicateRows: 1 });
    expect(parsed.integrity).toContainEqual({ column: 'account_id', references: 'accounts.account_id', checked: 13, orphans: 1, share: 12 / 13 });
    expect(parsed.freshness).toEqual({ column: 'ts', latest: '2024-03-09', lagDays: 113 });
  });
});

describe('re-importing a file after its references arrived', () => {
  it('imports the rows that were rejected for unknown references the first time', async () => {
    const store = await tempStore();
    try {
      const file = join(store.dir, 'early.csv');
      writeFileSync(file, 'txn_id,account_id,customer_id,ts,amount\nE1,A1,C1,2024-03-01 10:00:00,1.00\nE2,A2,C2,2024-03-02 10:00:00,2.00\n');
      const early = await importFile(store.db, { table: 'transactions', file });
      expect(early).toMatchObject({ rowsImported: 0, rowsRejected: 2, alreadyImported: false });
      await loadParents(store.db);
      const later = await importFile(store.db, { table: 'transactions', file });
      expect(later).toMatchObject({ rowsImported: 2, rowsRejected: 0, alreadyImported: false });
      expect(later.id).not.toBe(early.id);
      expect(await store.db.one("SELECT count(*) AS n FROM imports WHERE file_name = 'early.csv'")).toEqual({ n: 2 });
    } finally {
      await store.cleanup();
    }
  });
});

describe('refusing rows dated in the future', () => {
  it('rejects a transaction dated after tomorrow (it would move every window), and keeps today’s', async () => {
    const store = await tempStore();
    try {
      await loadParents(store.db);
      const file = join(store.dir, 'future.csv');
      // Shanghai is eight hours ahead of the stored UTC: a row stamped in the next few hours is real.
      const soon = new Date(Date.now() + 3 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19);
      writeFileSync(file, `txn_id,account_id,customer_id,ts,amount\nF1,A1,C1,2099-01-01 10:00:00,1.00\nF2,A1,C1,${soon},2.00\n`);
      const result = await importFile(store.db, { table: 'transactions', file });
      expect(result).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
      const [reject] = await rejectsOf(store.db, result.id);
      expect(reject).toMatchObject({ row_number: 2, field: 'ts', rule: 'range', value: '2099-01-01 10:00:00' });
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
      expect((reject as { reason: string }).reason).toMatch(new RegExp(`^in the future \\(after ${tomorrow} \\d{2}:\\d{2}:\\d{2}\\)`));
      expect((reject as { reason_zh: string }).reason_zh).toMatch(/^晚于当前/);
      expect(await store.db.all('SELECT txn_id FROM transactions')).toEqual([{ txn_id: 'F2' }]);
    } finally {
      await store.cleanup();
    }
  });
});

describe('storing imported rows', () => {
  it('keeps each customer’s rows together, in time order, whatever the file’s order', async () => {
    const store = await tempStore();
    try {
      await loadParents(store.db);
      const file = join(store.dir, 'by-time.csv');
      // A bank's export: in time order, customers interleaved.
      const rows = ['O1,A2,C2,2024-03-01 09:00:00,5.00', 'O2,A1,C1,2024-03-01 10:00:00,6.00', 'O3,A2,C2,2024-03-02 09:00:00,7.00', 'O4,A1,C1,2024-03-03 08:00:00,8.00', 'O5,A2,C2,2024-03-03 09:00:00,9.00'];
      writeFileSync(file, `txn_id,account_id,customer_id,ts,amount\n${rows.join('\n')}\n`);
      expect(await importFile(store.db, { table: 'transactions', file })).toMatchObject({ rowsImported: 5, rowsRejected: 0 });
      const stored = await store.db.all<{ txn_id: string }>('SELECT txn_id FROM transactions ORDER BY rowid');
      expect(stored.map((r) => r.txn_id)).toEqual(['O2', 'O4', 'O1', 'O3', 'O5']);
    } finally {
      await store.cleanup();
    }
  });
});
