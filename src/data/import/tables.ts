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
