import { fail } from '../core';
import type { Database, Queryable } from '../db';
import { profileState } from '../tags';

/** What a rule compiles against: the columns of the current profile and the day it was computed for. */
export interface ProfileInfo {
  readonly columns: ReadonlySet<string>;
  /** YYYY-MM-DD, or null when the profile carries no as-of (a hand-made table). */
  readonly asOf: string | null;
}

/**
 * Reads the profile's shape. The tag refresh swaps in a new table whose columns follow the catalogue, so this
 * is read per request rather than cached: a cache would need the refresh to tell it, and costs ~1 ms anyway.
 */
export async function loadProfileInfo(db: Database | Queryable): Promise<ProfileInfo> {
  const rows = await db.all<{ column_name: string }>(
    "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = 'profile'",
  );
  if (rows.length === 0) {
    fail('bad_request', '还没有客户画像：请先运行 cardwise tags refresh', 'there is no profile yet: run `cardwise tags refresh` first');
  }
  const columns = new Set(rows.map((r) => r.column_name));
  const state = await profileState(db);
  let asOf = state?.asOf ?? null;
  if (asOf === null && columns.has('as_of')) {
    asOf = (await db.one<{ d: string | null }>('SELECT max(as_of)::DATE AS d FROM profile'))?.d ?? null;
  }
  return { columns, asOf };
}

/** Customers in the profile: the denominator of every share. DuckDB answers it from table metadata. */
export async function profileSize(db: Database | Queryable): Promise<number> {
  return (await db.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM profile'))?.n ?? 0;
}
