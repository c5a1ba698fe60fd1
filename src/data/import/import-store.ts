import { quoteIdent, type Queryable } from '../../db';

/** Any connection, pool or transaction: these functions run single statements. */
type Sql = Omit<Queryable, 'connection'>;
import type { ImportReject, ImportSummary, RejectRule } from './schema';

// The SQL of the import log: writing an import's record and rejects, and reading them for the CLI and the
// console. Routes and commands call these; they hold no SQL of their own.

export interface ImportRecord extends ImportSummary {
  readonly mappingSha256: string;
  readonly mapping: string | null;
  readonly rejectsDigest: string;
}

const summaryColumns = `id, table_name AS "table", file_name AS "fileName", file_sha256 AS "fileSha256",
  file_bytes AS "fileBytes", format, source, strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "startedAt",
  strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "finishedAt", rows_read AS "rowsRead",
  rows_imported AS "rowsImported", rows_unchanged AS "rowsUnchanged", rows_rejected AS "rowsRejected", status`;

export async function insertImport(tx: Sql, record: ImportRecord): Promise<void> {
  await tx.run(
    `INSERT INTO imports (id, table_name, file_name, file_sha256, file_bytes, format, source, mapping_sha256, mapping,
       started_at, finished_at, rows_read, rows_imported, rows_unchanged, rows_rejected, rejects_digest, status)
     VALUES ($id, $table, $fileName, $sha, $bytes, $format, $source, $mappingSha, $mapping,
       $startedAt::TIMESTAMP, $finishedAt::TIMESTAMP, $read, $imported, $unchanged, $rejected, $digest, $status)`,
    {
      id: record.id,
      table: record.table,
      fileName: record.fileName,
      sha: record.fileSha256,
      bytes: record.fileBytes,
      format: record.format,
      source: record.source,
      mappingSha: record.mappingSha256,
      mapping: record.mapping,
      startedAt: record.startedAt.replace('T', ' ').replace('Z', ''),
      finishedAt: record.finishedAt.replace('T', ' ').replace('Z', ''),
      read: record.rowsRead,
      imported: record.rowsImported,
      unchanged: record.rowsUnchanged,
      rejected: record.rowsRejected,
      digest: record.rejectsDigest,
      status: record.status,
    },
  );
}

/** Copies an import's problems (a temp table of the same connection) into import_rejects. */
export async function insertRejects(tx: Sql, importId: string, fileName: string, problemsTable: string): Promise<void> {
  await tx.run(
    `INSERT INTO import_rejects (import_id, file_name, row_number, field, rule, reason, reason_zh, value)
     SELECT $id, $file, _row, field, rule, reason, reason_zh, value FROM ${quoteIdent(problemsTable)} ORDER BY _row, field, rule`,
    { id: importId, file: fileName },
  );
}

/**
 * The latest completed import of the same bytes into the same table, read the same way: a re-import whose
 * outcome matches it changes nothing and is not recorded again.
 */
export async function findSameImport(
  session: Sql,
  table: string,
  sha256: string,
  mappingSha256: string,
): Promise<ImportRecord | undefined> {
  return session.one<ImportRecord>(
    `SELECT ${summaryColumns}, mapping_sha256 AS "mappingSha256", mapping::VARCHAR AS mapping, rejects_digest AS "rejectsDigest"
     FROM imports WHERE table_name = $table AND file_sha256 = $sha AND mapping_sha256 = $mapping AND status = 'completed'
     ORDER BY finished_at DESC LIMIT 1`,
    { table, sha: sha256, mapping: mappingSha256 },
  );
}

export async function listImports(
  session: Sql,
  options: { table?: string | undefined; limit: number; offset: number },
): Promise<{ items: ImportSummary[]; total: number }> {
  const params = { table: options.table ?? null, limit: options.limit, offset: options.offset };
  const where = 'WHERE ($table IS NULL OR table_name = $table)';
  const items = await session.all<ImportSummary>(
    `SELECT ${summaryColumns} FROM imports ${where} ORDER BY started_at DESC, id LIMIT $limit OFFSET $offset`,
    params,
  );
  const total = await session.one<{ n: number }>(`SELECT count(*) AS n FROM imports ${where}`, { table: params.table });
  return { items, total: total?.n ?? 0 };
}

export async function getImport(session: Sql, id: string): Promise<ImportSummary | undefined> {
  return session.one<ImportSummary>(`SELECT ${summaryColumns} FROM imports WHERE id = $id`, { id });
}

export async function listRejects(
  session: Sql,
  importId: string,
  options: { rule?: RejectRule | undefined; limit: number; offset: number },
): Promise<{ items: ImportReject[]; total: number }> {
  const params = { id: importId, rule: options.rule ?? null };
  const where = 'WHERE import_id = $id AND ($rule IS NULL OR rule = $rule)';
  const items = await session.all<ImportReject>(
    `SELECT row_number AS "rowNumber", field, rule, {'zh-CN': reason_zh, 'en-US': reason} AS reason, value FROM import_rejects ${where}
     ORDER BY row_number, field, rule LIMIT $limit OFFSET $offset`,
    { ...params, limit: options.limit, offset: options.offset },
  );
  const total = await session.one<{ n: number }>(`SELECT count(*) AS n FROM import_rejects ${where}`, params);
  return { items, total: total?.n ?? 0 };
}

/** Rejected rows per rule and field; a row with two problems counts under both. */
export async function countRejects(
  session: Sql,
  importId: string,
): Promise<Array<{ rule: RejectRule; field: string | null; rows: number }>> {
  return session.all(
    `SELECT rule, field, count(DISTINCT row_number) AS rows FROM import_rejects WHERE import_id = $id
     GROUP BY rule, field ORDER BY rows DESC, rule, field`,
    { id: importId },
  );
}
