import { quoteIdent, quoteLiteral } from '../../db';
import type { TableSpec } from '../contract/define';
import { fileError, mappingError } from './file-errors';
import type { LoadedMapping } from './mapping';

/** Where one contract column's text comes from: a file column, a default, both (default fills blanks) or neither. */
export interface ResolvedColumn {
  readonly column: string;
  readonly fileColumn?: string | undefined;
  readonly default?: string | undefined;
}

/**
 * Matches contract columns to file columns (mapping first, then same name, ignoring case) and fails on
 * what makes the file unusable: a mapped column the file lacks, or a required column with no source.
 */
export function resolveColumns(
  spec: TableSpec,
  loaded: LoadedMapping,
  fileColumns: readonly string[],
  fileName: string,
  hint: string,
): ResolvedColumn[] {
  const { mapping } = loaded;
  const find = (name: string) =>
    fileColumns.find((c) => c === name) ?? fileColumns.find((c) => c.trim().toLowerCase() === name.toLowerCase());
  const found = fileColumns.join(', ');
  const shown = found.length > 120 ? `${found.slice(0, 117)}...` : found;
  return spec.columns.map((column) => {
    const mapped = mapping.columns[column.name];
    const fileColumn = mapped !== undefined ? find(mapped) : find(column.name);
    if (mapped !== undefined && fileColumn === undefined) {
      throw mappingError(
        loaded.name,
        `columns.${column.name}`,
        `file column '${mapped}' is not in ${fileName} (found: ${shown})${hint}`,
        `${fileName} 中没有列 '${mapped}'（现有：${shown}）`,
      );
    }
    const fallback = mapping.defaults[column.name];
    const value = fallback === undefined ? undefined : String(fallback);
    if (column.required && fileColumn === undefined && value === undefined) {
      throw fileError(
        fileName,
        `missing required column '${column.name}' (found: ${shown})${hint}`,
        `缺少必填列 '${column.name}'（现有：${shown}）`,
      );
    }
    return { column: column.name, fileColumn, default: value };
  });
}

/** The stage view's SELECT: `_row`, then each provided contract column as text; blanks are NULL. */
export function stageSelect(resolved: readonly ResolvedColumn[], rowExpr: string, from: string): string {
  const columns = resolved
    .filter((r) => r.fileColumn !== undefined || r.default !== undefined)
    .map((r) => {
      const text = r.fileColumn !== undefined ? `NULLIF(r.${quoteIdent(r.fileColumn)}, '')` : 'NULL';
      const value = r.default !== undefined ? `coalesce(${text}, ${quoteLiteral(r.default)})` : text;
      return `${value} AS ${quoteIdent(r.column)}`;
    });
  return `SELECT ${rowExpr} AS _row, ${columns.join(', ')} FROM ${from}`;
}
