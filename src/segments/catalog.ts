import { catalogOf, type CatalogEntry, type ExprCatalog } from '../core';
import type { Database, Queryable } from '../db';
import { loadCatalogue, type TagDefinition } from '../tags';
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
  // On the pool the two reads overlap; on one connection (inside a transaction) they run in turn.
  const [tags, personas] =
    'connection' in db
      ? [await loadCatalogue(db), await currentPersonaCodes(db)]
      : await Promise.all([loadCatalogue(db), currentPersonaCodes(db)]);
  return ruleCatalogOf(
    tags.map((t) => t.definition),
    personas,
  );
}

/** The names a rule may use, given the tag catalogue (as stored, or as an edit proposes it) and the personas. */
export function ruleCatalogOf(tags: readonly TagDefinition[], personas: readonly string[]): ExprCatalog {
  const entries: Record<string, CatalogEntry> = {};
  for (const def of tags) entries[def.code] = entryOf(def.type, def.values);
  for (const name of Object.keys(derivedColumns)) entries[name] ??= { type: 'number' };
  entries.persona ??= personas.length > 0 ? { type: 'string', values: [...personas] } : { type: 'string' };
  return catalogOf(entries);
}
