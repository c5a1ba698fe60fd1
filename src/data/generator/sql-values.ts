import { quoteLiteral } from '../../db';

// The few values a plan needs as literals (DuckDB binds no parameters inside macros and CREATE TABLE AS
// over unnest plans in every position). Each is checked here before it is placed in SQL text.

export function dateLiteral(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new Error(`not a date: ${date}`);
  }
  return `DATE '${date}'`;
}

export function intLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** A list literal of constant strings from the generator's own tables, e.g. ['a','b']. */
export function stringList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}
