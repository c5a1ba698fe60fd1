import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';
import type { Database } from './database';
import { toRows, type Row, type SqlParams } from './rows';

// Prepared statements kept per connection, for hot point reads (the 360° view runs about ten small queries;
// preparing one again each time (parse, bind, plan) cost ~30% of its CPU in measurements). A statement is
// keyed by its SQL text, so only queries with a fixed text come here (an IN list varies with its length: a
// handful of texts). The connection destroys its statements when it closes. When the catalogue changes under
// a statement (the tag capability swaps `profile` on every refresh), DuckDB rebinds it; if that fails, the
// statement is prepared afresh once.

const cache = new WeakMap<DuckDBConnection, Map<string, Promise<DuckDBPreparedStatement>>>();

function statements(connection: DuckDBConnection): Map<string, Promise<DuckDBPreparedStatement>> {
  let map = cache.get(connection);
  if (!map) {
    map = new Map();
    cache.set(connection, map);
  }
  return map;
}

async function run<T>(connection: DuckDBConnection, sql: string, params: SqlParams): Promise<T[]> {
  const map = statements(connection);
  let pending = map.get(sql);
  if (!pending) {
    pending = connection.prepare(sql);
    map.set(sql, pending);
    pending.catch(() => map.delete(sql));
  }
  const statement = await pending;
  statement.bind(params as never);
  return toRows<T>(await statement.runAndReadAll());
}

/** Like `db.all`, through a statement prepared once per connection. */
export function preparedAll<T = Row>(db: Database, sql: string, params: SqlParams): Promise<T[]> {
  return db.withConnection(async ({ connection }) => {
    try {
      return await run<T>(connection, sql, params);
    } catch {
      statements(connection).delete(sql);
      return run<T>(connection, sql, params);
    }
  });
}

export async function preparedOne<T = Row>(db: Database, sql: string, params: SqlParams): Promise<T | undefined> {
  return (await preparedAll<T>(db, sql, params))[0];
}
