import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCardwiseError } from '../../core';
import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { fixtures, loadParents } from './fixtures/load-fixtures';
import { importFile } from './import-file';

/** Runs an import that must fail, and returns its code and one-line English message. */
async function failure(db: Database, file: string, extra: { mapping?: string; format?: 'csv' | 'parquet' | 'jsonl' } = {}) {
  try {
    await importFile(db, { table: 'transactions', file, ...extra });
  } catch (error) {
    if (!isCardwiseError(error)) throw error;
    return { code: error.code, message: error.messages['en-US'] };
  }
  throw new Error(`import of ${file} did not fail`);
}

describe('a file that cannot be read at all', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let before: unknown;
  const counts = () =>
    db.one(`SELECT (SELECT count(*) FROM transactions) AS txns, (SELECT count(*) FROM imports) AS imports,
                   (SELECT count(*) FROM import_rejects) AS rejects, (SELECT count(*) FROM quality_reports) AS reports`);
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadParents(db);
    before = await counts();
  });
  afterAll(() => store.cleanup());

  it('names the delimiter it probably has when the header reads as one column', async () => {
    expect(await failure(db, join(fixtures, 'transactions-semicolon.csv'))).toEqual({
      code: 'file_unreadable',
      message:
        "transactions-semicolon.csv: missing required column 'txn_id' (found: txn_id;account_id;customer_id;ts;amount)" +
        ` — is the delimiter ';'? set "delimiter" in a --mapping file`,
    });
  });

  it('names a missing required column and what it found', async () => {
    expect(await failure(db, join(fixtures, 'transactions-missing-column.csv'))).toEqual({
      code: 'file_unreadable',
      message: "transactions-missing-column.csv: missing required column 'account_id' (found: txn_id, customer_id, ts, amount)",
    });
  });

  it('says so for a file that does not exist, is empty, or is a folder', async () => {
    writeFileSync(join(store.dir, 'empty.csv'), '');
    mkdirSync(join(store.dir, 'folder.csv'));
    expect(await failure(db, join(store.dir, 'nope.csv'))).toEqual({ code: 'file_unreadable', message: 'nope.csv: file not found' });
    expect(await failure(db, join(store.dir, 'empty.csv'))).toEqual({ code: 'file_unreadable', message: 'empty.csv: file is empty' });
    expect(await failure(db, join(store.dir, 'folder.csv'))).toEqual({ code: 'file_unreadable', message: 'folder.csv: is a folder, not a file' });
  });

  it('recognises binary content and Parquet posing as CSV', async () => {
    writeFileSync(join(store.dir, 'binary.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0, 0xff]));
    const parquet = join(store.dir, 'real.parquet');
    await db.run(`COPY (SELECT 'x' AS txn_id) TO '${parquet}' (FORMAT parquet)`);
    copyFileSync(parquet, join(store.dir, 'parquet.csv'));
    expect(await failure(db, join(store.dir, 'binary.csv'))).toEqual({ code: 'file_unreadable', message: 'binary.csv: not a CSV file (binary content)' });
    expect(await failure(db, join(store.dir, 'parquet.csv'))).toEqual({
      code: 'file_unreadable',
      message: 'parquet.csv: is a Parquet file, not a CSV: use --format parquet',
    });
  });

  it('fails on a CSV read as Parquet and on broken JSON lines, with DuckDB reason on one line', async () => {
    const asParquet = await failure(db, join(fixtures, 'transactions-bad.csv'), { format: 'parquet' });
    expect(asParquet.code).toBe('file_unreadable');
    expect(asParquet.message).toMatch(/^transactions-bad\.csv: not a readable Parquet file \(.+\)$/);
    writeFileSync(join(store.dir, 'broken.jsonl'), '{"txn_id": "J1", "account_id": "A1"}\n{"txn_id": \n');
    const json = await failure(db, join(store.dir, 'broken.jsonl'));
    expect(json.code).toBe('file_unreadable');
    expect(json.message).toMatch(/^broken\.jsonl: .+$/);
    for (const message of [asParquet.message, json.message]) expect(message).not.toContain('\n');
  });

  it('rejects a mapping naming a column the table does not have, or a file column that is not there', async () => {
    const bad = join(store.dir, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ columns: { txn: 'id' } }));
    expect(await failure(db, join(fixtures, 'transactions-mapped.csv'), { mapping: bad })).toMatchObject({
      code: 'mapping_invalid',
      message: expect.stringMatching(/^bad-mapping\.json: columns\.txn: 'txn' is not a column of transactions/),
    });
    const missing = join(store.dir, 'missing-mapping.json');
    writeFileSync(missing, JSON.stringify({ columns: { txn_id: 'identifier' }, delimiter: ';' }));
    expect(await failure(db, join(fixtures, 'transactions-mapped.csv'), { mapping: missing })).toEqual({
      code: 'mapping_invalid',
      message: "missing-mapping.json: columns.txn_id: file column 'identifier' is not in transactions-mapped.csv (found: id, acct, cust, when, amt, mcc)",
    });
    const typo = join(store.dir, 'typo-mapping.json');
    writeFileSync(typo, JSON.stringify({ column: {} }));
    expect((await failure(db, join(fixtures, 'transactions-mapped.csv'), { mapping: typo })).code).toBe('mapping_invalid');
  });

  it('wrote nothing for any of them', async () => {
    expect(await counts()).toEqual(before);
    const temps = await db.all("SELECT table_name FROM duckdb_tables() WHERE temporary UNION ALL SELECT view_name FROM duckdb_views() WHERE temporary AND NOT internal");
    expect(temps).toEqual([]);
  });
});
