import { defineDialect, numberText, type DialectSpec } from './dialect';
import { duckdbSpec, fn } from './dialect-duckdb';

// ClickHouse differs most: backslash escapes in strings, if() instead of CASE, x/0 gives infinity (so the
// divisor goes through nullIf), length() and lower() count and fold bytes (the UTF8 variants are used), and
// aggregates over no rows give 0 rather than NULL (the OrNull combinators restore SQL's answer).

const toDouble = (sql: string) => `toFloat64(${sql})`;

export const clickhouseSpec: DialectSpec = {
  ...duckdbSpec,
  name: 'clickhouse',
  quoteIdent: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  string: (value) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
  number: numberText,
  double: (value) => toDouble(numberText(value)),
  toDouble,
  boolean: (value) => (value ? 'true' : 'false'),
  date: (iso) => `toDate('${iso}')`,
  timestamp: (utc) => `toDateTime('${utc}', 'UTC')`,
  castDate: (sql) => `toDate(${sql})`,
  ifThenElse: (condition, then, otherwise) => `if(${condition}, ${then}, ${otherwise})`,
  divide: (left, right, nonZero) => `(${left} / ${nonZero ? right : `nullIf(${right}, 0)`})`,
  modulo: (left, right, nonZero) => `(${left} % ${nonZero ? right : `nullIf(${right}, 0)`})`,
  concat: (left, right) => `concat(${left}, ${right})`,
  dateDiffDays: (from, to) => `dateDiff('day', ${from}, ${to})`,
  addDays: (date, days) => (days === 0 ? date : `addDays(${date}, ${days})`),
  addMonths: (date, months) => `addMonths(${date}, ${months})`,
  utcStartOfLocalDay: (date, offsetHours) =>
    offsetHours === 0 ? `toDateTime(${date}, 'UTC')` : `(toDateTime(${date}, 'UTC') - toIntervalHour(${offsetHours}))`,
  aggregate(aggregate, value, kind) {
    const v = value ?? '';
    switch (aggregate) {
      case 'count':
        return `count(${v})`;
      case 'count_distinct':
        return `uniqExact(${v})`;
      case 'sum':
        return toDouble(`sum(${v})`);
      case 'avg':
        return `avgOrNull(${v})`;
      case 'min':
      case 'max':
        return kind === 'other' ? `${aggregate}OrNull(${v})` : toDouble(`${aggregate}OrNull(${v})`);
    }
  },
  functions: {
    ...duckdbSpec.functions,
    // round() on floats may round half to even here; spell out half away from zero to match the others.
    round: ([x, places]) => {
      const n = Number(places ?? '0');
      const scale = `1e${Math.abs(n)}`;
      return n >= 0
        ? `(sign(${x}) * floor(abs(${x}) * ${scale} + 0.5) / ${scale})`
        : `(sign(${x}) * floor(abs(${x}) / ${scale} + 0.5) * ${scale})`;
    },
    ln: ([x]) => `if(${x} > 0, log(${x}), NULL)`,
    sqrt: ([x]) => `if(${x} >= 0, sqrt(${x}), NULL)`,
    age: ([date], { asOf }) => `age('year', ${date}, ${asOf})`,
    year: fn('toYear'),
    month: fn('toMonth'),
    lower: fn('lowerUTF8'),
    upper: fn('upperUTF8'),
    length: fn('lengthUTF8'),
    contains: ([text, part]) => `(position(${text}, ${part}) > 0)`,
    starts_with: fn('startsWith'),
    ends_with: fn('endsWith'),
  },
};

export const clickhouseDialect = defineDialect(clickhouseSpec);
