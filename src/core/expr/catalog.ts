import type { ExprType } from './ast';

/** What the type checker knows about a name: its type and, for an enumerated tag, the values it takes. */
export interface CatalogEntry {
  readonly type: ExprType;
  readonly values?: readonly string[];
}

/**
 * The names an expression may use (tag codes, or columns of whatever the caller compiles against). The tag
 * engine implements it over the tag library; tests use `catalogOf`.
 */
export interface ExprCatalog {
  lookup(name: string): CatalogEntry | undefined;
  /** Every name, for "did you mean" suggestions. */
  names(): Iterable<string>;
  /**
   * Set when the names are the fields of one source (a tag's filter reads transactions, not tags), so that a
   * misspelt name is reported as a missing field of that source, not as an unknown tag.
   */
  readonly source?: string;
}

/** A catalogue over a plain record: `catalogOf({ spend_90d: { type: 'number' } })`; `source` names whose fields they are. */
export function catalogOf(entries: Readonly<Record<string, CatalogEntry>>, source?: string): ExprCatalog {
  const map = new Map(Object.entries(entries));
  return {
    lookup: (name) => map.get(name),
    names: () => map.keys(),
    ...(source === undefined ? {} : { source }),
  };
}
