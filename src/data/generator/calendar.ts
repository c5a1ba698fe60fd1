// The seasonal calendar of the demo portfolio: which months spend more, and on which days each kind of
// spending lands. Computed here in TypeScript (a few thousand rows at most) and loaded as small tables that
// the transaction plan joins on equality.

/**
 * Spring Festival (农历正月初一) by Gregorian year. Lunar dates cannot be derived with a simple formula, so
 * they are a table. Source: lunar-typescript 1.8.6, `Lunar.fromYmd(year, 1, 1).getSolar()`, checked for every
 * year listed (chinese-days agrees, e.g. 2024-02-10, 2025-01-29, 2026-02-17, 2027-02-06).
 */
export const springFestival: Readonly<Record<number, string>> = {
  2000: '2000-02-05', 2001: '2001-01-24', 2002: '2002-02-12', 2003: '2003-02-01', 2004: '2004-01-22',
  2005: '2005-02-09', 2006: '2006-01-29', 2007: '2007-02-18', 2008: '2008-02-07', 2009: '2009-01-26',
  2010: '2010-02-14', 2011: '2011-02-03', 2012: '2012-01-23', 2013: '2013-02-10', 2014: '2014-01-31',
  2015: '2015-02-19', 2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05',
  2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10',
  2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13',
  2030: '2030-02-03', 2031: '2031-01-23', 2032: '2032-02-11', 2033: '2033-01-31', 2034: '2034-02-19',
  2035: '2035-02-08',
};

export function springFestivalCoverage(): [number, number] {
  const years = Object.keys(springFestival).map(Number);
  return [Math.min(...years), Math.max(...years)];
}

/** Day kinds: which calendar a transaction's day is drawn from. */
export const dayKinds = { general: 0, online: 1, travel: 2 } as const;

export interface MonthRow {
  readonly m: number;
  readonly month_start: string;
  /** Last day of the month that lies in the history (the as-of date for the as-of month). */
  readonly month_last: string;
  readonly period: string;
  /** Expected activity relative to an ordinary full month: coverage × season. */
  readonly count_mult: number;
  /** A festival pulls this share of the month's transactions into one category. */
  readonly boost_category: string;
  readonly boost_share: number;
}

export interface DayRow {
  readonly m: number;
  readonly kind: number;
  readonly d: string;
  readonly weight: number;
  /** Festival tickets are larger (a Double 11 basket, a Golden Week trip). */
  readonly ticket_mult: number;
}

const dayMs = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

function offsetFromFestival(t: number): number {
  const year = new Date(t).getUTCFullYear();
  const festival = springFestival[year];
  const next = springFestival[year + 1];
  const candidates = [festival, next].filter((d): d is string => d !== undefined).map((d) => (t - at(d)) / dayMs);
  // The nearest festival: late-December days count down to a late-January festival of the next year.
  return candidates.reduce((best, x) => (Math.abs(x) < Math.abs(best) ? x : best), Number.POSITIVE_INFINITY);
}

function dayWeights(t: number): { general: number; online: number; travel: number; onlineTicket: number; travelTicket: number } {
  const date = new Date(t);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const sf = offsetFromFestival(t);
  let general = weekend ? 1.35 : 1;
  let online = weekend ? 1.1 : 1;
  let travel = weekend ? 1.4 : 1;
  let onlineTicket = 1;
  let travelTicket = 1;
  if (sf >= -14 && sf < 0) general *= 1.5; // 年货: shopping for the New Year
  if (sf >= 0 && sf <= 3) { general *= 0.6; online *= 0.5; } // shops and couriers rest
  if (sf >= -10 && sf <= 6) { travel *= 2.5; travelTicket = 1.3; } // 春运: the journey home
  if (month === 11 && day === 11) { online *= 12; onlineTicket = 1.6; } // Double 11 (双十一)
  else if (month === 11 && day <= 10) online *= 1.6; // pre-sales
  if (month === 6 && day === 18) { online *= 8; onlineTicket = 1.4; } // 618
  else if (month === 6 && day < 18) online *= 1.4;
  if (month === 12 && day === 12) online *= 3; // Double 12
  if (month === 10 && day <= 7) { travel *= 4; general *= 1.3; travelTicket = 1.4; } // Golden Week (国庆)
  if (month === 5 && day <= 5) { travel *= 2.5; general *= 1.2; } // Labour Day holiday
  if (month === 7 || month === 8) travel *= 1.3; // summer holidays
  return { general, online, travel, onlineTicket, travelTicket };
}

function monthSeason(year: number, month: number): { mult: number; boost: string; share: number } {
  const festival = springFestival[year];
  const shoppingMonth = festival ? new Date(at(festival) - 7 * dayMs).getUTCMonth() + 1 : 0;
  if (month === 11) return { mult: 1.1, boost: 'online_shopping', share: 0.15 };
  if (month === 6) return { mult: 1.05, boost: 'online_shopping', share: 0.1 };
  if (month === 10) return { mult: 1.04, boost: 'travel', share: 0.08 };
  if (month === shoppingMonth) return { mult: 1.1, boost: 'supermarket', share: 0.1 };
  if (month === 7 || month === 8) return { mult: 1.0, boost: 'travel', share: 0.05 };
  if (month === 12) return { mult: 1.05, boost: 'shopping', share: 0.05 };
  if (month === 2) return { mult: 0.95, boost: 'none', share: 0 };
  return { mult: 1, boost: 'none', share: 0 };
}

export function buildCalendar(start: string, months: number, asOf: string): { months: MonthRow[]; days: DayRow[] } {
  const monthRows: MonthRow[] = [];
  const days: DayRow[] = [];
  const last = at(asOf);
  const first = new Date(at(start));
  for (let m = 0; m < months; m += 1) {
    const y = first.getUTCFullYear();
    const mo = first.getUTCMonth() + m;
    const from = Date.UTC(y, mo, 1);
    const monthEnd = Date.UTC(y, mo + 1, 1) - dayMs;
    const to = Math.min(monthEnd, last);
    const coverage = ((to - from) / dayMs + 1) / ((monthEnd - from) / dayMs + 1);
    const date = new Date(from);
    const season = monthSeason(date.getUTCFullYear(), date.getUTCMonth() + 1);
    monthRows.push({
      m,
      month_start: iso(from),
      month_last: iso(to),
      period: iso(from).slice(0, 7),
      count_mult: coverage * season.mult,
      boost_category: season.boost,
      boost_share: season.share,
    });
    for (let t = from; t <= to; t += dayMs) {
      const w = dayWeights(t);
      const d = iso(t);
      days.push({ m, kind: dayKinds.general, d, weight: w.general, ticket_mult: 1 });
      days.push({ m, kind: dayKinds.online, d, weight: w.online, ticket_mult: w.onlineTicket });
      days.push({ m, kind: dayKinds.travel, d, weight: w.travel, ticket_mult: w.travelTicket });
    }
  }
  return { months: monthRows, days };
}
