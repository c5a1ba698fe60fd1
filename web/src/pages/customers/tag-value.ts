// A customer's tag value as people read it: money with ¥, shares as percentages, yes/no for booleans.
import type { TFunction } from 'i18next';
import type { TagValue } from '../../../../src/profiles/schema';
import { formatMoney, formatPercent } from '../../app/format';
import { formatNumber } from '../../components/format-number';
import { tagValueLabel } from '../../components/tag-value-label';
import { yesNo } from '../../components/yes-no';

interface TagShape {
  readonly code: string;
  readonly type: string;
  readonly unit: string | null;
}

/** Shares and ratios carry no unit in the catalogue; their codes say what they are (spend_share_…, utilisation, spend_trend_…). */
function isRatio(tag: TagShape): boolean {
  return (
    tag.type === 'number' && tag.unit === null && /(^|_)(share|utilisation|ratio|trend)(_|$)/.test(tag.code)
  );
}

export function formatTagValue(tag: TagShape, value: TagValue, t: TFunction, locale: string): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return yesNo(value, t);
  if (typeof value === 'number') {
    if (tag.unit === 'CNY') return formatMoney(value, locale);
    if (isRatio(tag)) return formatPercent(value, locale);
    const unit = tag.unit ? t(`customers.unit.${tag.unit}`, { defaultValue: tag.unit }) : '';
    return `${formatNumber(value, locale)}${unit ? ` ${unit}` : ''}`;
  }
  return tagValueLabel(value, t);
}

/** A value as a point of a sparkline: numbers as they are, booleans as 0/1, anything else not drawable. */
export function sparkPoint(value: TagValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}
