import type { ExprType, SourceName } from './ast';

// The behaviour sources a window may count over, and the fields its `where` may use. This mirrors the data
// contract (src/data/contract/tables.ts) rather than importing it, because core sits below data and must
// stay importable in the browser; sources.test.ts fails if the two drift apart. Identifiers and free text
// (customer_id, txn_id, the interaction's text) are left out on purpose: rules select on behaviour, not on
// who someone is or what they wrote.

export interface SourceField {
  readonly type: ExprType;
  readonly values?: readonly string[];
  /** DECIMAL money columns are summed exactly, then cast to DOUBLE (the platform's convention for money). */
  readonly money?: boolean;
}

export interface BehaviourSource {
  readonly name: SourceName;
  readonly table: string;
  /** The column that dates a row: a UTC timestamp (counted by Shanghai calendar day) or a calendar date. */
  readonly time: { readonly column: string; readonly kind: 'timestamp' | 'date' };
  /** How a row reaches its customer: a column of its own, or through accounts.account_id. */
  readonly customer: { readonly column: string } | { readonly viaAccounts: { readonly key: string } };
  readonly fields: Readonly<Record<string, SourceField>>;
  readonly en: string;
  readonly zh: string;
}

const spendCategories = [
  'dining',
  'travel',
  'shopping',
  'online_shopping',
  'supermarket',
  'entertainment',
  'health',
  'education',
  'mother_baby',
  'fuel',
  'transport',
  'utilities',
  'automotive',
  'cash',
  'financial',
  'other',
] as const;

export const behaviourSources: Readonly<Record<SourceName, BehaviourSource>> = {
  txn: {
    name: 'txn',
    table: 'transactions',
    time: { column: 'ts', kind: 'timestamp' },
    customer: { column: 'customer_id' },
    en: 'card transactions',
    zh: '交易',
    fields: {
      account_id: { type: 'string' },
      amount: { type: 'number', money: true },
      currency: { type: 'string' },
      mcc: { type: 'string' },
      category: { type: 'string', values: spendCategories },
      merchant: { type: 'string' },
      channel: { type: 'string', values: ['online', 'offline', 'mobile', 'qr'] },
      is_overseas: { type: 'boolean' },
      country: { type: 'string' },
      installment_months: { type: 'number' },
    },
  },
  event: {
    name: 'event',
    table: 'app_events',
    time: { column: 'ts', kind: 'timestamp' },
    customer: { column: 'customer_id' },
    en: 'app events',
    zh: 'App 行为',
    // Event names are an open vocabulary (login, view_offer, view_bill, redeem_points …), so no values list.
    fields: { event: { type: 'string' } },
  },
  interaction: {
    name: 'interaction',
    table: 'service_interactions',
    time: { column: 'ts', kind: 'timestamp' },
    customer: { column: 'customer_id' },
    en: 'customer-service contacts',
    zh: '客服接触',
    fields: {
      channel: { type: 'string', values: ['phone', 'app_chat', 'wechat', 'branch', 'email'] },
      category: { type: 'string', values: ['inquiry', 'complaint', 'cancellation_request', 'limit_request', 'dispute'] },
      sentiment: { type: 'number' },
      resolved: { type: 'boolean' },
    },
  },
  statement: {
    name: 'statement',
    table: 'statements',
    time: { column: 'statement_date', kind: 'date' },
    customer: { viaAccounts: { key: 'account_id' } },
    en: 'monthly statements',
    zh: '账单',
    fields: {
      account_id: { type: 'string' },
      period: { type: 'string' },
      statement_date: { type: 'date' },
      due_date: { type: 'date' },
      balance: { type: 'number', money: true },
      min_due: { type: 'number', money: true },
      paid_amount: { type: 'number', money: true },
      paid_at: { type: 'date' },
      overdue_days: { type: 'number' },
      interest: { type: 'number', money: true },
      fees: { type: 'number', money: true },
      revolving: { type: 'boolean' },
    },
  },
};
