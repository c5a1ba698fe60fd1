// An enum tag's value as people read it: the console labels the contract's vocabularies (金卡 for gold); band
// labels and custom values have no label and read as written.
import type { TFunction } from 'i18next';

/** An enum value by its label (金卡 for gold) where the console has one; band labels and codes otherwise. */
export function tagValueLabel(value: string, t: TFunction): string {
  return t(`tagValue.${value}`, { defaultValue: value });
}

/** A value with its code beside the label when they differ beyond case and spacing: 金卡 (gold), but Heavy alone. */
export function tagValueWithCode(value: string, t: TFunction): string {
  const label = tagValueLabel(value, t);
  const plain = (text: string) => text.toLowerCase().replace(/[\s_-]/g, '');
  return plain(label) === plain(value) ? label : `${label} (${value})`;
}
