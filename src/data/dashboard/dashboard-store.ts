import { addDays, daysBetween, fromShanghai } from '../../core';
import { quoteIdent, type Queryable } from '../../db';
import { portfolioAsOf } from '../contract/as-of';
import { contractTables } from '../contract/tables';
import {
  dashboardMonths,
  type AccountFlow,
  type CategoryWindow,
  type DashboardKpis,
  type Freshness,
  type SpendByCategory,
  type SpendTrend,
} from './schema';

// The portfolio dashboard's SQL. Every window ends at the as-of date (the Shanghai day of the latest
// transaction) so that a file reads the same tomorrow as today. Spend is net: refunds are negative amounts and
// cancel the purchases they refund. Timestamps are UTC; a Shanghai day or month is ts + 8 hours (fixed offset).

type Reader = Pick<Queryable, 'all' | 'one'>;

const windowDays: Record<CategoryWindow, number> = { '30d': 30, '90d': 90, '365d': 365 };

/** UTC instant (as a TIMESTAMP literal DuckDB casts exactly) at which a Shanghai day begins. */
function dayStart(day: string): string {
  return fromShanghai(day).toISOString().replace('T', ' ').replace('Z', '');
}

/** The `count` calendar months ending with the month of `asOf`, oldest first: ['2024-07', …, '2025-12']. */
export function monthsEnding(asOf: string, count: number): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return months;
}

function isLastDayOfMonth(day: string): boolean {
  return addDays(day, 1).slice(8, 10) === '01';
}

export async function dashboardKpis(db: Reader): Promise<DashboardKpis> {
  const asOf = await portfolioAsOf(db);
  const customers = (await db.one<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
  if (asOf === null) {
    return { asOf, customers, openCards: 0, activeCards: 0, activeRate: 0, spend30d: 0, spendPrev30d: 0, txnCount30d: 0 };
  }
  const bounds = {
    as_of: asOf,
    end: dayStart(addDays(asOf, 1)),
    from30: dayStart(addDays(asOf, -29)),
    from60: dayStart(addDays(asOf, -59)),
  };
  // An account closed without a closing date still counts as closed; otherwise the date decides.
  const cards = await db.one<{ open_cards: number; active_cards: number }>(
    `WITH open_accounts AS (
       SELECT account_id FROM accounts
       WHERE opened_at <= CAST($as_of AS DATE)
         AND coalesce(closed_at > CAST($as_of AS DATE), status <> 'closed')
     ),
     buyers AS (
       SELECT DISTINCT account_id FROM transactions
       WHERE ts >= CAST($from30 AS TIMESTAMP) AND ts < CAST($end AS TIMESTAMP) AND amount > 0
     )
     SELECT count(*) AS open_cards, count(b.account_id) AS active_cards
     FROM open_accounts o LEFT JOIN buyers b USING (account_id)`,
    { as_of: bounds.as_of, end: bounds.end, from30: bounds.from30 },
  );
  const spend = await db.one<{ spend30: number | null; spend_prev: number | null; txns30: number }>(
    `SELECT sum(CASE WHEN ts >= CAST($from30 AS TIMESTAMP) THEN amount END)::DOUBLE AS spend30,
            sum(CASE WHEN ts < CAST($from30 AS TIMESTAMP) THEN amount END)::DOUBLE AS spend_prev,
            count(*) FILTER (WHERE ts >= CAST($from30 AS TIMESTAMP)) AS txns30
     FROM transactions
     WHERE ts >= CAST($from60 AS TIMESTAMP) AND ts < CAST($end AS TIMESTAMP)`,
    { from30: bounds.from30, from60: bounds.from60, end: bounds.end },
  );
  const openCards = cards?.open_cards ?? 0;
  const activeCards = cards?.active_cards ?? 0;
  return {
    asOf,
    customers,
    openCards,
    activeCards,
    activeRate: openCards === 0 ? 0 : activeCards / openCards,
    spend30d: spend?.spend30 ?? 0,
    spendPrev30d: spend?.spend_prev ?? 0,
    txnCount30d: spend?.txns30 ?? 0,
  };
}

export async function spendTrend(db: Reader, months = dashboardMonths): Promise<SpendTrend> {
  const asOf = await portfolioAsOf(db);
  if (asOf === null) return { asOf, months: [] };
  const labels = monthsEnding(asOf, months);
  const rows = await db.all<{ month: string; spend: number; txn_count: number }>(
    // Group on the truncated timestamp and format only the 18 results: formatting every row dominated the scan.
    `SELECT strftime(month_start, '%Y-%m') AS month, spend, txn_count FROM (
       SELECT date_trunc('month', ts + INTERVAL 8 HOUR) AS month_start, sum(amount)::DOUBLE AS spend, count(*) AS txn_count
       FROM transactions
       WHERE ts >= CAST($from AS TIMESTAMP) AND ts < CAST($end AS TIMESTAMP)
       GROUP BY 1
     )`,
    { from: dayStart(`${labels[0]}-01`), end: dayStart(addDays(asOf, 1)) },
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const asOfMonth = asOf.slice(0, 7);
  return {
    asOf,
    months: labels.map((month) => ({
      month,
      spend: byMonth.get(month)?.spend ?? 0,
      txnCount: byMonth.get(month)?.txn_count ?? 0,
      partial: month === asOfMonth && !isLastDayOfMonth(asOf),
    })),
  };
}

export async function spendByCategory(db: Reader, window: CategoryWindow): Promise<SpendByCategory> {
  const asOf = await portfolioAsOf(db);
  if (asOf === null) return { asOf, window, categories: [] };
  const rows = await db.all<{ category: string; spend: number; txn_count: number }>(
    `SELECT coalesce(category, 'other') AS category, sum(amount)::DOUBLE AS spend, count(*) AS txn_count
     FROM transactions
     WHERE ts >= CAST($from AS TIMESTAMP) AND ts < CAST($end AS TIMESTAMP)
     GROUP BY 1
     ORDER BY spend DESC, category`,
    { from: dayStart(addDays(asOf, 1 - windowDays[window])), end: dayStart(addDays(asOf, 1)) },
  );
  return { asOf, window, categories: rows.map((r) => ({ category: r.category, spend: r.spend, txnCount: r.txn_count })) };
}

export async function accountFlow(db: Reader, months = dashboardMonths): Promise<AccountFlow> {
  const asOf = await portfolioAsOf(db);
  if (asOf === null) return { asOf, months: [] };
  const labels = monthsEnding(asOf, months);
  // Opening and closing dates are calendar days already (DATE), so no time-zone shift applies.
  const rows = await db.all<{ month: string; opened: number; closed: number }>(
    `WITH events AS (
       SELECT opened_at AS day, 1 AS opened, 0 AS closed FROM accounts
       WHERE opened_at BETWEEN CAST($from AS DATE) AND CAST($as_of AS DATE)
       UNION ALL
       SELECT closed_at, 0, 1 FROM accounts
       WHERE closed_at BETWEEN CAST($from AS DATE) AND CAST($as_of AS DATE)
     )
     SELECT strftime(day, '%Y-%m') AS month, sum(opened)::INTEGER AS opened, sum(closed)::INTEGER AS closed
     FROM events GROUP BY 1`,
    { from: `${labels[0]}-01`, as_of: asOf },
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return {
    asOf,
    months: labels.map((month) => ({
      month,
      opened: byMonth.get(month)?.opened ?? 0,
      closed: byMonth.get(month)?.closed ?? 0,
    })),
  };
}

/** Contract tables that declare a freshness column, with the SQL that yields that column's Shanghai day. */
function freshnessSources(): Array<{ table: string; column: string; dayExpr: string }> {
  return contractTables.flatMap((spec) => {
    const col = spec.columns.find((c) => c.name === spec.freshness);
    if (!col) return [];
    const name = quoteIdent(col.name);
    const dayExpr = col.type === 'timestamp' ? `CAST(max(${name}) + INTERVAL 8 HOUR AS DATE)` : `max(${name})`;
    return [{ table: spec.name, column: col.name, dayExpr }];
  });
}

export async function freshness(db: Reader): Promise<Freshness> {
  const asOf = await portfolioAsOf(db);
  const sources = freshnessSources();
  // Names come from the contract declaration, not from input; quoteIdent keeps them safe all the same.
  const sql = sources
    .map(
      (s, i) =>
        `SELECT ${i} AS ord, count(*) AS rows, ${s.dayExpr} AS latest FROM ${quoteIdent(s.table)}`,
    )
    .join('\nUNION ALL\n');
  const rows = await db.all<{ ord: number; rows: number; latest: string | null }>(`${sql}\nORDER BY ord`);
  return {
    asOf,
    tables: rows.map((r) => {
      const source = sources[r.ord] as (typeof sources)[number];
      return {
        table: source.table,
        column: source.column,
        rows: r.rows,
        latest: r.latest,
        lagDays: r.latest === null || asOf === null ? null : daysBetween(r.latest, asOf),
      };
    }),
  };
}
