// Numbers and times for people. Times are shown in Asia/Shanghai whatever the browser's zone, because the
// card centre works on Beijing time and every window in the data ends on a Shanghai day.
const timeZone = 'Asia/Shanghai';

/** Yuan as ¥1,234 in both languages: English formats would otherwise write CN¥, which nobody here reads. */
export function formatMoney(value: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** Short form for chart axes: 1.2亿 in Chinese, 120M in English. */
export function formatCompact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Short yuan for money axes: ¥1.5万 in Chinese, ¥15K in English. */
export function formatCompactMoney(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(ratio: number, locale: string, fractionDigits = 1): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio);
}

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23', // never '24:05' at midnight
});

/** The Shanghai wall-clock fields of an instant, two digits each (four for the year). */
export function shanghaiParts(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = wallClock.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

/**
 * An instant (ISO string or Date) as a Shanghai wall-clock time: 2025-06-30 14:05. The digits are the same in
 * every language; the locale is taken like the other formatters' so that callers need not tell them apart.
 */
export function formatDateTime(instant: string | Date, _locale?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const at = shanghaiParts(date);
  return `${at.year}-${at.month}-${at.day} ${at.hour}:${at.minute}`;
}
