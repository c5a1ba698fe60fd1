import type { Queryable } from '../../db';

// The portfolio's as-of date: the Shanghai calendar day of the latest transaction. Every window (the
// dashboard's, the tags', the 360° view's) ends there, never at the wall clock, so the same data gives the same
// figures on any day. Import refuses rows dated in the future (`notFuture`), so one bad row cannot move it.
// DuckDB answers max(ts) from the column statistics: under a millisecond even over 100M rows.

/** The as-of date as a scalar subquery: a DATE, NULL before any transaction is loaded. */
export const portfolioAsOfSql = '(SELECT CAST(max(ts) + INTERVAL 8 HOUR AS DATE) FROM transactions)';

/** The as-of date as 'YYYY-MM-DD', or null before any transaction is loaded. */
export async function portfolioAsOf(db: Pick<Queryable, 'one'>): Promise<string | null> {
  return (await db.one<{ as_of: string | null }>(`SELECT ${portfolioAsOfSql} AS as_of`))?.as_of ?? null;
}
