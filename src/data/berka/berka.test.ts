import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { importBerka, type BerkaResult } from './import-berka';

const sample = fileURLToPath(new URL('./fixtures/sample/', import.meta.url));

const figures = (result: BerkaResult) =>
  result.tables.map((t) => ({
    table: t.table,
    file: t.file,
    sourceRows: t.sourceRows,
    skipped: t.skipped,
    imported: t.result.rowsImported,
    unchanged: t.result.rowsUnchanged,
    rejected: t.result.rowsRejected,
    again: t.result.alreadyImported,
  }));

describe('the Berka importer on a sample of the real files', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let first: BerkaResult;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    first = await importBerka(db, sample, { asOf: '1994-03-31' });
  });
  afterAll(() => store.cleanup());

  it('imports clients, accounts, cards as products and money-out transactions, rejecting nothing', () => {
    expect(figures(first)).toEqual([
      { table: 'products', file: 'card.asc', sourceRows: 4, skipped: 0, imported: 4, unchanged: 0, rejected: 0, again: false },
      { table: 'customers', file: 'client.asc', sourceRows: 19, skipped: 0, imported: 19, unchanged: 0, rejected: 0, again: false },
      { table: 'accounts', file: 'account.asc', sourceRows: 15, skipped: 0, imported: 15, unchanged: 0, rejected: 0, again: false },
      { table: 'transactions', file: 'trans.asc', sourceRows: 328, skipped: 188, imported: 140, unchanged: 0, rejected: 0, again: false },
    ]);
  });

  it('decodes birth numbers (month + 50 for women) and maps districts to cities and tiers', async () => {
    expect(
      await db.all(
        "SELECT customer_id, gender, birth_date, city, city_tier, customer_since FROM customers WHERE customer_id IN ('BK-C512', 'BK-C1179', 'BK-C42') ORDER BY customer_id",
      ),
    ).toEqual([
      // 306005: month 60 → a woman born in October; Prague is tier 1. Since = opening of account 978.
      { customer_id: 'BK-C1179', gender: 'F', birth_date: '1930-10-05', city: 'Hl.m. Praha', city_tier: 1, customer_since: '1993-08-18' },
      // District 68, 57.2 % urban → tier 4.
      { customer_id: 'BK-C42', gender: 'M', birth_date: '1935-08-17', city: 'Frydek - Mistek', city_tier: 4, customer_since: '1993-09-17' },
      // 655803: month 58 → August; district 60, 51.9 % urban → tier 4.
      { customer_id: 'BK-C512', gender: 'F', birth_date: '1965-08-03', city: 'Prostejov', city_tier: 4, customer_since: '1993-11-29' },
    ]);
  });

  it('gives each account its owner, its best card as product, and collections after a bad loan', async () => {
    expect(
      await db.all(
        "SELECT account_id, customer_id, product_code, credit_limit, opened_at, status FROM accounts WHERE account_id IN ('BK-A2824', 'BK-A1247', 'BK-A7753') ORDER BY account_id",
      ),
    ).toEqual([
      // Loan status D (running, in debt).
      { account_id: 'BK-A1247', customer_id: 'BK-C1505', product_code: 'BK-NOCARD', credit_limit: 0, opened_at: '1993-06-08', status: 'collections' },
      { account_id: 'BK-A2824', customer_id: 'BK-C3414', product_code: 'BK-GOLD', credit_limit: 0, opened_at: '1993-10-20', status: 'active' },
      // Card 1005 (classic) on disposition 9285, the owner's; loan status A.
      { account_id: 'BK-A7753', customer_id: 'BK-C9593', product_code: 'BK-CLASSIC', credit_limit: 0, opened_at: '1993-02-08', status: 'active' },
    ]);
    expect(await db.all("SELECT status, count(*) AS n FROM accounts GROUP BY status ORDER BY status")).toEqual([
      { status: 'active', n: 12 },
      { status: 'collections', n: 3 },
    ]);
  });

  it('categorises transactions from k_symbol and operation, converting CZK to CNY at the fixed rate', async () => {
    expect(
      await db.all(
        `SELECT txn_id, strftime(ts, '%Y-%m-%d') AS day, amount, currency, mcc, category, merchant, channel
         FROM transactions WHERE txn_id IN ('BK-T2349940', 'BK-T284794') ORDER BY txn_id`,
      ),
    ).toEqual([
      { txn_id: 'BK-T2349940', day: '1994-01-03', amount: 1044, currency: 'CZK', mcc: '6011', category: 'cash', merchant: null, channel: 'offline' },
      { txn_id: 'BK-T284794', day: '1994-02-08', amount: 597.98, currency: 'CZK', mcc: '4900', category: 'utilities', merchant: 'UV 70650827', channel: null },
    ]);
    const categories = await db.all<{ category: string }>('SELECT DISTINCT category FROM transactions ORDER BY 1');
    expect(categories.map((c) => c.category)).toEqual(['cash', 'financial', 'other', 'utilities']);
  });

  it('changes nothing when run again', async () => {
    const again = await importBerka(db, sample);
    expect(figures(again).map((f) => [f.table, f.again, f.imported, f.rejected])).toEqual([
      ['products', true, 0, 0],
      ['customers', true, 0, 0],
      ['accounts', true, 0, 0],
      ['transactions', true, 0, 0],
    ]);
    expect(await db.one("SELECT count(*) AS n FROM imports WHERE source = 'berka'")).toEqual({ n: 4 });
  });

  it('sends broken Berka rows through the same rejects as any file', async () => {
    const dir = join(store.dir, 'berka-broken');
    cpSync(sample, dir, { recursive: true });
    // Row 330: a day that does not exist; row 331: an account that is not in account.asc (so no owner either).
    appendFileSync(join(dir, 'trans.asc'), '9999999;2824;930230;"VYDAJ";"VYBER";100.00;0.00;"";;\r\n', 'latin1');
    appendFileSync(join(dir, 'trans.asc'), '9999998;99999;940101;"VYDAJ";"VYBER";100.00;0.00;"";;\r\n', 'latin1');
    const result = await importBerka(db, dir);
    const transactions = result.tables.find((t) => t.table === 'transactions')?.result;
    expect(transactions).toMatchObject({ rowsRead: 142, rowsImported: 0, rowsUnchanged: 140, rowsRejected: 2, alreadyImported: false });
    expect(
      await db.all('SELECT row_number, field, rule, reason, value FROM import_rejects WHERE import_id = $id ORDER BY row_number, field', {
        id: transactions?.id ?? '',
      }),
    ).toEqual([
      { row_number: 330, field: 'ts', rule: 'date', reason: 'impossible date', value: '1993-02-30' },
      { row_number: 331, field: 'account_id', rule: 'reference', reason: 'not found in accounts.account_id', value: 'BK-A99999' },
      { row_number: 331, field: 'customer_id', rule: 'required', reason: 'required value missing', value: null },
    ]);
  });
});
