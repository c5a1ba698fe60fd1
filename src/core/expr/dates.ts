import { addDays, daysBetween } from '../time';

// Calendar arithmetic shared by the compiler (to fold window bounds when the as-of date is a literal) and
// the reference interpreter. Dates are ISO calendar days, 'YYYY-MM-DD'; they compare correctly as strings.

export { addDays, daysBetween };

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is an existing calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = isoPattern.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function parts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds calendar months, clamping to the month's last day (31 March − 1 month = 28 February), as SQL does. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whole years from `from` to `to`, negative when `to` is earlier: DuckDB's date_sub('year', …). A month is
 * complete when the day of month is reached, or when `to` is the last day of a shorter month (so someone
 * born on 29 February is a year older on 28 February).
 */
export function completedYears(from: string, to: string): number {
  if (from > to) return -completedYears(to, from);
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  const endOfMonth = td === daysInMonth(ty, tm);
  if (td < fd && !endOfMonth) months -= 1;
  return Math.trunc(months / 12);
}

/** The calendar day of a UTC instant in a zone `offsetHours` ahead of UTC. */
export function localDay(instant: Date, offsetHours: number): string {
  return new Date(instant.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
}

/** The UTC instant, as 'YYYY-MM-DD HH:MM:SS', at which a local calendar day starts. */
export function utcStartOfLocalDay(iso: string, offsetHours: number): string {
  const [y, m, d] = parts(iso);
  const instant = new Date(Date.UTC(y, m - 1, d) - offsetHours * 3_600_000);
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}

/** A window of `amount` days or months ending with the as-of day: [start, end) as calendar days. */
export function windowDays(asOf: string, amount: number, unit: 'd' | 'm'): { start: string; end: string } {
  const end = addDays(asOf, 1);
  return { start: unit === 'd' ? addDays(end, -amount) : addMonths(end, -amount), end };
}
