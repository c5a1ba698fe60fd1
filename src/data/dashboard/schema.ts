// Browser-safe: the portfolio dashboard's endpoints, imported by the server and by the console.
import { z } from 'zod';
import { endpoint, type Role } from '../../core/schema';

// Aggregates only, no personal information: everyone who plans, analyses or audits the portfolio may see them.
// Service agents work one customer at a time and have no use for portfolio totals.
const dashboardRoles: readonly Role[] = ['admin', 'operator', 'analyst', 'auditor'];

/** Calendar day in Asia/Shanghai, YYYY-MM-DD. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Calendar month in Asia/Shanghai, YYYY-MM. */
const month = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * Every figure is anchored at the portfolio's as-of date (the Shanghai day of the latest transaction), never
 * the wall clock, so the same file always shows the same dashboard. `null` while no transactions are loaded.
 */
const asOf = day.nullable();

export const dashboardKpisSchema = z.object({
  asOf,
  customers: z.number().int(),
  /** Accounts open at the as-of date. */
  openCards: z.number().int(),
  /** Open accounts with at least one purchase in the 30 days ending at the as-of date. */
  activeCards: z.number().int(),
  /** activeCards / openCards, 0 when there are no open cards. */
  activeRate: z.number(),
  /** Net spend (purchases minus refunds, CNY) in the 30 days ending at the as-of date. */
  spend30d: z.number(),
  /** Net spend in the 30 days before those. */
  spendPrev30d: z.number(),
  txnCount30d: z.number().int(),
});
export type DashboardKpis = z.infer<typeof dashboardKpisSchema>;

export const spendTrendSchema = z.object({
  asOf,
  months: z.array(
    z.object({
      month,
      spend: z.number(),
      txnCount: z.number().int(),
      /** The as-of month is usually still running: the chart marks it instead of showing a false drop. */
      partial: z.boolean(),
    }),
  ),
});
export type SpendTrend = z.infer<typeof spendTrendSchema>;

export const categoryWindows = ['30d', '90d', '365d'] as const;
export const categoryWindowSchema = z.enum(categoryWindows);
export type CategoryWindow = z.infer<typeof categoryWindowSchema>;

export const spendByCategorySchema = z.object({
  asOf,
  window: categoryWindowSchema,
  /** Largest first. `category` is a contract spend category; the console labels it per language. */
  categories: z.array(z.object({ category: z.string(), spend: z.number(), txnCount: z.number().int() })),
});
export type SpendByCategory = z.infer<typeof spendByCategorySchema>;

export const accountFlowSchema = z.object({
  asOf,
  months: z.array(z.object({ month, opened: z.number().int(), closed: z.number().int() })),
});
export type AccountFlow = z.infer<typeof accountFlowSchema>;

export const freshnessSchema = z.object({
  asOf,
  tables: z.array(
    z.object({
      table: z.string(),
      /** The contract's freshness column for this table. */
      column: z.string(),
      rows: z.number().int(),
      /** Latest Shanghai day found in that column; null when the table is empty. */
      latest: day.nullable(),
      /** Days from `latest` to the as-of date; negative when a table runs ahead of the transactions. */
      lagDays: z.number().int().nullable(),
    }),
  ),
});
export type Freshness = z.infer<typeof freshnessSchema>;

/** How many calendar months the trend and account-flow charts cover, ending with the as-of month. */
export const dashboardMonths = 18;

export const dashboardKpisEndpoint = endpoint({
  method: 'GET',
  path: '/api/dashboard/kpis',
  summary: 'Portfolio KPIs at the as-of date: customers, open and active cards, 30-day spend',
  tags: ['dashboard'],
  roles: dashboardRoles,
  response: dashboardKpisSchema,
});

export const spendTrendEndpoint = endpoint({
  method: 'GET',
  path: '/api/dashboard/spend-trend',
  summary: `Net spend and transaction count per Shanghai calendar month, last ${dashboardMonths} months`,
  tags: ['dashboard'],
  roles: dashboardRoles,
  response: spendTrendSchema,
});

export const spendByCategoryEndpoint = endpoint({
  method: 'GET',
  path: '/api/dashboard/spend-by-category',
  summary: 'Net spend per spend category over a window ending at the as-of date',
  tags: ['dashboard'],
  roles: dashboardRoles,
  query: z.object({ window: categoryWindowSchema.default('90d') }),
  response: spendByCategorySchema,
});

export const accountFlowEndpoint = endpoint({
  method: 'GET',
  path: '/api/dashboard/account-flow',
  summary: `Accounts opened and closed per Shanghai calendar month, last ${dashboardMonths} months`,
  tags: ['dashboard'],
  roles: dashboardRoles,
  response: accountFlowSchema,
});

export const freshnessEndpoint = endpoint({
  method: 'GET',
  path: '/api/dashboard/freshness',
  summary: 'Latest date per contract table and its lag behind the as-of date',
  tags: ['dashboard'],
  roles: dashboardRoles,
  response: freshnessSchema,
});

export const dashboardEndpoints = [
  dashboardKpisEndpoint,
  spendTrendEndpoint,
  spendByCategoryEndpoint,
  accountFlowEndpoint,
  freshnessEndpoint,
] as const;
