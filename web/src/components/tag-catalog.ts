// The names a rule or a computed tag may use, built in the browser from the tag catalogue the server lists,
// so that an unknown tag or a type mismatch is caught while typing.
import { catalogOf, type CatalogEntry, type ExprCatalog } from '../../../src/core/schema';
import type { TagType } from '../../../src/tags/schema';

interface CatalogTag {
  readonly code: string;
  readonly type: TagType;
}

function entryOf(type: TagType): CatalogEntry {
  // An enum is text with known values; the values are not in the catalogue listing, so a misspelt value is
  // left to the server's check (which knows them) rather than guessed here.
  return { type: type === 'enum' ? 'string' : type };
}

/**
 * Tags, plus the names segment rules read besides tags: `persona` (from clustering) and the RFM scores the
 * segments capability derives when the library lacks them (mirrors src/segments/catalog.ts).
 */
export function tagCatalog(tags: readonly CatalogTag[], forRules: boolean): ExprCatalog {
  const entries: Record<string, CatalogEntry> = {};
  for (const tag of tags) entries[tag.code] = entryOf(tag.type);
  if (forRules) {
    for (const name of ['rfm_r_score', 'rfm_f_score', 'rfm_m_score']) entries[name] ??= { type: 'number' };
    entries.persona ??= { type: 'string' };
  }
  return catalogOf(entries);
}
