import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { silentProgress, type ProgressListener } from '../../core';
import { quoteIdent, type Database } from '../../db';
import { contractTable } from '../contract/tables';
import { sha256File } from '../import/file-source';
import { importMappingSchema } from '../import/schema';
import { importLock, runImport, type ImportResult } from '../import/run-import';
import { berkaFiles, berkaPath, dropBerkaFiles, loadBerkaFiles, type BerkaFile } from './berka-files';
import { fileError } from '../import/file-errors';
import { berkaCreditsSql, berkaSql, czkToCny } from './berka-sql';

export interface BerkaTableResult {
  readonly table: string;
  /** The .asc file whose rows this table's rows come from. */
  readonly file: string;
  readonly sourceRows: number;
  /** Source rows deliberately not imported (trans.asc credits: money in is not card spend). */
  readonly skipped: number;
  readonly result: ImportResult;
}

export interface BerkaResult {
  readonly tables: readonly BerkaTableResult[];
}

const plan: ReadonlyArray<{ table: 'products' | 'customers' | 'accounts' | 'transactions'; file: BerkaFile }> = [
  { table: 'products', file: 'card' },
  { table: 'customers', file: 'client' },
  { table: 'accounts', file: 'account' },
  { table: 'transactions', file: 'trans' },
];

// The mapping's identity in the import log: change the rules or the rate and the same files become a new import.
const mappingVersion = `berka-mapping-v1 czk_to_cny=${czkToCny}`;
const berkaMapping = {
  mapping: importMappingSchema.parse({}),
  sha256: createHash('sha256').update(mappingVersion).digest('hex'),
  name: 'berka',
};

/** Fails with one line naming the first Berka file missing from `dir`, before anything is opened or written. */
export function checkBerkaDir(dir: string): void {
  for (const file of berkaFiles) {
    if (!existsSync(berkaPath(dir, file))) throw fileError(`${file}.asc`, `file not found in ${dir}`, `在 ${dir} 中找不到文件`);
  }
}

/**
 * `cardwise import-berka`: maps the PKDD'99 Berka files in `dir` into the contract (products, customers,
 * accounts, transactions, in that order so references resolve) through the shared importer: the same
 * validation, rejects, import log and quality reports as any file. Idempotent like every import.
 */
export async function importBerka(
  db: Database,
  dir: string,
  options: { progress?: ProgressListener; asOf?: string } = {},
): Promise<BerkaResult> {
  checkBerkaDir(dir);
  const progress = options.progress ?? silentProgress;
  const suffix = createHash('sha256').update(`${dir}${Date.now()}${Math.random()}`).digest('hex').slice(0, 8);
  return importLock(db, () =>
    db.withConnection(async (session) => {
      try {
        const counts = await loadBerkaFiles(session, dir, suffix, progress);
        const sql = berkaSql(suffix);
        const credits = (await session.one<{ n: number }>(berkaCreditsSql(suffix)))?.n ?? 0;
        const tables: BerkaTableResult[] = [];
        for (const step of plan) {
          const spec = contractTable(step.table);
          if (!spec) throw new Error(`contract table ${step.table} missing`);
          const path = berkaPath(dir, step.file);
          const stageName = `bk_${suffix}_stage_${step.table}`;
          const result = await runImport(
            session,
            spec,
            {
              fileName: `${step.file}.asc`,
              fileBytes: statSync(path).size,
              fileSha256: sha256File(path),
              format: 'csv',
              source: 'berka',
              mapping: berkaMapping,
              formats: {},
            },
            async (s) => {
              await s.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(stageName)} AS ${sql[step.table]}`);
              const described = await s.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${quoteIdent(stageName)}`);
              const columns = described.map((d) => d.column_name).filter((c) => c !== '_row');
              const rows = (await s.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(stageName)}`))?.n ?? 0;
              return { relation: stageName, columns, rows, ignoredColumns: [] };
            },
            { progress: (e) => progress({ ...e, phase: `${step.table}: ${e.phase}` }), asOf: options.asOf },
          );
          await session.run(`DROP VIEW IF EXISTS temp.main.${quoteIdent(stageName)}`);
          const sourceRows = step.table === 'products' ? result.rowsRead : counts[step.file];
          tables.push({ table: step.table, file: `${step.file}.asc`, sourceRows, skipped: step.table === 'transactions' ? credits : 0, result });
        }
        return { tables };
      } finally {
        await dropBerkaFiles(session, suffix);
      }
    }),
  );
}
