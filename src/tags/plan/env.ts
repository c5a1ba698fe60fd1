import { compileExpression, duckdbDialect } from '../../core';
import type { SqlEnv } from './sql-env';

/** The DuckDB environment the refresh compiles in: literals escaped by the dialect, windows at `asOf`. */
export function duckdbEnv(asOf: string): SqlEnv {
  return {
    asOf,
    compile: (ast, resolveName) =>
      compileExpression(ast, { dialect: duckdbDialect, resolveIdentifier: resolveName, asOf: { date: asOf } }),
    literal: (value) => duckdbDialect.string(value),
  };
}
