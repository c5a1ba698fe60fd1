import type { Dialect } from './dialect';
import { clickhouseDialect } from './dialect-clickhouse';
import { duckdbDialect } from './dialect-duckdb';
import { postgresDialect } from './dialect-postgres';

// The SQL engines a store can run on, each with the dialect rules compile to. A caller asks for the dialect of
// the store it queries (`dialectFor(db.engine)`), never names one: a store on another engine then compiles its
// rules in that engine's SQL without any caller changing.
const dialects = { duckdb: duckdbDialect, postgres: postgresDialect, clickhouse: clickhouseDialect } as const;

export type SqlEngine = keyof typeof dialects;

export function dialectFor(engine: SqlEngine): Dialect {
  return dialects[engine];
}
