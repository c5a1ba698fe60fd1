import { DuckDBTypeId, type DuckDBResultReader } from '@duckdb/node-api';

export type SqlValue = string | number | bigint | boolean | null;
/** Positional ($1, $2 …) or named ($name) parameters. Values are always bound, never spliced into SQL. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;
export type Row = Record<string, unknown>;

/**
 * Turns a DuckDB result into plain rows a caller can use and serialise: integers become numbers (counts
 * and ids here stay far below 2^53), DATE becomes 'YYYY-MM-DD' (a calendar day has no time zone),
 * TIMESTAMP stays a Date in UTC, DECIMAL becomes a number.
 */
export function toRows<T = Row>(result: DuckDBResultReader): T[] {
  const names = result.deduplicatedColumnNames();
  const typeIds = result.columnTypes().map((t) => t.typeId);
  const rows = result.getRowsJS();
  return rows.map((values) => {
    const row: Row = {};
    for (let i = 0; i < names.length; i += 1) {
      row[names[i] as string] = convert(values[i], typeIds[i] as DuckDBTypeId);
    }
    return row as T;
  });
}

function convert(value: unknown, typeId: DuckDBTypeId): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeId === DuckDBTypeId.DATE && value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
