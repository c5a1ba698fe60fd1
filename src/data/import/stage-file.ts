import { quoteIdent, quoteLiteral, type Queryable } from '../../db';
import type { TableSpec } from '../contract/define';
import { fileError, readerMessage } from './file-errors';
import type { SourceFile } from './file-source';
import type { LoadedMapping } from './mapping';
import { rejectReasons, reasonSql } from './reject-reasons';
import { resolveColumns, stageSelect } from './resolve-columns';
import type { Stage, TempNames } from './stage';

/** The reader of one file as a DuckDB table function; the path is a bound parameter ($path). */
function reader(file: SourceFile, mapping: LoadedMapping, extra = ''): string {
  switch (file.format) {
    case 'csv': {
      const delimiter = mapping.mapping.delimiter ?? (file.name.toLowerCase().includes('.tsv') ? '\t' : ',');
      const quote = mapping.mapping.quote ?? '"';
      // Explicit delimiter, never sniffed: a guessed one silently splits a file wrongly when values contain
      // it; a wrong one fails loudly below with a hint.
      return `read_csv($path, all_varchar = true, header = true, delim = ${quoteLiteral(delimiter)}, quote = ${quoteLiteral(quote)}${extra})`;
    }
    case 'parquet':
      return `read_parquet($path${extra})`;
    case 'jsonl':
      return `read_json($path, format = 'newline_delimited'${extra})`;
  }
}

interface FileColumn {
  readonly name: string;
  readonly type: string;
}

async function describe(session: Queryable, file: SourceFile, mapping: LoadedMapping, names: TempNames): Promise<FileColumn[]> {
  // With rejects stored, the CSV sniffer reads the header even when some records have the wrong field count.
  const tolerant =
    file.format === 'csv'
      ? `, store_rejects = true, rejects_table = ${quoteLiteral(names.sniffErrors)}, rejects_scan = ${quoteLiteral(names.sniffScans)}`
      : '';
  try {
    const rows = await session.all<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM ${reader(file, mapping, tolerant)}`,
      { path: file.path },
    );
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
  } catch (error) {
    const what = { csv: 'a readable CSV file', parquet: 'a readable Parquet file', jsonl: 'readable JSON lines' }[file.format];
    throw fileError(file.name, `not ${what} (${readerMessage(error, file.path)})`, `无法读取（${readerMessage(error, file.path)}）`);
  }
}

/** When a CSV reads as a single column, DuckDB's sniffer usually knows the delimiter people meant. */
async function delimiterHint(session: Queryable, file: SourceFile, columns: FileColumn[]): Promise<string> {
  if (file.format !== 'csv' || columns.length !== 1) return '';
  try {
    const sniffed = await session.one<{ Delimiter: string }>('SELECT Delimiter FROM sniff_csv($path)', { path: file.path });
    const shown = sniffed?.Delimiter === '\t' ? '\\t' : sniffed?.Delimiter;
    return shown ? ` — is the delimiter '${shown}'? set "delimiter" in a --mapping file` : '';
  } catch {
    return '';
  }
}

/** Text of a file column: nested values as JSON, scalars in DuckDB's canonical text form. */
function asText(column: FileColumn): string {
  const name = quoteIdent(column.name);
  if (column.type === 'VARCHAR') return name;
  if (/^(STRUCT|MAP|UNION)\(|\[\]$|^JSON$/.test(column.type)) return `to_json(${name})::VARCHAR`;
  return `CAST(${name} AS VARCHAR)`;
}

/**
 * Loads a file into a temporary table (streamed by DuckDB's reader; JavaScript never holds the rows), numbers
 * its rows as people count them, and returns a stage view with one text column per contract column.
 *
 * Row numbers: CSV — the header is row 1, the first record row 2; a quoted value spanning lines is one row.
 * JSON lines — line 1 is row 1. Parquet — the first row is row 1.
 */
export async function stageFile(
  session: Queryable,
  spec: TableSpec,
  file: SourceFile,
  mapping: LoadedMapping,
  names: TempNames,
  run: (sql: string, params: Record<string, string>) => Promise<void>,
): Promise<Stage> {
  const columns = await describe(session, file, mapping, names);
  const resolved = resolveColumns(spec, mapping, columns.map((c) => c.name), file.name, await delimiterHint(session, file, columns));
  const used = [...new Set(resolved.flatMap((r) => (r.fileColumn ? [r.fileColumn] : [])))];
  const byName = new Map(columns.map((c) => [c.name, c]));
  const projection = used.map((n) => `${asText(byName.get(n) as FileColumn)} AS ${quoteIdent(n)}`);
  const params = { path: file.path };
  let rowExpr = 'rowid + 1';
  let malformedCount = 0;
  try {
    if (file.format === 'csv') {
      const rejects = `, store_rejects = true, rejects_table = ${quoteLiteral(names.csvErrors)}, rejects_scan = ${quoteLiteral(names.csvScans)}`;
      await run(`CREATE TEMP TABLE ${quoteIdent(names.raw)} AS SELECT ${projection.join(', ') || '1 AS _none'} FROM ${reader(file, mapping, rejects)}`, params);
      malformedCount = await numberCsvRows(session, names);
      rowExpr = malformedCount > 0 ? `r.rowid + 2 + coalesce(g.skipped, 0)` : 'r.rowid + 2';
    } else if (file.format === 'parquet') {
      await run(`CREATE TEMP TABLE ${quoteIdent(names.raw)} AS SELECT file_row_number + 1 AS _file_row, ${projection.join(', ') || '1 AS _none'} FROM ${reader(file, mapping, ', file_row_number = true')}`, params);
      rowExpr = 'r._file_row';
    } else {
      // Every value read as text so that typing is the contract's, not the reader's guess: declared VARCHAR,
      // a string comes without quotes, a number as written, an object or array as its JSON text.
      const declared = columns.map((c) => `${quoteLiteral(c.name)}: 'VARCHAR'`);
      const text = used.map((n) => `CAST(${quoteIdent(n)} AS VARCHAR) AS ${quoteIdent(n)}`);
      await run(`CREATE TEMP TABLE ${quoteIdent(names.raw)} AS SELECT ${text.join(', ') || '1 AS _none'} FROM ${reader(file, mapping, `, columns = {${declared.join(', ')}}`)}`, params);
    }
  } catch (error) {
    throw fileError(file.name, `cannot be read (${readerMessage(error, file.path)})`, `无法读取（${readerMessage(error, file.path)}）`);
  }
  const from = malformedCount > 0
    ? `${quoteIdent(names.raw)} r ASOF LEFT JOIN ${quoteIdent(names.gaps)} g ON r.rowid >= g.good_before`
    : `${quoteIdent(names.raw)} r`;
  await session.run(`CREATE TEMP VIEW ${quoteIdent(names.stage)} AS ${stageSelect(resolved, rowExpr, from)}`);
  const read = await session.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(names.raw)}`);
  return {
    relation: names.stage,
    columns: resolved.filter((r) => r.fileColumn || r.default !== undefined).map((r) => r.column),
    rows: (read?.n ?? 0) + malformedCount,
    malformed: malformedCount > 0 ? names.malformed : undefined,
    ignoredColumns: columns.map((c) => c.name).filter((n) => !used.includes(n)),
    release: async () => {
      await session.run(`DROP VIEW IF EXISTS temp.main.${quoteIdent(names.stage)}`);
      await session.run(`DROP TABLE IF EXISTS temp.main.${quoteIdent(names.raw)}`);
    },
  };
}

const fieldCountMessage = 'Expected Number of Columns: ([0-9]+) Found: ([0-9]+)';

/**
 * DuckDB sets aside CSV records it cannot split (wrong number of fields) with their record number, and the
 * good rows keep file order. A good row's number is then its position plus the set-aside records before it:
 * `gaps` holds, per set-aside record, how many good rows precede it and how many were set aside so far.
 */
async function numberCsvRows(session: Queryable, names: TempNames): Promise<number> {
  const errors = quoteIdent(names.csvErrors);
  // DuckDB's message, e.g. 'Expected Number of Columns: 5 Found: 6', read back as a sentence in both languages.
  const counts = `regexp_extract(message, ${quoteLiteral(fieldCountMessage)}, ['expected', 'found'])`;
  const wrongCount = reasonSql(rejectReasons.wrongFieldCount, { expected: `${counts}.expected`, found: `${counts}.found` });
  const other = reasonSql(rejectReasons.malformed, { detail: 'message' });
  const matches = `regexp_matches(message, ${quoteLiteral(fieldCountMessage)})`;
  await session.run(`CREATE TEMP TABLE ${quoteIdent(names.malformed)} AS
    SELECT _row, NULL::VARCHAR AS field, 'malformed' AS rule,
           CASE WHEN ${matches} THEN ${wrongCount.en} ELSE ${other.en} END AS reason,
           CASE WHEN ${matches} THEN ${wrongCount.zh} ELSE ${other.zh} END AS reason_zh, value
    FROM (SELECT line::BIGINT AS _row, arg_min(error_message, column_idx) AS message,
                 left(arg_min(csv_line, column_idx), 200) AS value
          FROM ${errors} GROUP BY line)`);
  const count = await session.one<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(names.malformed)}`);
  const n = count?.n ?? 0;
  if (n > 0) {
    await session.run(`CREATE TEMP TABLE ${quoteIdent(names.gaps)} AS
      SELECT max(good_before) AS good_before, max(skipped) AS skipped FROM (
        SELECT _row - 1 - row_number() OVER (ORDER BY _row) AS good_before, row_number() OVER (ORDER BY _row) AS skipped
        FROM ${quoteIdent(names.malformed)}) GROUP BY good_before`);
  }
  return n;
}
