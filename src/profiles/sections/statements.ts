import type { z } from 'zod';
import type { RepaymentKind, statementsSectionSchema } from '../view-schema';
import { latestStatements, type StatementRow } from '../statement-store';
import type { SectionContext } from './context';

type StatementsSection = z.infer<typeof statementsSectionSchema>;

export const statementsShown = 18;

// Within a fen: amounts are DECIMAL(18,2) turned into doubles, so equality needs a tolerance.
const cent = 0.005;

/** How a statement was repaid, from its balance, minimum due and the amount paid against it. */
export function repaymentOf(s: Pick<StatementRow, 'balance' | 'min_due' | 'paid_amount'>): RepaymentKind {
  const paid = s.paid_amount ?? 0;
  if (s.balance === null) return 'unknown';
  if (s.balance <= cent) return 'nothing_due';
  if (paid >= s.balance - cent) return 'full';
  if (paid <= cent) return 'unpaid';
  if (s.min_due === null) return 'unknown';
  if (paid < s.min_due - cent) return 'below_minimum';
  if (paid <= s.min_due + cent) return 'minimum';
  return 'partial';
}

export async function statementsSection(ctx: SectionContext): Promise<StatementsSection> {
  const accounts = await ctx.accounts();
  const rows = await latestStatements(ctx.db, accounts.map((a) => a.account_id), statementsShown);
  const items = rows.map((s) => ({
    accountId: s.account_id,
    period: s.period,
    statementDate: s.statement_date,
    dueDate: s.due_date,
    balance: s.balance,
    minDue: s.min_due,
    paidAmount: s.paid_amount,
    paidAt: s.paid_at,
    overdueDays: s.overdue_days ?? 0,
    interest: s.interest,
    fees: s.fees,
    revolving: s.revolving,
    repayment: repaymentOf(s),
  }));
  return {
    available: true,
    items,
    summary: {
      statements: items.length,
      paidInFull: items.filter((s) => s.repayment === 'full').length,
      minimumOnly: items.filter((s) => s.repayment === 'minimum').length,
      overdue: items.filter((s) => s.overdueDays > 0).length,
      worstOverdueDays: items.reduce((worst, s) => Math.max(worst, s.overdueDays), 0),
    },
  };
}
