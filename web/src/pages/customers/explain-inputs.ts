// The rows a tag value was computed from, as people read them: which columns matter, what they are called,
// and their values labelled (money with ¥, yes/no, category names) rather than as stored.
import type { TFunction } from 'i18next';
import { formatDateTime, formatMoney } from '../../app/format';
import { formatNumber } from '../../components/format-number';
import { yesNo } from '../../components/yes-no';

// Same customer on every row, and a technical count of folded rows: neither explains anything.
const hidden = new Set(['customer_id', 'row_count']);
const timeColumns = ['ts', 'day', 'as_of'];
const money = new Set([
  'amount',
  'balance',
  'min_due',
  'paid_amount',
  'interest',
  'fees',
  'external_debt',
  'credit_limit',
  'annual_fee',
]);
// Contract vocabularies already labelled in the console, by the column that holds them.
const vocabularies: Readonly<Record<string, string>> = {
  category: 'category',
  tier: 'contract.tier',
  status: 'contract.accountStatus',
  gender: 'contract.gender',
};
const columnLimit = 6;

/**
 * The columns to show, at most six: when it happened first, then the measured field (the one summed or
 * averaged, which is the point of the table), then the rest in the order the server sent them.
 */
export function inputColumns(
  rows: ReadonlyArray<Record<string, unknown>>,
  measured: string | undefined,
): string[] {
  const all = [...new Set(rows.slice(0, 20).flatMap((row) => Object.keys(row)))].filter(
    (c) => !hidden.has(c),
  );
  const time = timeColumns.find((c) => all.includes(c));
  const first = [time, measured && all.includes(measured) ? measured : undefined].filter(
    (c): c is string => c !== undefined,
  );
  // A timestamp and its day say the same thing: the day is dropped when the time is shown.
  const rest = all.filter((c) => !first.includes(c) && !(time === 'ts' && c === 'day'));
  return [...first, ...rest].slice(0, columnLimit);
}

/** A column's heading: the field's name in the console's language, or a tag's name for a computed tag's inputs. */
export function inputHeading(column: string, t: TFunction, tagNames: ReadonlyMap<string, string>): string {
  return tagNames.get(column) ?? t(`sourceField.${column}`, { defaultValue: column });
}

export function inputCell(column: string, value: unknown, t: TFunction, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return yesNo(value, t);
  if (typeof value === 'number')
    return money.has(column) ? formatMoney(value, locale, 2) : formatNumber(value, locale);
  if (typeof value === 'string') {
    if (column === 'ts') return formatDateTime(value, locale);
    const vocabulary = vocabularies[column];
    if (vocabulary) return t(`${vocabulary}.${value}`, { defaultValue: value });
    if (column === 'channel')
      return t(`contract.txnChannel.${value}`, {
        defaultValue: t(`contract.interactionChannel.${value}`, { defaultValue: value }),
      });
    return value;
  }
  return JSON.stringify(value);
}
