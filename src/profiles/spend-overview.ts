import { addDays, shanghaiDate } from '../core';
import type { TransactionRow } from './timeline-store';

// Folds one customer's transactions into what the summary shows. Pure, so its windows are easy to test:
// days are Shanghai calendar days; rows after the as-of date (data that arrived during the day) are left
// out of the figures, like every window in Cardwise; refunds count negative.

export const spendWindowDays = 365;
export const chartMonths = 12;

/** The `count` calendar months ending with the month of `asOf`, oldest first. */
export function monthsEnding(asOf: string, count: number): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - count + i, 1)).toISOString().slice(0, 7));
}

export interface SpendOverview {
  /** Net spend per category in the 365 days ending at the as-of date, largest first. */
  readonly categories: Array<{ category: string; spend: number; txnCount: number }>;
  /** Net spend per calendar month, `chartMonths` months ending with the as-of month, oldest first. */
  readonly months: Array<{ month: string; spend: number; txnCount: number }>;
  readonly lastTs: Date | null;
}

export function spendOverview(rows: readonly TransactionRow[], asOf: string): SpendOverview {
  // 365 days ending at the as-of date, inclusive: the same window as the tag `spend_365d`.
  const windowStart = addDays(asOf, -(spendWindowDays - 1));
  const labels = monthsEnding(asOf, chartMonths);
  const categories = new Map<string, { spend: number; txnCount: number }>();
  const months = new Map(labels.map((m) => [m, { spend: 0, txnCount: 0 }]));
  let lastTs: Date | null = null;
  for (const t of rows) {
    const day = shanghaiDate(t.ts);
    if (day > asOf) continue;
    if (!lastTs || t.ts > lastTs) lastTs = t.ts;
    if (day >= windowStart) {
      const key = t.category ?? 'other';
      const c = categories.get(key) ?? { spend: 0, txnCount: 0 };
      categories.set(key, { spend: c.spend + t.amount, txnCount: c.txnCount + 1 });
    }
    const m = months.get(day.slice(0, 7));
    if (m) {
      m.spend += t.amount;
      m.txnCount += 1;
    }
  }
  return {
    categories: [...categories]
      .map(([category, c]) => ({ category, ...c }))
      .sort((a, b) => b.spend - a.spend || a.category.localeCompare(b.category)),
    months: labels.map((month) => ({ month, ...(months.get(month) as { spend: number; txnCount: number }) })),
    lastTs,
  };
}

/** Newest first, txn_id breaking ties: the same order as the timeline endpoint's pages. */
export function newestFirst(rows: readonly TransactionRow[], count: number): TransactionRow[] {
  return [...rows]
    .sort((a, b) => b.ts.getTime() - a.ts.getTime() || (a.txn_id < b.txn_id ? 1 : a.txn_id > b.txn_id ? -1 : 0))
    .slice(0, count);
}
