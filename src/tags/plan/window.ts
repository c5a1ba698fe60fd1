import { addDays } from '../../core';
import { windowPattern } from '../definition-schema';

// Windows mean what they mean in the expression language (src/core/expr): `30d` is the 30 days ending at
// the as-of date; `12m` runs from the same day-of-month twelve calendar months back (clamped to month
// ends). A segment rule `count(txn, 12m)` and the tag `txn_count_12m` thus count the same rows.

function parse(window: string): { amount: number; unit: 'd' | 'm' } {
  const match = windowPattern.exec(window);
  if (!match) throw new Error(`not a window: ${window}`);
  return { amount: Number(match[1]), unit: match[2] as 'd' | 'm' };
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day of a window that ends just before `endExclusive`. */
function startBefore(endExclusive: string, window: string): string {
  const { amount, unit } = parse(window);
  return unit === 'd' ? addDays(endExclusive, -amount) : addMonths(endExclusive, -amount);
}

/** Approximate days in a window, for validation limits. */
export function windowDays(window: string): number {
  const { amount, unit } = parse(window);
  return unit === 'd' ? amount : amount * 31;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A DATE literal for a day the engine computed (never user text): checked, then written out. */
export function dateLiteral(day: string): string {
  if (!isoDay.test(day)) throw new Error(`not a calendar day: ${day}`);
  return `DATE '${day}'`;
}

/** First day inside and first day after the window ending `lag` before the as-of date. */
export function windowBounds(asOf: string, window: string | undefined, lag: string | undefined): { start?: string; end: string } {
  const end = lag ? startBefore(addDays(asOf, 1), lag) : addDays(asOf, 1);
  return window ? { start: startBefore(end, window), end } : { end };
}

/** The window as a condition on the relation's `day`; undefined when it is all history to the as-of. */
export function windowCondition(asOf: string, window: string | undefined, lag: string | undefined): string | undefined {
  const { start, end } = windowBounds(asOf, window, lag);
  const parts = [...(start ? [`day >= ${dateLiteral(start)}`] : []), ...(lag ? [`day < ${dateLiteral(end)}`] : [])];
  return parts.length ? parts.join(' AND ') : undefined;
}
