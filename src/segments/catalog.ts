import { catalogOf, type CatalogEntry, type ExprCatalog } from '../core';
import type { Database, Queryable } from '../db';
import { loadCatalogue } from '../tags';
import { derivedColumns } from './derived-columns';
import { currentPersonaCodes } from './personas/persona-store';

// The names a segment rule may use: every tag in the tag catalogue (built-in and custom), plus `persona`,
// which the segments capability computes itself by clustering (the tag library leaves it out on purpose),
// plus RFM scores derived here when the tag library does not provide them.

/** A tag's declared type as the expression checker sees it (an enum is a string with known values). */
function entryOf(type: string, values: readonly string[] | undefined): CatalogEntry {
  if (type === 'enum') return { type: 'string', ...(values ? { values } : {}) };
  if (type === 'number' || type === 'boolean' || type === 'date' || type === 'string') return { type };
  return { type: 'string' };
}

export async function ruleCatalog(db: Database | Queryable): Promise<ExprCatalog> {
  const entries: Record<string, CatalogEntry> = {};
  // On the pool the two reads overlap; on one connection (inside a transaction) they run in turn.
  const [tags, personas] =
    'connection' in db
      ? [await loadCatalogue(db), await currentPersonaCodes(db)]
      : await Promise.all([loadCatalogue(db), currentPersonaCodes(db)]);
  for (const tag of tags) {
    const def = tag.definition;
    entries[def.code] = entryOf(def.type, def.values);
  }
  for (const name of Object.keys(derivedColumns)) entries[name] ??= { type: 'number' };
  entries.persona ??= personas.length > 0 ? { type: 'string', values: personas } : { type: 'string' };
  return catalogOf(entries);
}
