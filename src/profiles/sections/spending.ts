import type { z } from 'zod';
import { addDays } from '../../core';
import type { spendingSectionSchema, transactionsSectionSchema, TransactionView } from '../view-schema';
import { spendRollup, transactionPage, type TransactionRow } from '../timeline-store';
import { iso, unavailable, type SectionContext } from './context';

type SpendingSection = z.infer<typeof spendingSectionSchema>;
type TransactionsSection = z.infer<typeof transactionsSectionSchema>;

export const spendWindowDays = 365;
export const chartMonths = 12;
export const firstPageSize = 20;

/** The `count` calendar months ending with the month of `asOf`, oldest first. */
export function monthsEnding(asOf: string, count: number): string[] {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - count + i, 1)).toISOString().slice(0, 7));
}

function isLastDayOfMonth(date: string): boolean {
  return addDays(date, 1).slice(8) === '01';
}

export async function spendingSection(ctx: SectionContext): Promise<SpendingSection> {
  if (!ctx.asOf) return unavailable('尚无交易数据', 'no transactions have been loaded yet');
  const labels = monthsEnding(ctx.asOf, chartMonths);
  const rollup = await spendRollup(ctx.db, ctx.customer.customer_id, {
    asOf: ctx.asOf,
    // 365 days ending at the as-of date, inclusive: the same window as the tag `spend_365d`.
    windowStart: addDays(ctx.asOf, -(spendWindowDays - 1)),
    monthsFrom: `${labels[0]}-01`,
  });
  const total = rollup.categories.reduce((sum, c) => sum + c.spend, 0);
  const byMonth = new Map(rollup.months.map((m) => [m.month, m]));
  const asOfMonth = ctx.asOf.slice(0, 7);
  return {
    available: true,
    categories: rollup.categories.map((c) => ({
      category: c.category,
      spend: c.spend,
      txnCount: c.txn_count,
      share: total > 0 ? c.spend / total : 0,
    })),
    total365d: total,
    txnCount365d: rollup.categories.reduce((sum, c) => sum + c.txn_count, 0),
    months: labels.map((month) => ({
      month,
      spend: byMonth.get(month)?.spend ?? 0,
      txnCount: byMonth.get(month)?.txn_count ?? 0,
      partial: month === asOfMonth && !isLastDayOfMonth(ctx.asOf as string),
    })),
    lastTxnAt: rollup.lastTs ? iso(rollup.lastTs) : null,
  };
}

export function transactionView(t: TransactionRow): TransactionView {
  return {
    txnId: t.txn_id,
    accountId: t.account_id,
    ts: iso(t.ts),
    amount: t.amount,
    currency: t.currency,
    mcc: t.mcc,
    category: t.category,
    merchant: t.merchant,
    channel: t.channel,
    isOverseas: t.is_overseas,
    country: t.country,
    installmentMonths: t.installment_months,
  };
}

export async function transactionsSection(ctx: SectionContext): Promise<TransactionsSection> {
  const page = await transactionPage(ctx.db, ctx.customer.customer_id, {}, { offset: 0, limit: firstPageSize });
  return {
    available: true,
    firstPage: { items: page.rows.map(transactionView), total: page.total, page: 1, pageSize: firstPageSize },
  };
}
