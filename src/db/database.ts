import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { translateOpenError } from './lock-error';
import { toRows, type Row, type SqlParams } from './rows';
import { defaultQueryTimeLimitMs, TimeLimitedSession } from './time-limit';

/** What a query needs: one connection's worth of work. A transaction hands the same interface to its body. */
export interface Queryable {
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /** The SQL engine underneath, so that compiled expressions use its dialect (core's `dialectFor`). */
  readonly engine: 'duckdb';
  /** The raw connection, for appenders, streaming and progress. Do not keep it past the callback. */
  readonly connection: DuckDBConnection;
}

export interface OpenOptions {
  /** Connections in the pool: queries run concurrently up to this many. */
  connections?: number;
  threads?: number;
  memoryLimit?: string;
}

class ConnectionSession implements Queryable {
  readonly engine = 'duckdb';
  constructor(readonly connection: DuckDBConnection) {}

  async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const result = await this.connection.runAndReadAll(sql, params as never);
    return toRows<T>(result);
  }

  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params as never);
  }
}

/** Whether a table of this name exists in the database (work tables a refresh keeps between runs). */
export async function tableExists(session: Pick<Queryable, 'one'>, table: string): Promise<boolean> {
  return (
    ((
      await session.one<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1', [
        table,
      ])
    )?.n ?? 0) > 0
  );
}

/**
 * All-or-nothing on a session already held (a refresh's connection): the body's writes land together or
 * not at all.
 */
export async function inTransaction<T>(session: Queryable, work: () => Promise<T>): Promise<T> {
  await session.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await session.run('COMMIT');
    return result;
  } catch (error) {
    await session.run('ROLLBACK');
    throw error;
  }
}

/**
 * One DuckDB file opened by this process, with a small pool of connections. DuckDB runs each connection's
 * queries one at a time, so the pool lets the API answer a count while a refresh runs on another.
 */
export class Database implements Omit<Queryable, 'connection'> {
  readonly engine = 'duckdb';
  private readonly idle: ConnectionSession[] = [];
  private readonly waiting: Array<(session: ConnectionSession) => void> = [];
  private closed = false;
  /** How long `withTimeLimit` work may run, in ms (0: no limit). The server sets it at startup. */
  queryTimeLimitMs = defaultQueryTimeLimitMs;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    sessions: ConnectionSession[],
  ) {
    this.idle.push(...sessions);
  }

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const config: Record<string, string> = {};
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (error) {
      throw translateOpenError(path, error);
    }
    const sessions: ConnectionSession[] = [];
    for (let i = 0; i < (options.connections ?? 4); i += 1) {
      sessions.push(new ConnectionSession(await instance.connect()));
    }
    return new Database(path, instance, sessions);
  }

  /** Runs `work` on a connection of its own, returned to the pool afterwards. */
  async withConnection<T>(work: (session: Queryable) => Promise<T>): Promise<T> {
    const session = await this.acquire();
    try {
      return await work(session);
    } finally {
      this.release(session);
    }
  }

  /**
   * Runs interactive, read-only work (a preview, a live count) on a connection of its own, interrupted when
   * `limitMs` passes: the work then fails with `query_timeout` (src/db/time-limit.ts). An interrupted
   * connection goes back to the pool only as a fresh one: whatever the work left on it (an aborted
   * transaction, temp tables, settings) is dropped with the old one, so the next caller inherits nothing.
   */
  async withTimeLimit<T>(work: (session: Queryable) => Promise<T>, limitMs = this.queryTimeLimitMs): Promise<T> {
    let session = await this.acquire();
    const limited = new TimeLimitedSession(session, limitMs);
    try {
      return await work(limited);
    } finally {
      limited.stop();
      if (limited.timedOut && !this.closed) session = await this.renew(session);
      this.release(session);
    }
  }

  /** All-or-nothing: the body's writes land together or not at all. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.withConnection((session) => inTransaction(session, () => work(session)));
  }

  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.withConnection((s) => s.all<T>(sql, params));
  }

  one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.withConnection((s) => s.one<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    return this.withConnection((s) => s.run(sql, params));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const session of this.idle.splice(0)) session.connection.closeSync();
    this.instance.closeSync();
  }

  private acquire(): Promise<ConnectionSession> {
    if (this.closed) return Promise.reject(new Error(`database ${this.path} is closed`));
    const session = this.idle.pop();
    if (session) return Promise.resolve(session);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private async renew(session: ConnectionSession): Promise<ConnectionSession> {
    try {
      const fresh = new ConnectionSession(await this.instance.connect());
      session.connection.closeSync();
      return fresh;
    } catch {
      // An interrupted connection still answers (DuckDB resets its interrupt): better than a pool one short.
      return session;
    }
  }

  private release(session: ConnectionSession): void {
    const next = this.waiting.shift();
    if (next) next(session);
    else if (this.closed) session.connection.closeSync();
    else this.idle.push(session);
  }
}
