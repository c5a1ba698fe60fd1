// The expression language's public surface. Browser-safe: nothing here imports Node modules, so the console
// can parse and type-check as the user types.
export * from './ast';
export { build, withoutSpans } from './build';
export { catalogOf, type CatalogEntry, type ExprCatalog } from './catalog';
export { checkExpression, type CheckOptions } from './check';
export { compileExpression, type AsOf, type CompileContext } from './compile';
export { defaultBehaviourSql, type BehaviourHook, type BehaviourWindowSql } from './compile-behaviour';
export { defineDialect, type Dialect, type DialectSpec, type FunctionEnv, type FunctionSql } from './dialect';
export { clickhouseDialect, clickhouseSpec } from './dialect-clickhouse';
export { duckdbDialect, duckdbSpec } from './dialect-duckdb';
export { dialectFor, type SqlEngine } from './dialects';
export { postgresDialect, postgresSpec } from './dialect-postgres';
export { dependencies, type Dependencies } from './dependencies';
export { evaluate, type EvalEnv, type ExprValue, type SourceRow } from './evaluate';
export type { ExprErrorDetails } from './expr-error';
export { functionSignatures, type FunctionSignature } from './functions';
export { parseExpression } from './parser';
export { prepareExpression, type PreparedExpression } from './prepare';
export { printExpression } from './printer';
export { behaviourSources, type BehaviourSource, type SourceField } from './sources';
export { closest, editDistance } from './suggest';
