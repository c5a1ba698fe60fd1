import type { z } from 'zod';
import type { accountsSectionSchema } from '../view-schema';
import type { SectionContext } from './context';

type AccountsSection = z.infer<typeof accountsSectionSchema>;

export async function accountsSection(ctx: SectionContext): Promise<AccountsSection> {
  const rows = await ctx.accounts();
  // "Open at the as-of date": not closed by then, whatever its status (a dormant card is still open).
  const open = rows.filter((a) => a.closed_at === null || (ctx.asOf !== null && a.closed_at > ctx.asOf));
  return {
    available: true,
    items: rows.map((a) => ({
      accountId: a.account_id,
      productCode: a.product_code,
      productNameZh: a.name_zh,
      productNameEn: a.name_en,
      tier: a.tier,
      cobrand: a.cobrand,
      annualFee: a.annual_fee,
      creditLimit: a.credit_limit,
      openedAt: a.opened_at,
      closedAt: a.closed_at,
      status: a.status,
      statementDay: a.statement_day,
      autopay: a.autopay,
    })),
    openCount: open.length,
    totalCreditLimit: open.reduce((sum, a) => sum + a.credit_limit, 0),
  };
}
