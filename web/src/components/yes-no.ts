// A true/false value as people read it (是/否, Yes/No): tag values, account flags and rule values alike.
import type { TFunction } from 'i18next';

/** `true` or `false` (a boolean, or as a distribution's text label) in the console's language. */
export function yesNo(value: boolean | 'true' | 'false', t: TFunction): string {
  return value === true || value === 'true' ? t('common.yes') : t('common.no');
}
