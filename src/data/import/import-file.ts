import { fail } from '../../core';
import type { Database } from '../../db';
import { contractTable, contractTables } from '../contract/tables';
import type { TableSpec } from '../contract/define';
import { inspectFile, sha256File, type SourceFile } from './file-source';
import { loadMapping, noMapping, type LoadedMapping } from './mapping';
import { importLock, runImport, type ImportResult, type ImportRunOptions } from './run-import';
import type { ImportFormat } from './schema';
import { stageFile } from './stage-file';

export interface ImportFileOptions extends ImportRunOptions {
  readonly table: string;
  readonly file: string;
  /** Path of a mapping JSON file (see schema.ts importMappingSchema). */
  readonly mapping?: string | undefined;
  /** Overrides the format the file's extension implies. */
  readonly format?: ImportFormat | undefined;
}

export function importableTable(name: string): TableSpec {
  const spec = contractTable(name);
  if (!spec) {
    const known = contractTables.map((t) => t.name).join(', ');
    fail('bad_request', `未知的表 ${name}（可选：${known}）`, `unknown table '${name}' (tables: ${known})`);
  }
  return spec;
}

/** What an import needs before it touches the store: the table, the mapping and a file that can be opened. */
export interface PreparedImport {
  readonly spec: TableSpec;
  readonly mapping: LoadedMapping;
  readonly file: SourceFile;
}

/**
 * The checks that need no database (unknown table, bad mapping, missing, empty or binary file), so the CLI
 * can run them before it opens — and perhaps creates — the database file.
 */
export function prepareImport(options: ImportFileOptions): PreparedImport {
  const spec = importableTable(options.table);
  const mapping: LoadedMapping = options.mapping ? loadMapping(options.mapping, spec) : noMapping;
  return { spec, mapping, file: inspectFile(options.file, options.format) };
}

/**
 * `cardwise import`: reads a CSV, Parquet or JSON-lines file into a contract table. Rows that break the
 * contract become rejects; the rest land in one transaction. A file that cannot be read at all throws a
 * one-line `file_unreadable` (or `mapping_invalid`) error and writes nothing.
 */
export async function importFile(db: Database, options: ImportFileOptions): Promise<ImportResult> {
  const { spec, mapping, file } = prepareImport(options);
  const fileSha256 = sha256File(file.path);
  // Nothing awaits the hash until validation is done; keep an early read error from going unhandled.
  fileSha256.catch(() => undefined);
  return importLock(db, () =>
    db.withConnection((session) =>
      runImport(
        session,
        spec,
        {
          fileName: file.name,
          fileBytes: file.bytes,
          fileSha256,
          format: file.format,
          source: 'file',
          mapping,
          formats: mapping.mapping,
        },
        (s, names, run) => stageFile(s, spec, file, mapping, names, run),
        options,
      ),
    ),
  );
}
