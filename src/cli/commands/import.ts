import type { Command } from 'commander';
import { openStore } from '../../app';
import { fail, type ProgressListener } from '../../core';
import { importFile, importFormats, listRejects, prepareImport, type ImportFormat, type ImportReject, type ImportResult } from '../../data';
import { progressBar } from '../progress-bar';

const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const int = (n: number) => n.toLocaleString('en-US');

/** How many rejected rows the command shows; the rest are in import_rejects and on the console's data page. */
const shownRejects = 10;

export async function printImportResult(result: ImportResult, rejects: readonly ImportReject[]): Promise<void> {
  if (result.alreadyImported) out(`already imported as ${result.id}: nothing changed`);
  out(`imported: ${int(result.rowsImported)}`);
  out(`unchanged: ${int(result.rowsUnchanged)}`);
  out(`rejected: ${int(result.rowsRejected)}`);
  if (result.ignoredColumns.length > 0) out(`ignored columns (not in the contract): ${result.ignoredColumns.join(', ')}`);
  for (const r of rejects) {
    const value = r.value === null ? '' : ` '${r.value.length > 40 ? `${r.value.slice(0, 37)}...` : r.value}'`;
    // English, like the rest of the command's output and its errors (see src/data/import/README.md).
    out(`  row ${r.rowNumber}${r.field ? ` ${r.field}` : ''}: ${r.reason['en-US']}${value}`);
  }
  if (result.rowsRejected > 0 && result.rejectEntries > rejects.length) {
    out(`  … ${int(result.rejectEntries - rejects.length)} more in import_rejects (import ${result.id})`);
  }
}

/**
 * A progress bar drawn only once progress starts: a file that fails before reading leaves exactly one line
 * on stderr (the error), with no bar or blank line around it.
 */
export function lazyProgressBar(): ProgressListener & { stop: () => void } {
  let bar: ReturnType<typeof progressBar> | undefined;
  const listener: ProgressListener = (event) => {
    bar ??= progressBar();
    bar(event);
  };
  return Object.assign(listener, {
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  });
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import a CSV, Parquet or JSON-lines file into a contract table / 导入数据文件')
    .requiredOption('--db <path>', 'the Cardwise database file')
    .requiredOption('--table <name>', 'contract table, e.g. transactions')
    .option('--mapping <file>', 'mapping JSON: column names, defaults, delimiter, date formats')
    .option('--format <format>', `${importFormats.join(' | ')} (default: from the file name)`)
    .option('--as-of <date>', 'day the import quality report measures freshness against (default: today)')
    .argument('<file>', 'the file to import')
    .action(async (file: string, o: { db: string; table: string; mapping?: string; format?: string; asOf?: string }) => {
      if (o.format && !importFormats.includes(o.format as ImportFormat)) {
        fail('bad_request', `未知格式 ${o.format}`, `unknown format '${o.format}': one of ${importFormats.join(', ')}`);
      }
      const options = { table: o.table, file, mapping: o.mapping, format: o.format as ImportFormat | undefined, asOf: o.asOf };
      // A missing or unreadable file fails before the database file is opened (or created).
      prepareImport(options);
      const db = await openStore(o.db);
      const bar = lazyProgressBar();
      try {
        const result = await importFile(db, { ...options, progress: bar });
        bar.stop();
        const rejects = result.rowsRejected > 0 ? await listRejects(db, result.id, { limit: shownRejects, offset: 0 }) : { items: [] };
        await printImportResult(result, rejects.items);
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
