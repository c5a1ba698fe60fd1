import type { Migration, Queryable } from '../db';
import { contractTables } from './contract/tables';
import { createTableSql } from './contract/ddl';
import { loadMccRanges } from './mcc/categories';
import { generatorMigrations } from './generator/migrations';
import { importTablesDdl, rejectReasonZhDdl } from './import/tables';
import { qualityTablesDdl } from './quality/tables';

/**
 * mcc_categories holds every four-digit code with its category, expanded from the ranges of
 * mcc-categories.csv (narrowest range wins), so that deriving a category is one equality join.
 */
async function loadMccMap(tx: Queryable): Promise<void> {
  const ranges = loadMccRanges();
  await tx.run('CREATE TABLE mcc_ranges (mcc_from INTEGER, mcc_to INTEGER, category VARCHAR, description VARCHAR)');
  for (const r of ranges) {
    await tx.run('INSERT INTO mcc_ranges VALUES ($1, $2, $3, $4)', [r.from, r.to, r.category, r.description]);
  }
  await tx.run(`CREATE TABLE mcc_categories AS
    SELECT lpad(code::VARCHAR, 4, '0') AS mcc,
           coalesce(arg_min(r.category, r.mcc_to - r.mcc_from), 'other') AS category
    FROM range(0, 10000) AS t(code)
    LEFT JOIN mcc_ranges r ON t.code BETWEEN r.mcc_from AND r.mcc_to
    GROUP BY code`);
}

export const dataMigrations: Migration[] = [
  { id: 'data/001_contract', up: contractTables.map((t) => createTableSql(t)) },
  { id: 'data/002_mcc_categories', up: loadMccMap },
  ...generatorMigrations,
  { id: 'data/020_imports', up: importTablesDdl },
  { id: 'data/021_quality_reports', up: qualityTablesDdl },
  { id: 'data/022_import_reject_reason_zh', up: rejectReasonZhDdl },
  {
    // How far each table's rows are stored in customer order (src/data/cluster): rows after this point are
    // a tail of daily loads that the next clustering re-sorts.
    id: 'data/023_clustering',
    up: ['CREATE TABLE data_clustering (table_name VARCHAR PRIMARY KEY, clustered_through TIMESTAMP, mode VARCHAR NOT NULL, clustered_at TIMESTAMP NOT NULL)'],
  },
];
