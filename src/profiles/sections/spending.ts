import type { z } from 'zod';
import { addDays } from '../../core';
import type { spendingSectionSchema, transactionsSectionSchema, TransactionView } from '../view-schema';
import { newestFirst, spendOverview } from '../spend-overview';
import { allTransactionsOf, type TransactionRow } from '../timeline-store';
import { iso, unavailable, type SectionContext } from './context';

type SpendingSection = z.infer<typeof spendingSectionSchema>;
type TransactionsSection = z.infer<typeof transactionsSectionSchema>;

export const firstPageSize = 20;

function isLastDayOfMonth(date: string): boolean {
  return addDays(date, 1).slice(8) === '01';
}

/** The customer's transactions, read once per view and shared by the two sections (they run concurrently). */
const reads = new WeakMap<SectionContext, Promise<TransactionRow[]>>();

function transactionsOf(ctx: SectionContext): Promise<TransactionRow[]> {
  let found = reads.get(ctx);
  if (!found) {
    found = allTransactionsOf(ctx.db, ctx.customerId);
    reads.set(ctx, found);
  }
  return found;
}

export async function spendingSection(ctx: SectionContext): Promise<SpendingSection> {
  if (!ctx.asOf) return unavailable('尚无交易数据', 'no transactions have been loaded yet');
  const asOf = ctx.asOf;
  const overview = spendOverview(await transactionsOf(ctx), asOf);
  const total = overview.categories.reduce((sum, c) => sum + c.spend, 0);
  const asOfMonth = asOf.slice(0, 7);
  return {
    available: true,
    categories: overview.categories.map((c) => ({ ...c, share: total > 0 ? c.spend / total : 0 })),
    total365d: total,
    txnCount365d: overview.categories.reduce((sum, c) => sum + c.txnCount, 0),
    months: overview.months.map((m) => ({ ...m, partial: m.month === asOfMonth && !isLastDayOfMonth(asOf) })),
    lastTxnAt: overview.lastTs ? iso(overview.lastTs) : null,
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
  const rows = await transactionsOf(ctx);
  return {
    available: true,
    firstPage: { items: newestFirst(rows, firstPageSize).map(transactionView), total: rows.length, page: 1, pageSize: firstPageSize },
  };
}
