import { translateReasonSql } from './reject-reasons';

// The import log and its rejected rows. An import that cannot read its file writes neither (see README).
export const importTablesDdl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS imports (
    id VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    file_sha256 VARCHAR NOT NULL,
    file_bytes BIGINT NOT NULL,
    format VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    -- sha256 of the canonical mapping JSON ('' without a mapping): the same file read another way is another import.
    mapping_sha256 VARCHAR NOT NULL,
    mapping JSON,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP NOT NULL,
    rows_read BIGINT NOT NULL,
    rows_imported BIGINT NOT NULL,
    rows_unchanged BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    -- Order-independent digest of the reject entries, so a re-import can tell that nothing at all changed.
    rejects_digest VARCHAR NOT NULL,
    status VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS import_rejects (
    import_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    field VARCHAR,
    rule VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    value VARCHAR
  )`,
];

/**
 * Rejects get their reason in Chinese too (`reason` stays the English one). Rows written before are given
 * theirs by reading the English sentence back through the reason templates; one no template matches keeps
 * the English text rather than nothing. The table is rebuilt because DuckDB cannot make a column NOT NULL
 * in the transaction that filled it.
 */
export const rejectReasonZhDdl: readonly string[] = [
  `CREATE TABLE import_rejects_v2 (
    import_id VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    row_number BIGINT NOT NULL,
    field VARCHAR,
    rule VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    reason_zh VARCHAR NOT NULL,
    value VARCHAR
  )`,
  `INSERT INTO import_rejects_v2
   SELECT import_id, file_name, row_number, field, rule, reason, ${translateReasonSql('reason')}, value FROM import_rejects`,
  'DROP TABLE import_rejects',
  'ALTER TABLE import_rejects_v2 RENAME TO import_rejects',
];
