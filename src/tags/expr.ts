import { catalogOf, checkExpression, dependencies, parseExpression, type ExprCatalog, type Expr, type ExprType } from '../core';
import type { RelationField } from './sources';

// The tag engine's door to the expression language: parse and type-check a definition's expressions
// against the names they may use (a source's fields, or the tag catalogue), and compile them to SQL with
// names resolved to the columns of the pass or layer they are evaluated in.

export type { Expr, ExprCatalog, ExprType };

/** The fields of one source (`txn`, `accounts`, …) as the names a filter or static expression may read. */
export function fieldCatalog(source: string, fields: Readonly<Record<string, RelationField>>): ExprCatalog {
  return catalogOf(
    Object.fromEntries(
      Object.entries(fields).map(([name, f]) => [name, { type: f.type, ...(f.values ? { values: f.values } : {}) }]),
    ),
    source,
  );
}

/** Parses and checks; throws `expression_invalid` with the position and reason. */
export function checkedAst(text: string, catalog: ExprCatalog, expect?: ExprType): { ast: Expr; type: ExprType } {
  const ast = parseExpression(text);
  const type = checkExpression(ast, catalog, expect ? { expect } : {});
  return { ast, type };
}

/** The names an expression reads (tags, or fields), sorted. */
export function namesRead(ast: Expr): readonly string[] {
  return dependencies(ast).identifiers;
}

/** Tag codes a stored computed expression reads (it parsed when saved). */
export function tagsReadBy(text: string): readonly string[] {
  return namesRead(parseExpression(text));
}
