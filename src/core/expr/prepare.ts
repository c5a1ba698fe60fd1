import type { Expr, ExprType } from './ast';
import type { ExprCatalog } from './catalog';
import { checkExpression, type CheckOptions } from './check';
import { dependencies, type Dependencies } from './dependencies';
import { parseExpression } from './parser';
import { printExpression } from './printer';

/** A parsed, type-checked expression, ready to save or compile. */
export interface PreparedExpression {
  readonly ast: Expr;
  readonly type: ExprType;
  readonly dependencies: Dependencies;
  /** The canonical text, for storing and diffing definitions. */
  readonly canonical: string;
}

/**
 * Parse, check and analyse in one call; throws `expression_invalid` with the position on the first problem.
 * `prepareExpression("spend_90d >= 5000 and card_tier = 'gold'", catalog, { expect: 'boolean' })`.
 */
export function prepareExpression(text: string, catalog: ExprCatalog, options: CheckOptions = {}): PreparedExpression {
  const ast = parseExpression(text);
  const type = checkExpression(ast, catalog, options);
  return Object.freeze({ ast, type, dependencies: dependencies(ast), canonical: printExpression(ast) });
}
