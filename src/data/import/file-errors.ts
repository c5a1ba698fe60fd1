import { basename } from 'node:path';
import { CardwiseError } from '../../core';

/**
 * The one-line error of a file that cannot be imported at all: it names the file and the problem, e.g.
 * `transactions.csv: missing required column 'account_id'`. The CLI prints it after `cardwise: `.
 */
export function fileError(fileName: string, en: string, zh: string, details?: unknown): CardwiseError {
  return new CardwiseError('file_unreadable', { 'zh-CN': `${fileName}：${zh}`, 'en-US': `${fileName}: ${en}` }, details);
}

export function mappingError(mappingName: string, field: string, en: string, zh: string): CardwiseError {
  return new CardwiseError(
    'mapping_invalid',
    { 'zh-CN': `${mappingName}：${field}：${zh}`, 'en-US': `${mappingName}: ${field}: ${en}` },
    { field },
  );
}

/**
 * DuckDB's reader errors span several lines and repeat the full path; people need the first line with the
 * file's own name. The original stays available under CARDWISE_DEBUG through the error's cause.
 */
export function readerMessage(error: unknown, path: string): string {
  const raw = error instanceof Error ? error.message : String(error);
  const first = raw.split('\n').find((line) => line.trim() !== '') ?? raw;
  const cleaned = first
    .replace(/^[A-Za-z ]*Error: /, '')
    .replaceAll(path, basename(path))
    .trim();
  return cleaned.length > 200 ? `${cleaned.slice(0, 197)}...` : cleaned;
}
