// Browser-safe: the 360° customer view, section by section. The console's 360° page renders these types.
// Money is CNY as numbers; `day` fields are Shanghai calendar days; `instant` fields are ISO 8601 UTC (the
// console shows them in Asia/Shanghai). Windows end at the portfolio's as-of date, never the wall clock.
import { z } from 'zod';

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const month = z.string().regex(/^\d{4}-\d{2}$/);
export const instant = z.string();

/** A section whose capability does not exist yet (or has no data yet), with the reason in both languages. */
export const unavailableSectionSchema = z.object({
  available: z.literal(false),
  reason: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
export type UnavailableSection = z.infer<typeof unavailableSectionSchema>;

export function section<S extends z.ZodRawShape>(shape: S) {
  return z.discriminatedUnion('available', [z.object({ available: z.literal(true), ...shape }), unavailableSectionSchema]);
}

export const customerProfileSchema = z.object({
  customerId: z.string(),
  /** Personal fields (name, phone, email, idHash) are masked unless `masked` is false (an audited unmask). */
  masked: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  idHash: z.string().nullable(),
  gender: z.string().nullable(),
  birthDate: day.nullable(),
  /** Whole years at the as-of date. */
  age: z.number().int().nullable(),
  city: z.string().nullable(),
  cityTier: z.number().int().nullable(),
  occupation: z.string().nullable(),
  incomeBand: z.string().nullable(),
  education: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  acquisitionChannel: z.string().nullable(),
  customerSince: day,
  /** Whole months from customerSince to the as-of date (null, like age, while no transactions set one). */
  tenureMonths: z.number().int().nullable(),
});
export type CustomerProfile = z.infer<typeof customerProfileSchema>;

export const accountViewSchema = z.object({
  accountId: z.string(),
  productCode: z.string(),
  productNameZh: z.string().nullable(),
  productNameEn: z.string().nullable(),
  tier: z.string().nullable(),
  cobrand: z.string().nullable(),
  annualFee: z.number().nullable(),
  creditLimit: z.number(),
  openedAt: day,
  closedAt: day.nullable(),
  status: z.string(),
  statementDay: z.number().int().nullable(),
  autopay: z.boolean().nullable(),
});
export const accountsSectionSchema = section({
  items: z.array(accountViewSchema),
  /** Accounts not closed at the as-of date. */
  openCount: z.number().int(),
  /** Sum of the credit limits of open accounts. */
  totalCreditLimit: z.number(),
});

/**
 * How a statement was repaid: in full, above the minimum, exactly the minimum, below it, not at all;
 * `unknown` when the statement's balance or minimum is missing (imported data can lack them).
 */
export const repaymentKinds = ['nothing_due', 'full', 'partial', 'minimum', 'below_minimum', 'unpaid', 'unknown'] as const;
export const repaymentKindSchema = z.enum(repaymentKinds);
export type RepaymentKind = z.infer<typeof repaymentKindSchema>;

export const statementViewSchema = z.object({
  accountId: z.string(),
  period: month,
  statementDate: day,
  dueDate: day,
  balance: z.number().nullable(),
  minDue: z.number().nullable(),
  paidAmount: z.number().nullable(),
  paidAt: day.nullable(),
  overdueDays: z.number().int(),
  interest: z.number().nullable(),
  fees: z.number().nullable(),
  revolving: z.boolean().nullable(),
  repayment: repaymentKindSchema,
});
export const statementsSectionSchema = section({
  /** The last 18 statements across the customer's accounts, newest first. */
  items: z.array(statementViewSchema),
  summary: z.object({
    statements: z.number().int(),
    paidInFull: z.number().int(),
    minimumOnly: z.number().int(),
    overdue: z.number().int(),
    worstOverdueDays: z.number().int(),
  }),
});

export const transactionViewSchema = z.object({
  txnId: z.string(),
  accountId: z.string(),
  ts: instant,
  amount: z.number(),
  currency: z.string().nullable(),
  mcc: z.string().nullable(),
  category: z.string().nullable(),
  merchant: z.string().nullable(),
  channel: z.string().nullable(),
  isOverseas: z.boolean().nullable(),
  country: z.string().nullable(),
  installmentMonths: z.number().int().nullable(),
});
export type TransactionView = z.infer<typeof transactionViewSchema>;

export const transactionPageSchema = z.object({
  items: z.array(transactionViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TransactionPage = z.infer<typeof transactionPageSchema>;

export const spendingSectionSchema = section({
  /** Net spend (purchases minus refunds) by category in the 365 days ending at the as-of date, largest first. */
  categories: z.array(z.object({ category: z.string(), spend: z.number(), txnCount: z.number().int(), share: z.number() })),
  total365d: z.number(),
  txnCount365d: z.number().int(),
  /** The 12 calendar months ending with the as-of month, oldest first; a running as-of month is `partial`. */
  months: z.array(z.object({ month, spend: z.number(), txnCount: z.number().int(), partial: z.boolean() })),
  lastTxnAt: instant.nullable(),
});

export const transactionsSectionSchema = section({ firstPage: transactionPageSchema });

export const interactionViewSchema = z.object({
  interactionId: z.string(),
  ts: instant,
  channel: z.string().nullable(),
  category: z.string(),
  sentiment: z.number().nullable(),
  resolved: z.boolean().nullable(),
  /** What the customer said: personal information, so null unless the view is unmasked. */
  text: z.string().nullable(),
  textMasked: z.boolean(),
});
export const interactionsSectionSchema = section({
  /** The latest 50, newest first. */
  items: z.array(interactionViewSchema),
  total: z.number().int(),
  /** Contacts per category in the 90 days ending at the as-of date. */
  last90d: z.array(z.object({ category: z.string(), count: z.number().int() })),
});

export const messageViewSchema = z.object({
  messageId: z.string(),
  campaignId: z.string().nullable(),
  journeyId: z.string().nullable(),
  offerId: z.string().nullable(),
  channel: z.string(),
  variant: z.string().nullable(),
  isControl: z.boolean(),
  status: z.string(),
  queuedAt: instant,
  sentAt: instant.nullable(),
  deliveredAt: instant.nullable(),
  failedAt: instant.nullable(),
  openedAt: instant.nullable(),
  clickedAt: instant.nullable(),
  convertedAt: instant.nullable(),
});
export const messagesSectionSchema = section({
  /** The latest 50, newest first. */
  items: z.array(messageViewSchema),
  /** Over every message to this customer (control-group records excluded from sent and responses). */
  summary: z.object({
    total: z.number().int(),
    control: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int(),
    opened: z.number().int(),
    clicked: z.number().int(),
    converted: z.number().int(),
  }),
});

export const consentsSectionSchema = section({
  /** The latest ledger entry per channel × purpose; pairs never recorded are absent (no consent). */
  current: z.array(
    z.object({ channel: z.string(), purpose: z.string(), status: z.string(), updatedAt: instant, source: z.string().nullable() }),
  ),
  ledgerEntries: z.number().int(),
  preferences: z.array(z.object({ channel: z.string(), rank: z.number().int(), statedAt: day.nullable() })),
});

export const bureauSectionSchema = section({
  /** Oldest first, for a chart. */
  items: z.array(
    z.object({
      asOf: day,
      score: z.number().int().nullable(),
      inquiries6m: z.number().int().nullable(),
      externalDebt: z.number().nullable(),
      delinquencies: z.number().int().nullable(),
    }),
  ),
});
