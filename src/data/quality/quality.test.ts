import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { importFile } from '../import/import-file';
import { importReport, latestTableReports } from './quality-store';
import { renderDetail, renderSummary } from './render-text';
import { buildReport } from './report';
import { runQuality } from './run-quality';

const file = fileURLToPath(new URL('./fixtures/customers-quality.csv', import.meta.url));

describe('data quality', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let importId: string;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    const result = await importFile(db, { table: 'customers', file, asOf: '2021-12-31' });
    importId = result.id;
    // 10 rows: Q04 has gender X, the second Q05 repeats a key.
    expect(result).toMatchObject({ rowsRead: 10, rowsImported: 8, rowsRejected: 2 });
  });
  afterAll(() => store.cleanup());

  it("measures an import's own file: 2 of 10 e-mails empty is 80 % complete", async () => {
    const report = await importReport(db, importId);
    expect(report).toBeDefined();
    if (!report) return;
    const completeness = (column: string) => report.completeness.find((c) => c.column === column);
    expect(completeness('email')).toEqual({ column: 'email', required: false, nonNull: 8, share: 0.8 });
    expect(completeness('customer_id')).toEqual({ column: 'customer_id', required: true, nonNull: 10, share: 1 });
    expect(completeness('phone')).toEqual({ column: 'phone', required: false, nonNull: 0, share: 0 });
    expect(report.validity.find((v) => v.column === 'gender')).toEqual({ column: 'gender', checked: 10, valid: 9, share: 0.9 });
    expect(report.uniqueness).toEqual({ key: ['customer_id'], rows: 10, duplicateRows: 1, share: 0.9 });
    expect(report.freshness).toEqual({ column: 'customer_since', latest: '2021-09-15', lagDays: 107 });
    expect(report).toMatchObject({ scope: 'import', table: 'customers', importId, rows: 10, asOf: '2021-12-31' });
  });

  it('measures what a table holds, including rows that never went through the importer', async () => {
    // Loaded behind the importer's back: a bad gender, a tier out of range, a duplicate key, an orphan account.
    await db.run(`INSERT INTO customers (customer_id, gender, city_tier, customer_since) VALUES ('Q01', 'X', 9, DATE '2020-01-01')`);
    await db.run(`INSERT INTO accounts (account_id, customer_id, product_code, credit_limit, opened_at, status)
                  VALUES ('QA1', 'Q01', 'NOPE', 0, DATE '2021-01-01', 'active'), ('QA2', 'Q99', 'NOPE', 0, DATE '2021-01-01', 'active')`);
    const [customers] = await runQuality(db, { asOf: '2021-12-31' });
    expect(customers?.table).toBe('customers');
    if (!customers) return;
    expect(customers.rows).toBe(9);
    // Q02, Q03 and the inserted row have no e-mail: 6 of 9.
    expect(customers.completeness.find((c) => c.column === 'email')).toMatchObject({ nonNull: 6, share: 6 / 9 });
    expect(customers.validity.find((v) => v.column === 'gender')).toEqual({ column: 'gender', checked: 9, valid: 8, share: 8 / 9 });
    expect(customers.validity.find((v) => v.column === 'city_tier')).toEqual({ column: 'city_tier', checked: 9, valid: 8, share: 8 / 9 });
    expect(customers.uniqueness).toEqual({ key: ['customer_id'], rows: 9, duplicateRows: 1, share: 8 / 9 });
    expect(customers.freshness).toEqual({ column: 'customer_since', latest: '2021-09-15', lagDays: 107 });
    const accountReport = (await latestTableReports(db, 'accounts'))[0];
    expect(accountReport?.integrity).toEqual([
      { column: 'customer_id', references: 'customers.customer_id', checked: 2, orphans: 1, share: 0.5 },
      { column: 'product_code', references: 'products.product_code', checked: 2, orphans: 2, share: 0 },
    ]);
    expect(accountReport?.dimensions.integrity).toBe(0.25);
  });

  it('keeps every run and serves the latest per table', async () => {
    await runQuality(db, { table: 'customers', asOf: '2022-01-31' });
    const latest = await latestTableReports(db);
    expect(latest.map((r) => r.table)).toContain('transactions');
    expect(latest.find((r) => r.table === 'customers')?.asOf).toBe('2022-01-31');
    expect(await db.one("SELECT count(*) AS n FROM quality_reports WHERE scope = 'table' AND table_name = 'customers'")).toEqual({ n: 2 });
  });

  it('scores the mean of the four dimensions, ignoring columns with nothing to check', () => {
    const report = buildReport(
      {
        rows: 4,
        completeness: [
          { column: 'a', required: true, nonNull: 4 },
          { column: 'b', required: false, nonNull: 2 },
        ],
        validity: [
          { column: 'b', checked: 2, valid: 1 },
          { column: 'c', checked: 0, valid: 0 },
        ],
        uniqueness: { key: ['a'], duplicateRows: 1 },
        integrity: [],
        freshness: null,
      },
      { scope: 'table', table: 't', importId: null, asOf: '2024-01-01' },
    );
    expect(report.dimensions).toEqual({ completeness: 0.75, validity: 0.5, uniqueness: 0.75, integrity: 1 });
    expect(report.score).toBe(75);
  });

  it('renders a readable summary and a per-column detail', async () => {
    const reports = await runQuality(db, { asOf: '2021-12-31' });
    const summary = renderSummary(reports);
    expect(summary.split('\n')[0]).toMatch(/^table\s+rows\s+score\s+complete\s+valid\s+unique\s+integrity\s+latest \(lag to 2021-12-31\)$/);
    expect(summary).toMatch(/\ncustomers\s+9\s+\d+\.\d\s+/);
    expect(summary).toMatch(/\nstatements\s+0\s+—/);
    const detail = renderDetail(reports.find((r) => r.table === 'customers') ?? reports[0]!);
    expect(detail).toContain('customers: 9 rows');
    expect(detail).toMatch(/\nemail\s+66\.7%\s+6\s+100\.0%\s+0\n/);
    expect(detail).toContain('freshness customer_since: latest 2021-09-15, 107 days before 2021-12-31');
  });
});
