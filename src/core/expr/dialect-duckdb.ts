import { defineDialect, numberText, type DialectSpec, type FunctionSql } from './dialect';

// DuckDB is the reference dialect: the others spread this spec and override what differs. Its `/` gives a
// double, but (verified on 1.5) x/0 gives ±Infinity or NaN and a double % 0 gives NaN, so the divisor goes
// through NULLIF to keep SQL's "unknown" answer; ln and sqrt raise errors outside their domain, so they are
// guarded to give NULL instead.

function doubleText(value: number): string {
  const text = numberText(value);
  return /e/i.test(text) ? text : `${text}e0`;
}

export const fn =
  (name: string): FunctionSql =>
  (args) =>
    `${name}(${args.join(', ')})`;

/** count/sum/avg/min/max as the SQL standard spells them; sums of nothing are 0, as a marketer expects. */
export function standardAggregate(toDouble: (sql: string) => string): DialectSpec['aggregate'] {
  return (fn, value, kind) => {
    const v = value ?? '*';
    switch (fn) {
      case 'count':
        return `count(${v})`;
      case 'count_distinct':
        return `count(DISTINCT ${v})`;
      case 'sum':
        return `coalesce(${toDouble(`sum(${v})`)}, 0)`;
      case 'avg':
        return toDouble(`avg(${v})`);
      case 'min':
      case 'max':
        return kind === 'other' ? `${fn}(${v})` : toDouble(`${fn}(${v})`);
    }
  };
}

const interval = (amount: number, unit: 'DAY' | 'MONTH' | 'HOUR') => `INTERVAL ${Math.abs(amount)} ${unit}`;

export const duckdbSpec: DialectSpec = {
  name: 'duckdb',
  quoteIdent: (name) => `"${name.replaceAll('"', '""')}"`,
  string: (value) => `'${value.replaceAll("'", "''")}'`,
  // Whole numbers read naturally; anything else is written with an exponent, which DuckDB parses straight
  // to the nearest double (a plain 0.1 would be a DECIMAL, rounded twice on its way to DOUBLE).
  number: (value) => (Number.isSafeInteger(value) ? numberText(value) : doubleText(value)),
  double: doubleText,
  toDouble: (sql) => `CAST(${sql} AS DOUBLE)`,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  nullLiteral: 'NULL',
  date: (iso) => `DATE '${iso}'`,
  timestamp: (utc) => `TIMESTAMP '${utc}'`,
  castDate: (sql) => `CAST(${sql} AS DATE)`,
  ifThenElse: (condition, then, otherwise) => `CASE WHEN ${condition} THEN ${then} ELSE ${otherwise} END`,
  divide: (left, right, nonZero) => `(${left} / ${nonZero ? right : `NULLIF(${right}, 0)`})`,
  modulo: (left, right, nonZero) => `(${left} % ${nonZero ? right : `NULLIF(${right}, 0)`})`,
  concat: (left, right) => `(${left} || ${right})`,
  dateDiffDays: (from, to) => `date_diff('day', ${from}, ${to})`,
  addDays: (date, days) => (days === 0 ? date : `(${date} ${days < 0 ? '-' : '+'} ${Math.abs(days)})`),
  addMonths: (date, months) => `CAST(${date} ${months < 0 ? '-' : '+'} ${interval(months, 'MONTH')} AS DATE)`,
  utcStartOfLocalDay: (date, offsetHours) =>
    offsetHours === 0
      ? `CAST(${date} AS TIMESTAMP)`
      : `(CAST(${date} AS TIMESTAMP) ${offsetHours > 0 ? '-' : '+'} ${interval(offsetHours, 'HOUR')})`,
  aggregate: standardAggregate((sql) => `CAST(${sql} AS DOUBLE)`),
  functions: {
    abs: fn('abs'),
    round: fn('round'),
    floor: fn('floor'),
    ceil: fn('ceil'),
    ln: ([x]) => `CASE WHEN ${x} > 0 THEN ln(${x}) END`,
    sqrt: ([x]) => `CASE WHEN ${x} >= 0 THEN sqrt(${x}) END`,
    least: fn('least'),
    greatest: fn('greatest'),
    coalesce: fn('coalesce'),
    days_between: ([from, to], { dialect }) => dialect.dateDiffDays(from as string, to as string),
    age: ([date], { asOf }) => `date_sub('year', ${date}, ${asOf})`,
    year: fn('year'),
    month: fn('month'),
    lower: fn('lower'),
    upper: fn('upper'),
    length: fn('length'),
    contains: fn('contains'),
    starts_with: fn('starts_with'),
    ends_with: fn('ends_with'),
  },
};

export const duckdbDialect = defineDialect(duckdbSpec);
