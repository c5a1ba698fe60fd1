import { CardwiseError } from '../core';
import type { Queryable } from './database';
import type { Row, SqlParams } from './rows';

// Interactive queries (a tag's preview, a segment's live count) run what an operator typed, over up to 100M
// transactions, inside an HTTP request. One of them must not hold a pooled connection and the database's
// threads for minutes, so each runs under a time limit that DuckDB's own interrupt enforces.

/**
 * A live count takes 12–16 ms at 1M customers; ten seconds leaves a preview's pass over the transactions
 * room, and past it one operator's rule has held the database longer than a console request should.
 */
export const defaultQueryTimeLimitMs = 10_000;

/** Node's timers hold at most 2^31 − 1 ms (a longer delay fires at once). */
const longestLimitMs = 2_147_483_647;

/** The error of work stopped at its limit: what happened, the limit, and what to change. */
export function queryTimedOut(limitMs: number, cause?: unknown): CardwiseError {
  const seconds = Number((limitMs / 1000).toFixed(3));
  return new CardwiseError(
    'query_timeout',
    {
      'zh-CN': `查询超过 ${seconds} 秒的时间限制，已中止：请缩小规则或标签定义的范围（更短的时间窗口、更少的条件或更窄的筛选）后重试。`,
      'en-US': `the query ran past its time limit of ${seconds} s and was stopped: narrow the rule or tag definition (a shorter window, fewer conditions or a tighter filter) and try again.`,
    },
    { limitMs },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The limit from a setting such as CARDWISE_QUERY_TIME_LIMIT_MS: whole milliseconds, 0 for none, unset for
 * the default. Anything else is refused at startup rather than read as "no limit".
 */
export function parseQueryTimeLimit(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return defaultQueryTimeLimitMs;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > longestLimitMs) {
    throw new Error(
      `CARDWISE_QUERY_TIME_LIMIT_MS: not a number of milliseconds (0 to ${longestLimitMs}): ${value}`,
    );
  }
  return ms;
}

/**
 * A session whose statements stop with `query_timeout` once `limitMs` has passed since it was made (0: no
 * limit). The running statement is interrupted; one started afterwards is refused before it reaches DuckDB,
 * because an interrupt that arrives between two statements is not remembered by the connection.
 */
export class TimeLimitedSession implements Queryable {
  readonly engine = 'duckdb';
  private expired = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly session: Queryable,
    private readonly limitMs: number,
  ) {
    if (limitMs > 0) {
      this.timer = setTimeout(() => {
        this.expired = true;
        session.connection.interrupt();
      }, limitMs);
    }
  }

  /** The raw connection: a statement run on it directly is interrupted too, but not refused after the limit. */
  get connection(): Queryable['connection'] {
    return this.session.connection;
  }

  /** Whether the limit passed (and the connection was interrupted). */
  get timedOut(): boolean {
    return this.expired;
  }

  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.guard(() => this.session.all<T>(sql, params));
  }

  one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.guard(() => this.session.one<T>(sql, params));
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    return this.guard(() => this.session.run(sql, params));
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private async guard<T>(statement: () => Promise<T>): Promise<T> {
    if (this.expired) throw queryTimedOut(this.limitMs);
    try {
      return await statement();
    } catch (error) {
      // DuckDB reports only "INTERRUPT Error: Interrupted!"; ours says which limit and what to do.
      throw this.expired ? queryTimedOut(this.limitMs, error) : error;
    }
  }
}
