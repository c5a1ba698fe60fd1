// Quality reports are kept (not overwritten) so the console can show how a table's quality moves over time.
export const qualityTablesDdl: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS quality_reports (
    id VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL,
    import_id VARCHAR,
    as_of DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    row_count BIGINT NOT NULL,
    score DOUBLE NOT NULL,
    report JSON NOT NULL
  )`,
];
