// How tag names and kinds read in the console's language. Names come from the definitions (both languages
// are stored); dimensions, kinds and types are console vocabulary labelled in the i18n files.
import { tagDimensions, type TagDimension } from '../../../../src/tags/schema';

export const tagKinds = ['static', 'dynamic', 'computed'] as const;
export type TagKind = (typeof tagKinds)[number];

export const dimensionColors: Readonly<Record<TagDimension, string>> = {
  basic: 'blue',
  behaviour: 'cyan',
  risk: 'red',
  lifecycle: 'purple',
  interest: 'magenta',
  value: 'gold',
  channel: 'green',
};

export const kindColors: Readonly<Record<TagKind, string>> = {
  static: 'default',
  dynamic: 'processing',
  computed: 'purple',
};

export function tagName(
  tag: { readonly name_zh: string; readonly name_en: string },
  language: string,
): string {
  return language === 'en-US' ? tag.name_en : tag.name_zh;
}

export function isDimension(value: string): value is TagDimension {
  return (tagDimensions as readonly string[]).includes(value);
}

// PSI bands as the tag capability defines them (README: Drift): < 0.1 stable, 0.1–0.25 moderate, > 0.25 major.
export const driftBandColors = { stable: '#52c41a', moderate: '#faad14', major: '#ff4d4f' } as const;
