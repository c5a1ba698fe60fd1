import { fail } from '../../core';
import { springFestivalCoverage } from './calendar';

/** What a caller chooses about the demo portfolio. Everything else follows from the seed. */
export interface GenerateOptions {
  readonly customers: number;
  readonly seed: number;
  /** Months of history ending at `asOf` (default 18). */
  readonly months?: number;
  /** The portfolio's as-of date, YYYY-MM-DD: the last day of data (default 2026-10-31, fixed so demos reproduce). */
  readonly asOf?: string;
  /** Empty the contract and truth tables first instead of refusing a database that holds customers. */
  readonly replace?: boolean;
  /** Customers per transaction batch: bounds memory and paces progress (default 50,000). */
  readonly batchCustomers?: number;
}

/** Validated options plus the history window they imply. Every number here has been checked to be an integer. */
export interface GenerateParams {
  readonly customers: number;
  readonly seed: number;
  readonly months: number;
  readonly asOf: string;
  /** First day of the first month of history. */
  readonly start: string;
  /** First day of the month after the as-of month. */
  readonly end: string;
  readonly replace: boolean;
  readonly batchCustomers: number;
}

export const defaultAsOf = '2026-10-31';
export const defaultMonths = 18;
export const maxCustomers = 10_000_000;

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail('bad_request', `${name} 必须是 ${min} 到 ${max} 之间的整数`, `${name} must be an integer from ${min} to ${max}`, {
      [name]: value,
    });
  }
  return value;
}

function monthStart(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
}

export function resolveParams(options: GenerateOptions): GenerateParams {
  const customers = checkInteger('customers', options.customers, 1, maxCustomers);
  // Seeds stay below 2^31 so that they are exact in every numeric type they pass through.
  const seed = checkInteger('seed', options.seed, 0, 2 ** 31 - 1);
  const months = checkInteger('months', options.months ?? defaultMonths, 1, 60);
  const batchCustomers = checkInteger('batchCustomers', options.batchCustomers ?? 50_000, 1, maxCustomers);
  const asOf = options.asOf ?? defaultAsOf;
  const parsed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const date = new Date(`${asOf}T00:00:00Z`);
  if (!parsed || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== asOf) {
    fail('bad_request', `截止日期 ${asOf} 不是有效的 YYYY-MM-DD 日期`, `as-of date ${asOf} is not a valid YYYY-MM-DD date`);
  }
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const start = monthStart(year, month - months + 1);
  const end = monthStart(year, month + 1);
  const [from, to] = springFestivalCoverage();
  // Customers joined up to 15 years before the window; the festival table must cover the window itself.
  if (Number(start.slice(0, 4)) < from || year > to) {
    fail(
      'bad_request',
      `历史窗口 ${start} 至 ${asOf} 超出春节日期表的范围（${from}–${to}）`,
      `history ${start} to ${asOf} is outside the Spring Festival table (${from}–${to})`,
    );
  }
  return { customers, seed, months, asOf, start, end, replace: options.replace ?? false, batchCustomers };
}
