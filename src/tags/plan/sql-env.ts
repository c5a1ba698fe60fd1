import type { Expr } from '../expr';

/** What the planner needs from the expression compiler: an AST to SQL with names resolved by the caller. */
export interface SqlEnv {
  readonly asOf: string;
  compile(ast: Expr, resolveName: (name: string) => string): string;
  /** A text literal, escaped by the dialect. */
  literal(value: string): string;
}
