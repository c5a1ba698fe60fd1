import type { z } from 'zod';
import { addDays } from '../../core';
import type { spendingSectionSchema, transactionsSectionSchema, TransactionView } from '../view-schema';
import { spendOverview, transactionPage, type SpendOverview, type TransactionRow } from '../timeline-store';
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

/** The transaction overview both sections show, read once per view (the sections run concurrently). */
const overviews = new WeakMap<SectionContext, Promise<SpendOverview>>();

function overview(ctx: SectionContext, asOf: string): Promise<SpendOverview> {
  let found = overviews.get(ctx);
  if (!found) {
    found = spendOverview(ctx.db, ctx.customerId, {
      asOf,
      // 365 days ending at the as-of date, inclusive: the same window as the tag `spend_365d`.
      windowStart: addDays(asOf, -(spendWindowDays - 1)),
      monthsFrom: `${monthsEnding(asOf, chartMonths)[0]}-01`,
      firstPage: firstPageSize,
    });
    overviews.set(ctx, found);
  }
  return found;
}

export async function spendingSection(ctx: SectionContext): Promise<SpendingSection> {
  if (!ctx.asOf) return unavailable('尚无交易数据', 'no transactions have been loaded yet');
  const { cells, lastTs } = await overview(ctx, ctx.asOf);
  const categories = new Map<string, { spend: number; txnCount: number }>();
  const months = new Map<string, { spend: number; txnCount: number }>();
  for (const c of cells) {
    const cat = categories.get(c.category) ?? { spend: 0, txnCount: 0 };
    categories.set(c.category, { spend: cat.spend + c.spend365, txnCount: cat.txnCount + c.n365 });
    const m = months.get(c.month) ?? { spend: 0, txnCount: 0 };
    months.set(c.month, { spend: m.spend + c.spendMonth, txnCount: m.txnCount + c.nMonth });
  }
  const inWindow = [...categories].filter(([, v]) => v.txnCount > 0);
  const total = inWindow.reduce((sum, [, v]) => sum + v.spend, 0);
  const asOfMonth = ctx.asOf.slice(0, 7);
  return {
    available: true,
    categories: inWindow
      .map(([category, v]) => ({ category, spend: v.spend, txnCount: v.txnCount, share: total > 0 ? v.spend / total : 0 }))
      .sort((a, b) => b.spend - a.spend || a.category.localeCompare(b.category)),
    total365d: total,
    txnCount365d: inWindow.reduce((sum, [, v]) => sum + v.txnCount, 0),
    months: monthsEnding(ctx.asOf, chartMonths).map((month) => ({
      month,
      spend: months.get(month)?.spend ?? 0,
      txnCount: months.get(month)?.txnCount ?? 0,
      partial: month === asOfMonth && !isLastDayOfMonth(ctx.asOf as string),
    })),
    lastTxnAt: lastTs ? iso(lastTs) : null,
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
  const page = ctx.asOf
    ? await overview(ctx, ctx.asOf).then((o) => ({ rows: o.newest, total: o.total }))
    : await transactionPage(ctx.db, ctx.customerId, {}, { offset: 0, limit: firstPageSize });
  return {
    available: true,
    firstPage: { items: page.rows.map(transactionView), total: page.total, page: 1, pageSize: firstPageSize },
  };
}
