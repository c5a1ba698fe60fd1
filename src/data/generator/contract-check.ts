import { quoteIdent, quoteLiteral, type Queryable } from '../../db';
import type { ColumnSpec, TableSpec } from '../contract/define';

// Checks every row of a contract table against its declaration (required, closed values, ranges, patterns,
// references, key uniqueness) in SQL, and returns the violations found. The generator's tests use it to
// prove that the demo portfolio satisfies the contract it claims to fill.

export interface Violation {
  readonly table: string;
  readonly column: string;
  readonly rule: string;
  readonly rows: number;
}

function bound(column: ColumnSpec, value: number | string): string {
  if (typeof value === 'number') return String(value);
  if (column.type === 'timestamp') return `TIMESTAMP ${quoteLiteral(value)}`;
  return `DATE ${quoteLiteral(value)}`;
}

function rulesFor(column: ColumnSpec): [string, string][] {
  const c = quoteIdent(column.name);
  const rules: [string, string][] = [];
  if (column.required) rules.push(['required', `${c} IS NULL`]);
  if (column.values) rules.push(['values', `${c} NOT IN (${column.values.map(quoteLiteral).join(', ')})`]);
  if (column.min !== undefined) rules.push(['min', `${c} < ${bound(column, column.min)}`]);
  if (column.max !== undefined) rules.push(['max', `${c} > ${bound(column, column.max)}`]);
  if (column.pattern) rules.push(['pattern', `NOT regexp_full_match(${c}::VARCHAR, ${quoteLiteral(column.pattern)})`]);
  if (column.references) {
    const [table, ref] = column.references.split('.') as [string, string];
    rules.push(['references', `${c} IS NOT NULL AND ${c} NOT IN (SELECT ${quoteIdent(ref)} FROM ${quoteIdent(table)})`]);
  }
  return rules;
}

export async function contractViolations(db: Queryable, spec: TableSpec): Promise<Violation[]> {
  const checks = spec.columns.flatMap((column) => rulesFor(column).map(([rule, sql]) => ({ column: column.name, rule, sql })));
  const out: Violation[] = [];
  if (checks.length > 0) {
    const select = checks.map((check, i) => `count(*) FILTER (WHERE ${check.sql}) AS v${i}`).join(', ');
    const row = (await db.one<Record<string, number>>(`SELECT ${select} FROM ${quoteIdent(spec.name)}`)) ?? {};
    checks.forEach((check, i) => {
      const rows = Number(row[`v${i}`] ?? 0);
      if (rows > 0) out.push({ table: spec.name, column: check.column, rule: check.rule, rows });
    });
  }
  const key = spec.key.map(quoteIdent).join(', ');
  const dup = await db.one<{ n: number; k: number }>(
    `SELECT count(*)::BIGINT AS n, (SELECT count(*) FROM (SELECT DISTINCT ${key} FROM ${quoteIdent(spec.name)}))::BIGINT AS k
     FROM ${quoteIdent(spec.name)}`,
  );
  if (dup && dup.n !== dup.k) out.push({ table: spec.name, column: spec.key.join('+'), rule: 'unique key', rows: dup.n - dup.k });
  return out;
}
