import { spendCategories, txnChannels, interactionCategories, interactionChannels } from '../data';
import type { DynamicSource } from './definition-schema';

// The relations dynamic tags aggregate over. Every relation exposes customer_id, day (Shanghai calendar
// day), row_count and its fields under the same names, so one aggregate compiler serves them all. They
// read the contract tables directly: a daily rollup was measured to fold only ~1 % of transactions (a
// customer rarely repeats a category and channel on one day) while writing it cost several passes, so
// the speed comes from kept per-customer states instead (plan/state-set.ts).

export type FieldType = 'number' | 'boolean' | 'string' | 'date';

export interface RelationField {
  readonly type: FieldType;
  readonly values?: readonly string[];
  readonly zh: string;
}

/** How a numeric field aggregates over this relation (a pre-folded source would keep separate sum/max/min columns). */
export interface MeasureColumns {
  readonly sum: string;
  readonly max: string;
  readonly min: string;
}

export interface Relation {
  readonly id: string;
  readonly source: DynamicSource;
  /** Rows already folded per (customer, day, dims): `last` cannot be answered from it. */
  readonly folded: boolean;
  readonly sql: string;
  readonly fields: Readonly<Record<string, RelationField>>;
  readonly measures: Readonly<Record<string, MeasureColumns>>;
  /** The measure used when a tag names no field (sum of amount, for spend). */
  readonly defaultMeasure?: string;
}

const shanghaiDay = (column: string) => `CAST(${column} + INTERVAL 8 HOUR AS DATE)`;
const same = (c: string): MeasureColumns => ({ sum: c, max: c, min: c });

/** Airlines (3000–3350, 4511) and hotels (3501–3999, 7011) by MCC: inside `travel`, without car rental or agencies. */
export const airlineHotelSql =
  "(TRY_CAST(mcc AS INTEGER) BETWEEN 3000 AND 3350 OR TRY_CAST(mcc AS INTEGER) BETWEEN 3501 AND 3999 OR mcc IN ('4511', '7011'))";

const txnDims: Record<string, RelationField> = {
  category: { type: 'string', values: spendCategories, zh: '消费品类' },
  channel: { type: 'string', values: txnChannels, zh: '支付渠道' },
  is_overseas: { type: 'boolean', zh: '境外' },
  is_airline_hotel: { type: 'boolean', zh: '航空酒店' },
  is_installment: { type: 'boolean', zh: '分期' },
  is_refund: { type: 'boolean', zh: '退款' },
};

/** Transactions as the txn relation: Shanghai day and the derived flags filters use. */
export const txnRawSelect = `SELECT customer_id, ${shanghaiDay('ts')} AS day, category, channel,
  coalesce(is_overseas, false) AS is_overseas, coalesce(${airlineHotelSql}, false) AS is_airline_hotel,
  coalesce(installment_months, 0) > 0 AS is_installment, amount < 0 AS is_refund,
  1 AS row_count, amount::DOUBLE AS amount, mcc, merchant, country, currency, installment_months, account_id
  FROM transactions`;

export const txnRaw: Relation = {
  id: 'txn',
  source: 'txn',
  folded: false,
  sql: `(${txnRawSelect})`,
  fields: {
    ...txnDims,
    amount: { type: 'number', zh: '金额' },
    mcc: { type: 'string', zh: '商户类别码' },
    merchant: { type: 'string', zh: '商户' },
    country: { type: 'string', zh: '国家' },
    currency: { type: 'string', zh: '币种' },
    installment_months: { type: 'number', zh: '分期期数' },
    account_id: { type: 'string', zh: '账户' },
  },
  measures: { amount: same('amount'), installment_months: same('installment_months') },
  defaultMeasure: 'amount',
};

export const eventRaw: Relation = {
  id: 'event',
  source: 'event',
  folded: false,
  sql: `(SELECT customer_id, ${shanghaiDay('ts')} AS day, event, 1 AS row_count FROM app_events)`,
  fields: { event: { type: 'string', zh: '事件' } },
  measures: {},
};

const statementMoney = ['balance', 'min_due', 'paid_amount', 'interest', 'fees'];
export const statementRelation: Relation = {
  id: 'statement',
  source: 'statement',
  folded: false,
  sql: `(SELECT a.customer_id, s.statement_date AS day, 1 AS row_count, ${statementMoney.map((c) => `s.${c}::DOUBLE AS ${c}`).join(', ')},
    s.overdue_days, coalesce(s.revolving, false) AS revolving, s.period, s.due_date, s.paid_at
    FROM statements s JOIN accounts a ON a.account_id = s.account_id)`,
  fields: {
    balance: { type: 'number', zh: '账单余额' },
    min_due: { type: 'number', zh: '最低还款额' },
    paid_amount: { type: 'number', zh: '还款额' },
    interest: { type: 'number', zh: '利息' },
    fees: { type: 'number', zh: '费用' },
    overdue_days: { type: 'number', zh: '逾期天数' },
    revolving: { type: 'boolean', zh: '循环' },
    period: { type: 'string', zh: '账期' },
    due_date: { type: 'date', zh: '到期还款日' },
    paid_at: { type: 'date', zh: '还款日' },
  },
  measures: Object.fromEntries([...statementMoney, 'overdue_days'].map((c) => [c, same(c)])),
  defaultMeasure: 'balance',
};

export const interactionRelation: Relation = {
  id: 'interaction',
  source: 'interaction',
  folded: false,
  sql: `(SELECT customer_id, ${shanghaiDay('ts')} AS day, 1 AS row_count, channel, category, sentiment, resolved FROM service_interactions)`,
  fields: {
    channel: { type: 'string', values: interactionChannels, zh: '联络渠道' },
    category: { type: 'string', values: interactionCategories, zh: '类别' },
    sentiment: { type: 'number', zh: '情绪' },
    resolved: { type: 'boolean', zh: '已解决' },
  },
  measures: { sentiment: same('sentiment') },
};

export const bureauRelation: Relation = {
  id: 'bureau',
  source: 'bureau',
  folded: false,
  sql: `(SELECT customer_id, as_of AS day, 1 AS row_count, score::DOUBLE AS score, inquiries_6m::DOUBLE AS inquiries_6m,
    external_debt::DOUBLE AS external_debt, delinquencies::DOUBLE AS delinquencies FROM bureau)`,
  fields: {
    score: { type: 'number', zh: '评分' },
    inquiries_6m: { type: 'number', zh: '近6月查询' },
    external_debt: { type: 'number', zh: '他行负债' },
    delinquencies: { type: 'number', zh: '他行逾期' },
  },
  measures: Object.fromEntries(['score', 'inquiries_6m', 'external_debt', 'delinquencies'].map((c) => [c, same(c)])),
};

/** The relations of a source, cheapest first: the planner takes the first that has every field a tag names. */
export const relationsOf: Readonly<Record<DynamicSource, readonly Relation[]>> = {
  txn: [txnRaw],
  event: [eventRaw],
  statement: [statementRelation],
  interaction: [interactionRelation],
  bureau: [bureauRelation],
};

