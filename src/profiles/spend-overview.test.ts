import { describe, expect, it } from 'vitest';
import { fromShanghai } from '../core';
import { monthsEnding, newestFirst, spendOverview } from './spend-overview';
import type { TransactionRow } from './timeline-store';

const txn = (id: string, day: string, hour: number, amount: number, category: string | null): TransactionRow => ({
  txn_id: id,
  account_id: 'A1',
  ts: fromShanghai(day, hour),
  amount,
  currency: 'CNY',
  mcc: null,
  category,
  merchant: null,
  channel: null,
  is_overseas: false,
  country: 'CN',
  installment_months: 0,
});

// Windows on the edges, in Shanghai days: 2025-11-01 00:30 Shanghai is still 2025-10-31 in UTC.
describe('spendOverview', () => {
  const asOf = '2026-10-31';
  const rows = [
    txn('T1', '2025-11-01', 0, 100, 'dining'), // first day of the 365-day window
    txn('T2', '2025-10-31', 23, 999, 'dining'), // the day before: outside the window, outside the chart
    txn('T3', '2026-10-31', 23, 50, 'travel'), // the as-of day, late evening
    txn('T4', '2026-11-01', 1, 70, 'travel'), // after the as-of date: not counted
    txn('T5', '2026-05-15', 12, -20, 'dining'), // a refund counts negative
    txn('T6', '2026-06-01', 12, 10, null),
  ];

  it('sums net spend by category over the 365 days ending at the as-of date', () => {
    expect(spendOverview(rows, asOf).categories).toEqual([
      { category: 'dining', spend: 80, txnCount: 2 },
      { category: 'travel', spend: 50, txnCount: 1 },
      { category: 'other', spend: 10, txnCount: 1 },
    ]);
  });

  it('charts the 12 months ending with the as-of month, and the last purchase up to the as-of date', () => {
    const o = spendOverview(rows, asOf);
    expect(o.months.map((m) => m.month)).toEqual(monthsEnding(asOf, 12));
    expect(o.months[0]).toEqual({ month: '2025-11', spend: 100, txnCount: 1 });
    expect(o.months[11]).toEqual({ month: '2026-10', spend: 50, txnCount: 1 });
    expect(o.lastTs?.toISOString()).toBe(fromShanghai('2026-10-31', 23).toISOString());
  });

  it('orders the first page newest first, whatever the as-of date', () => {
    expect(newestFirst(rows, 3).map((t) => t.txn_id)).toEqual(['T4', 'T3', 'T6']);
  });
});
