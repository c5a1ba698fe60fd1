// A tag's window as people say it: `90d` reads 近 90 天 / last 90 days, `12m` 近 12 个月 / last 12 months.
import type { TFunction } from 'i18next';

/** A span such as `90d` or `12m` in words ("90 天", "12 months"); anything else as written. */
export function formatSpan(span: string, t: TFunction): string {
  const match = /^(\d+)([dm])$/.exec(span.trim());
  if (!match) return span;
  return t(match[2] === 'd' ? 'tags.span.days' : 'tags.span.months', { count: Number(match[1]) });
}

/** A window ending at the as-of date: 近 90 天 / last 90 days. */
export function formatWindow(window: string, t: TFunction): string {
  return t('tags.windowText', { window: formatSpan(window, t) });
}
