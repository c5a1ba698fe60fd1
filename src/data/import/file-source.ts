import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileError } from './file-errors';
import type { ImportFormat } from './schema';

export interface SourceFile {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly format: ImportFormat;
}

const byExtension: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  asc: 'csv',
  parquet: 'parquet',
  pq: 'parquet',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
};

/** The file's format from `--format` or its extension (a trailing .gz is read through by DuckDB). */
export function formatOf(path: string, override?: ImportFormat): ImportFormat | undefined {
  if (override) return override;
  const parts = basename(path).toLowerCase().split('.');
  if (parts.at(-1) === 'gz') parts.pop();
  return parts.length > 1 ? byExtension[parts.at(-1) ?? ''] : undefined;
}

/** Checks the file can be opened at all, before DuckDB sees it: missing, a folder, empty, or binary posing as text. */
export function inspectFile(path: string, override?: ImportFormat): SourceFile {
  const name = basename(path);
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw fileError(name, 'file not found', '文件不存在');
  }
  if (stats.isDirectory()) throw fileError(name, 'is a folder, not a file', '是文件夹，不是文件');
  if (stats.size === 0) throw fileError(name, 'file is empty', '文件为空');
  const format = formatOf(path, override);
  if (!format) {
    throw fileError(
      name,
      'unknown file type: name it .csv, .parquet or .jsonl, or pass --format',
      '无法识别文件类型：请使用 .csv、.parquet 或 .jsonl 扩展名，或指定 --format',
    );
  }
  if (format !== 'parquet' && !path.toLowerCase().endsWith('.gz')) rejectBinary(path, name, format);
  return { path, name, bytes: stats.size, format };
}

// DuckDB's CSV sniffer happily reads a Parquet or zip file as one garbled column; a look at the first
// bytes gives people the real reason instead.
function rejectBinary(path: string, name: string, format: ImportFormat): void {
  const head = Buffer.alloc(4096);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1') {
    throw fileError(name, 'is a Parquet file, not a CSV: use --format parquet', '是 Parquet 文件而不是 CSV：请使用 --format parquet');
  }
  if (bytes.includes(0)) {
    const what = format === 'csv' ? 'a CSV' : 'JSON lines';
    throw fileError(name, `not ${what} file (binary content)`, `不是${format === 'csv' ? ' CSV' : ' JSON lines'} 文本文件（含二进制内容）`);
  }
}

/** sha256 of the file, streamed: an import never holds the whole file in memory. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
