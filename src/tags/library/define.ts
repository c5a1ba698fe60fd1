import type { TagDefinition, TagDimension, TagSpec, TagType } from '../definition-schema';

// Built-in tags are written compactly: the helper fills the defaults every library tag shares (daily
// refresh, owned by the tags capability, version 1) so each entry reads as what it measures.
interface LibraryEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly type: TagType;
  readonly spec: TagSpec;
  readonly description: string;
  /** The same in Chinese: every built-in tag has both (people read the console in zh-CN by default). */
  readonly descriptionZh: string;
  readonly values?: readonly string[];
  readonly buckets?: TagDefinition['buckets'];
  readonly unit?: string;
}

export function libraryTags(dimension: TagDimension, entries: readonly LibraryEntry[]): TagDefinition[] {
  return entries.map((e) => ({
    code: e.code,
    name_zh: e.zh,
    name_en: e.en,
    dimension,
    type: e.type,
    spec: e.spec,
    ...(e.values ? { values: [...e.values] } : {}),
    ...(e.buckets ? { buckets: e.buckets } : {}),
    ...(e.unit ? { unit: e.unit } : {}),
    refresh: 'daily',
    owner: 'tags',
    description: e.description,
    description_zh: e.descriptionZh,
    version: 1,
  }));
}

/** Purchases only: refunds are negative rows that reduce spend but are not purchases. */
export const purchase = 'not is_refund';
