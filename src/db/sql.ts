// The one helper that puts a name into SQL. Names come from definitions validated against the contract or
// the tag catalogue, never from raw input; quoting still makes any name safe.
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, for the rare DDL places DuckDB does not accept a bound parameter (e.g. read_csv paths in views). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
