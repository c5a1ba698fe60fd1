import { fail, type SqlEngine } from '../core';
import type { Database, Queryable } from '../db';
import { profileState } from '../tags';

/** What a rule compiles against: the columns of the current profile and the day it was computed for. */
export interface ProfileInfo {
  readonly columns: ReadonlySet<string>;
  /** YYYY-MM-DD, or null when the profile carries no as-of (a hand-made table). */
  readonly asOf: string | null;
  /** The engine the profile lives in: rules compile to its dialect. */
  readonly engine: SqlEngine;
}

// Column lists per connection, valid while the refresh stamp is unchanged: listing columns from DuckDB's
// catalogue costs a few milliseconds (the most expensive step of a live count), and only a refresh changes it.
const columnCache = new WeakMap<object, { readonly refreshedAt: string; readonly columns: ReadonlySet<string> }>();

/**
 * Reads the profile's shape. The tag refresh swaps in a new table whose columns follow the catalogue and
 * stamps its state; the columns are re-read whenever that stamp changes. A profile without a stamp (written by
 * hand, in tests) is read every time.
 */
export async function loadProfileInfo(db: Database | Queryable): Promise<ProfileInfo> {
  const state = await profileState(db);
  const key = 'connection' in db ? db.connection : db;
  const cached = columnCache.get(key);
  if (state && cached?.refreshedAt === state.refreshedAt) return { columns: cached.columns, asOf: state.asOf, engine: db.engine };
  const rows = await db.all<{ column_name: string }>(
    "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = 'profile'",
  );
  if (rows.length === 0) {
    fail('bad_request', '还没有客户画像：请先运行 cardwise tags refresh', 'there is no profile yet: run `cardwise tags refresh` first');
  }
  const columns = new Set(rows.map((r) => r.column_name));
  if (state) columnCache.set(key, { refreshedAt: state.refreshedAt, columns });
  let asOf = state?.asOf ?? null;
  if (asOf === null && columns.has('as_of')) {
    asOf = (await db.one<{ d: string | null }>('SELECT max(as_of)::DATE AS d FROM profile'))?.d ?? null;
  }
  return { columns, asOf, engine: db.engine };
}

