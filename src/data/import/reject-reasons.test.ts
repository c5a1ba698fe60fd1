import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, migrate } from '../../db';
import { dataMigrations } from '../migrations';
import { reasonSql, reasonText, rejectReasons, translateReasonSql, type ReasonTemplate } from './reject-reasons';

// Values with the characters a pattern or a DuckDB message may carry: the translation must pass them through.
const samples: Record<string, string> = {
  format: '%d/%m/%Y',
  values: 'F, M',
  min: '0',
  max: '10000000',
  pattern: '\\+?[0-9 -]{6,20}',
  target: 'accounts.account_id',
  row: '2',
  columns: 'amount, ts',
  expected: '5',
  found: '6',
  detail: "Value with unterminated quote found. (it's $1)",
};

const filled = (template: ReasonTemplate) =>
  reasonText(template, Object.fromEntries([...template.en.matchAll(/\{([a-z]+)\}/g)].map((m) => [m[1], samples[m[1] as string] ?? ''])));

describe('reject reasons', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-reasons-'));
  let db: Database;
  beforeAll(async () => {
    db = await Database.open(join(dir, 'old.duckdb'), { threads: 1 });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fills constant values into both languages', () => {
    expect(reasonText(rejectReasons.notOneOf, { values: 'F, M' })).toEqual({ en: 'not one of: F, M', zh: '不在可选值内：F, M' });
    expect(() => reasonText(rejectReasons.belowMinimum)).toThrow('{min}');
  });

  it('builds the same sentences in SQL, per row', async () => {
    const sql = reasonSql(rejectReasons.duplicateKey, { row: 'n' });
    expect(await db.one(`SELECT ${sql.en} AS en, ${sql.zh} AS zh FROM (SELECT 7 AS n)`)).toEqual({
      en: 'duplicate key in file (first at row 7)',
      zh: '文件内主键重复（首次出现在第 7 行）',
    });
  });

  it('reads every English sentence back into its Chinese one, and leaves an unknown one as it is', async () => {
    const cases = Object.values(rejectReasons).map(filled);
    await db.run('CREATE TEMP TABLE sentences (i INTEGER, en VARCHAR)');
    for (const [i, en] of [...cases.map((c) => c.en), 'something else'].entries()) {
      await db.run('INSERT INTO sentences VALUES ($1, $2)', [i, en]);
    }
    const translated = await db.all<{ zh: string }>(`SELECT ${translateReasonSql('en')} AS zh FROM sentences ORDER BY i`);
    expect(translated.map((r) => r.zh)).toEqual([...cases.map((c) => c.zh), 'something else']);
  });

  it('gives rejects stored before reasons were bilingual a Chinese reason when the store is migrated', async () => {
    const before = dataMigrations.filter((m) => m.id < 'data/022');
    await migrate(db, before);
    await db.run(`INSERT INTO import_rejects (import_id, file_name, row_number, field, rule, reason, value) VALUES
      ('imp_old', 'old.csv', 2, 'gender', 'enum', 'not one of: F, M', 'X'),
      ('imp_old', 'old.csv', 3, NULL, 'malformed', 'malformed record: expected 5 fields, found 4', 'a,b')`);
    const applied = await migrate(db, dataMigrations);
    expect(applied[0]).toBe('data/022_import_reject_reason_zh');
    expect(applied).toEqual(dataMigrations.filter((m) => m.id >= 'data/022').map((m) => m.id));
    expect(await db.all('SELECT row_number, reason, reason_zh FROM import_rejects ORDER BY row_number')).toEqual([
      { row_number: 2, reason: 'not one of: F, M', reason_zh: '不在可选值内：F, M' },
      { row_number: 3, reason: 'malformed record: expected 5 fields, found 4', reason_zh: '记录格式错误：应有 5 个字段，实有 4 个' },
    ]);
  });
});
