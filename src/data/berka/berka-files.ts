import { existsSync } from 'node:fs';
import type { ProgressListener } from '../../core';
import { join } from 'node:path';
import { quoteIdent, type Queryable } from '../../db';
import { readerMessage, fileError } from '../import/file-errors';

/** The Berka files the mapping reads (order.asc, standing orders, has no place in the contract). */
export const berkaFiles = ['district', 'client', 'account', 'disp', 'card', 'loan', 'trans'] as const;
export type BerkaFile = (typeof berkaFiles)[number];

/** Temp table holding one .asc file, with `_row` = its row number (header = row 1). */
export function berkaTable(file: BerkaFile, suffix: string): string {
  return `bk_${suffix}_${file}`;
}

export function berkaPath(dir: string, file: BerkaFile): string {
  return join(dir, `${file}.asc`);
}

/**
 * Loads every Berka file into a temp table of text columns. The files are ';'-separated with quoted
 * strings and CRLF line ends (SOURCE.md); DuckDB's reader streams them. A file that is missing or does not
 * parse stops the whole Berka import before anything is written.
 */
export async function loadBerkaFiles(
  session: Queryable,
  dir: string,
  suffix: string,
  progress: ProgressListener,
): Promise<Record<BerkaFile, number>> {
  const counts = {} as Record<BerkaFile, number>;
  for (const [index, file] of berkaFiles.entries()) {
    progress({ phase: 'berka files', done: index, total: berkaFiles.length, detail: `${file}.asc` });
    const path = berkaPath(dir, file);
    const name = `${file}.asc`;
    if (!existsSync(path)) throw fileError(name, `file not found in ${dir}`, `在 ${dir} 中找不到文件`);
    const raw = quoteIdent(`${berkaTable(file, suffix)}_raw`);
    try {
      await session.run(
        `CREATE TEMP TABLE ${raw} AS SELECT * FROM read_csv($path, delim = ';', quote = '"', header = true, all_varchar = true)`,
        { path },
      );
    } catch (error) {
      throw fileError(name, `cannot be read (${readerMessage(error, path)})`, `无法读取（${readerMessage(error, path)}）`);
    }
    // Row numbers as a spreadsheet shows them: the header is row 1. rowid keeps file order (insertion order).
    await session.run(`CREATE TEMP VIEW ${quoteIdent(berkaTable(file, suffix))} AS SELECT rowid + 2 AS _row, * FROM ${raw}`);
    const row = await session.one<{ n: number }>(`SELECT count(*) AS n FROM ${raw}`);
    counts[file] = row?.n ?? 0;
  }
  progress({ phase: 'berka files', done: berkaFiles.length, total: berkaFiles.length, detail: 'loaded' });
  return counts;
}

export async function dropBerkaFiles(session: Queryable, suffix: string): Promise<void> {
  for (const file of berkaFiles) {
    await session.run(`DROP VIEW IF EXISTS temp.main.${quoteIdent(berkaTable(file, suffix))}`).catch(() => undefined);
    await session.run(`DROP TABLE IF EXISTS temp.main.${quoteIdent(`${berkaTable(file, suffix)}_raw`)}`).catch(() => undefined);
  }
}
