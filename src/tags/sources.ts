import { addDays, shanghaiOffsetHours } from '../core';
import { spendCategories, txnChannels, interactionCategories, interactionChannels } from '../data';
import type { DynamicSource } from './definition-schema';
import { dateLiteral } from './plan/window';
import type { DayIndexSpec } from './day-index';

// The relations dynamic tags aggregate over. Every relation exposes customer_id, day (Shanghai calendar
// day), row_count and its fields under the same names, so one aggregate compiler serves them all. They
// read the contract tables directly: a daily rollup was measured to fold only ~1 % of transactions (a
// customer rarely repeats a category and channel on one day) while writing it cost several passes, so
// the speed comes from kept per-customer states instead (plan/state-set.ts).
//
// A pass reads only the days its windows need. The restriction is written on the stored column (ts, a
// date), not on the derived `day`: DuckDB then filters inside the scan, skips row groups by their min/max
// and computes the derived columns only for the rows kept (at 100M transactions: 2.3 s instead of 3.5 s
// for a 12-month pass, and ~1 s to find the few days an incremental refresh moves).

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
  /** The exact type its sums are kept in (plan/state-set.ts): a sum moved by deltas equals one made afresh. */
  readonly sumType: string;
}

/** Calendar days `from` (inclusive, open when absent) to `until` (exclusive). */
export interface DayRange {
  readonly from?: string;
  readonly until: string;
}

export interface Relation {
  readonly id: string;
  readonly source: DynamicSource;
  /** Rows already folded per (customer, day, dims): `last` cannot be answered from it. */
  readonly folded: boolean;
  /** The relation over every row, as a parenthesised subquery. */
  readonly sql: string;
  /** The relation restricted to rows whose day lies in any of `ranges`, filtered on stored columns. */
  within(ranges: readonly DayRange[]): string;
  /**
   * One SELECT counting the stored rows dated before each of `untils` (columns n0, n1, …): the table's row
   * count less the rows dated from each `until` on. Rows arrive in day order at the end of a table, so the
   * zone maps of the stored day column find that tail without reading the older row groups (at 100M
   * transactions 10 ms instead of a 0.4 s scan).
   */
  countBefore(untils: readonly string[]): string;
  /** A narrow day-ordered copy of the recent rows that an incremental refresh reads moved rows from (day-index.ts). */
  readonly dayIndex?: DayIndexSpec;
  readonly fields: Readonly<Record<string, RelationField>>;
  readonly measures: Readonly<Record<string, MeasureColumns>>;
  /** The measure used when a tag names no field (sum of amount, for spend). */
  readonly defaultMeasure?: string;
  /**
   * The stored column the day derives from, when the derivation keeps order (a UTC timestamp): the latest
   * day is then the day of the latest stored value, and "days since" skips deriving a day for every row
   * (a third of a 100M-row pass over all history).
   */
  readonly storedDay?: { readonly column: string; toDay(sql: string): string };
}

/**
 * The Shanghai day of a UTC timestamp by integer arithmetic on its epoch: half the cost of
 * `CAST(ts + INTERVAL 8 HOUR AS DATE)` (interval addition goes through calendar logic), which at 100M rows is
 * ~0.7 s of CPU. Counting days from 0001-01-01 keeps the division on non-negative numbers (floor, not
 * truncation) for every timestamp from year 1.
 */
const microsPerDay = 86_400_000_000;
const epochToYearOne = 719_162 * microsPerDay; // days from 0001-01-01 to 1970-01-01
export const shanghaiDay = (column: string) =>
  `(DATE '0001-01-01' + CAST((epoch_us(${column}) + ${shanghaiOffsetHours * 3_600_000_000} + ${epochToYearOne}) // ${microsPerDay} AS INTEGER))`;
// Measures keep their stored types (no DOUBLE cast per row), so that sums are exact and cheap: summing the
// DECIMAL(18,2) amount in a 52-state pass over 67M transactions took 10.4 s against 13.1 s as DOUBLE.
/** Money (a DECIMAL(18,2) column): sums in cents, exactly. */
const money = (c: string): MeasureColumns => ({ sum: c, max: c, min: c, sumType: 'DECIMAL(18,2)' });
/** Whole numbers (an INTEGER column). */
const whole = (c: string): MeasureColumns => ({ sum: c, max: c, min: c, sumType: 'BIGINT' });
/** A DOUBLE column: each value taken to six places and summed as a decimal, so sums add exactly in any order. */
const fraction = (c: string): MeasureColumns => ({ sum: `CAST(${c} AS DECIMAL(18,6))`, max: c, min: c, sumType: 'DECIMAL(18,6)' });

/** How a relation's day is stored: a UTC timestamp read as a Shanghai day, or a calendar date. */
type DayColumn = { readonly utcTimestamp: string } | { readonly date: string };

/** The first stored value of a Shanghai day: midnight there is 16:00 UTC the day before. */
function dayStart(column: DayColumn, day: string): string {
  const literal = dateLiteral(day); // checks the day: these literals are built by the engine, never from input
  if ('date' in column) return literal;
  return `TIMESTAMP '${addDays(day, -1)} ${String(24 - shanghaiOffsetHours).padStart(2, '0')}:00:00'`;
}

function storedRange(column: DayColumn, range: DayRange): string {
  const name = 'date' in column ? column.date : column.utcTimestamp;
  const parts = [...(range.from ? [`${name} >= ${dayStart(column, range.from)}`] : []), `${name} < ${dayStart(column, range.until)}`];
  return parts.join(' AND ');
}

/** A relation over stored tables: `select` lists its columns, `from` its tables, `day` how its day is stored. */
function storedRelation(
  spec: Omit<Relation, 'sql' | 'within' | 'countBefore' | 'storedDay'> & {
    readonly select: string;
    readonly from: string;
    readonly day: DayColumn;
    /** The table whose rows are counted for late arrivals (the one holding the day), when `from` joins others. */
    readonly counted?: string;
  },
): Relation {
  const { select, from, day, counted = from, ...rest } = spec;
  const stored = 'utcTimestamp' in day ? { storedDay: { column: day.utcTimestamp, toDay: shanghaiDay } } : {};
  const ranged = (ranges: readonly DayRange[]) => ranges.map((r) => `(${storedRange(day, r)})`).join(' OR ');
  return {
    ...rest,
    ...stored,
    sql: `(SELECT ${select} FROM ${from})`,
    within: (ranges) => (ranges.length === 0 ? `(SELECT ${select} FROM ${from} WHERE false)` : `(SELECT ${select} FROM ${from} WHERE ${ranged(ranges)})`),
    countBefore: (untils) => {
      const name = 'date' in day ? day.date : day.utcTimestamp;
      const since = (u: string) => `${name} >= ${dayStart(day, u)}`;
      const earliest = [...untils].sort()[0] as string;
      const total = `(SELECT count(*) FROM ${counted})`;
      return `SELECT ${untils.map((u, i) => `${total} - count(*) FILTER (WHERE ${since(u)}) AS n${i}`).join(', ')} FROM ${counted} WHERE ${since(earliest)}`;
    },
  };
}

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

const txnColumns = `customer_id, ts, ${shanghaiDay('ts')} AS day, category, channel,
  coalesce(is_overseas, false) AS is_overseas, coalesce(${airlineHotelSql}, false) AS is_airline_hotel,
  coalesce(installment_months, 0) > 0 AS is_installment, amount < 0 AS is_refund,
  1 AS row_count, amount, mcc, merchant, country, currency, installment_months, account_id`;

/** Transactions as the txn relation: Shanghai day and the derived flags filters use. */
export const txnRawSelect = `SELECT ${txnColumns}
  FROM transactions`;

export const txnRaw: Relation = storedRelation({
  id: 'txn',
  source: 'txn',
  folded: false,
  select: txnColumns,
  from: 'transactions',
  day: { utcTimestamp: 'ts' },
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
  measures: { amount: money('amount'), installment_months: whole('installment_months') },
  defaultMeasure: 'amount',
  // Everything the built-in transaction tags read; a custom tag over merchant or country reads the table.
  dayIndex: {
    table: 'tag_days_txn',
    columns: ['customer_id', 'ts', 'day', 'category', 'channel', 'is_overseas', 'is_airline_hotel', 'is_installment', 'is_refund', 'amount', 'installment_months'],
  },
});

export const eventRaw: Relation = storedRelation({
  id: 'event',
  source: 'event',
  folded: false,
  select: `customer_id, ts, ${shanghaiDay('ts')} AS day, event, 1 AS row_count`,
  from: 'app_events',
  day: { utcTimestamp: 'ts' },
  fields: { event: { type: 'string', zh: '事件' } },
  measures: {},
});

const statementMoney = ['balance', 'min_due', 'paid_amount', 'interest', 'fees'];
export const statementRelation: Relation = storedRelation({
  id: 'statement',
  source: 'statement',
  folded: false,
  select: `a.customer_id, s.statement_date AS day, 1 AS row_count, ${statementMoney.map((c) => `s.${c}`).join(', ')},
    s.overdue_days, coalesce(s.revolving, false) AS revolving, s.period, s.due_date, s.paid_at`,
  from: 'statements s JOIN accounts a ON a.account_id = s.account_id',
  counted: 'statements s',
  day: { date: 's.statement_date' },
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
  measures: { ...Object.fromEntries(statementMoney.map((c) => [c, money(c)])), overdue_days: whole('overdue_days') },
  defaultMeasure: 'balance',
  // The moved rows of a day are found without the join to accounts and a scan of every statement.
  dayIndex: {
    table: 'tag_days_statement',
    columns: ['customer_id', 'day', ...statementMoney, 'overdue_days', 'revolving'],
  },
});

export const interactionRelation: Relation = storedRelation({
  id: 'interaction',
  source: 'interaction',
  folded: false,
  select: `customer_id, ts, ${shanghaiDay('ts')} AS day, 1 AS row_count, channel, category, sentiment, resolved`,
  from: 'service_interactions',
  day: { utcTimestamp: 'ts' },
  fields: {
    channel: { type: 'string', values: interactionChannels, zh: '联络渠道' },
    category: { type: 'string', values: interactionCategories, zh: '类别' },
    sentiment: { type: 'number', zh: '情绪' },
    resolved: { type: 'boolean', zh: '已解决' },
  },
  measures: { sentiment: fraction('sentiment') },
});

export const bureauRelation: Relation = storedRelation({
  id: 'bureau',
  source: 'bureau',
  folded: false,
  select: 'customer_id, as_of AS day, 1 AS row_count, score, inquiries_6m, external_debt, delinquencies',
  from: 'bureau',
  day: { date: 'as_of' },
  fields: {
    score: { type: 'number', zh: '评分' },
    inquiries_6m: { type: 'number', zh: '近6月查询' },
    external_debt: { type: 'number', zh: '他行负债' },
    delinquencies: { type: 'number', zh: '他行逾期' },
  },
  measures: { score: whole('score'), inquiries_6m: whole('inquiries_6m'), external_debt: money('external_debt'), delinquencies: whole('delinquencies') },
});

/** The relations of a source, cheapest first: the planner takes the first that has every field a tag names. */
export const relationsOf: Readonly<Record<DynamicSource, readonly Relation[]>> = {
  txn: [txnRaw],
  event: [eventRaw],
  statement: [statementRelation],
  interaction: [interactionRelation],
  bureau: [bureauRelation],
};

