import { quoteIdent } from '../../db';
import { sqlTypeOf, type TableSpec } from './define';

/**
 * CREATE TABLE for a contract table. Keys and references are enforced by the importers and measured by the
 * quality report rather than declared as constraints: DuckDB keeps an index per PRIMARY KEY, which at 100
 * million transactions costs gigabytes and slows every load, and its foreign keys forbid updating a parent.
 */
export function createTableSql(spec: TableSpec, name = spec.name): string {
  const columns = spec.columns.map((c) => `  ${quoteIdent(c.name)} ${sqlTypeOf[c.type]}`);
  return `CREATE TABLE IF NOT EXISTS ${quoteIdent(name)} (\n${columns.join(',\n')}\n)`;
}
