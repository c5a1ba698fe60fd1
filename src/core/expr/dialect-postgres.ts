import { defineDialect, numberText, type DialectSpec } from './dialect';
import { duckdbSpec, fn, standardAggregate } from './dialect-duckdb';

// PostgreSQL differs from DuckDB where it is stricter: `/` on integers truncates and 0 raises an error, `%`
// and round(x, n) exist only for NUMERIC, date − date is already a day count, and strings with a backslash
// are written E'…' so the result does not depend on standard_conforming_strings.

const toDouble = (sql: string) => `CAST(${sql} AS DOUBLE PRECISION)`;

export const postgresSpec: DialectSpec = {
  ...duckdbSpec,
  name: 'postgres',
  string: (value) =>
    value.includes('\\')
      ? `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
      : `'${value.replaceAll("'", "''")}'`,
  number: numberText,
  double: (value) => toDouble(numberText(value)),
  toDouble,
  divide: (left, right, nonZero) => `(${toDouble(left)} / ${nonZero ? right : `NULLIF(${right}, 0)`})`,
  modulo: (left, right, nonZero) =>
    toDouble(`mod(CAST(${left} AS NUMERIC), ${nonZero ? `CAST(${right} AS NUMERIC)` : `NULLIF(CAST(${right} AS NUMERIC), 0)`})`),
  dateDiffDays: (from, to) => `(${to} - ${from})`,
  addMonths: (date, months) => `CAST(${date} ${months < 0 ? '-' : '+'} INTERVAL '${Math.abs(months)} months' AS DATE)`,
  utcStartOfLocalDay: (date, offsetHours) =>
    offsetHours === 0
      ? `CAST(${date} AS TIMESTAMP)`
      : `(CAST(${date} AS TIMESTAMP) ${offsetHours > 0 ? '-' : '+'} INTERVAL '${Math.abs(offsetHours)} hours')`,
  aggregate: standardAggregate(toDouble),
  functions: {
    ...duckdbSpec.functions,
    round: ([x, places]) => toDouble(`round(CAST(${x} AS NUMERIC)${places === undefined ? '' : `, ${places}`})`),
    age: ([date], { asOf }) => `EXTRACT(YEAR FROM age(${asOf}, ${date}))`,
    year: ([date]) => `EXTRACT(YEAR FROM ${date})`,
    month: ([date]) => `EXTRACT(MONTH FROM ${date})`,
    length: fn('char_length'),
    contains: ([text, part]) => `(strpos(${text}, ${part}) > 0)`,
    ends_with: ([text, part]) => `(right(${text}, char_length(${part})) = ${part})`,
  },
};

export const postgresDialect = defineDialect(postgresSpec);
