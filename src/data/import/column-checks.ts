import { quoteLiteral } from '../../db';
import { sqlTypeOf, type ColumnSpec } from '../contract/define';
import { rejectReasons as r, reasonText, type ReasonText } from './reject-reasons';
import type { RejectRule } from './schema';

// Validation is compiled to SQL from the contract's column declarations: one vectorised pass types every
// column and lists each row's problems, instead of a JavaScript loop over millions of rows. Every constant
// here comes from the contract or a zod-validated mapping; quoteLiteral still makes each one safe.

export interface ReadFormats {
  readonly dateFormat?: string | undefined;
  readonly timestampFormat?: string | undefined;
  readonly decimalSeparator?: '.' | ',' | undefined;
}

/** A check: when `condition` holds for a row, the row gets a reject entry with this rule and reason. */
export interface ColumnCheck {
  readonly rule: RejectRule;
  readonly condition: string;
  readonly reason: ReasonText;
}

// A value that looks like an ISO date but does not cast is a day that does not exist (2023-02-30).
const isoDatePrefix = `'^\\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T].*)?$'`;
// An explicit UTC offset (Z, +08, +08:00, +0800) after a time of day: converted to UTC, not dropped.
const offsetSuffix = `'[T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?\\s*(Z|[+-][0-9]{2}(:?[0-9]{2})?)$'`;

/** SQL turning the raw text `raw` into the column's contract type; NULL when it does not convert. */
export function typedSql(column: ColumnSpec, raw: string, formats: ReadFormats): string {
  // A decimal comma is only read as such when the mapping says so: '1,234' is ambiguous otherwise.
  const number = formats.decimalSeparator === ',' ? `replace(${raw}, ',', '.')` : raw;
  switch (column.type) {
    case 'varchar':
      return raw;
    case 'integer':
      // TRY_CAST('1.5' AS INTEGER) rounds to 2; an integer column must not silently lose a fraction.
      return `CASE WHEN TRY_CAST(${number} AS DOUBLE) = TRY_CAST(${number} AS BIGINT) THEN TRY_CAST(${number} AS INTEGER) END`;
    case 'double':
      return `CASE WHEN isfinite(TRY_CAST(${number} AS DOUBLE)) THEN TRY_CAST(${number} AS DOUBLE) END`;
    case 'money':
      return `TRY_CAST(${number} AS ${sqlTypeOf.money})`;
    case 'date':
      return formats.dateFormat
        ? `TRY_CAST(try_strptime(${raw}, ${quoteLiteral(formats.dateFormat)}) AS DATE)`
        : `TRY_CAST(${raw} AS DATE)`;
    case 'timestamp':
      if (formats.timestampFormat) {
        const parsed = `try_strptime(${raw}, ${quoteLiteral(formats.timestampFormat)})`;
        // %z makes strptime return TIMESTAMPTZ; the store keeps naive UTC.
        return formats.timestampFormat.includes('%z') ? `(${parsed} AT TIME ZONE 'UTC')` : parsed;
      }
      // 'YYYY-MM-DD HH:MM:SS' is 19 characters: only longer values can carry an offset, so the regular
      // expression runs on few rows.
      return `CASE WHEN length(${raw}) > 19 AND regexp_matches(${raw}, ${offsetSuffix})
        THEN TRY_CAST(${raw} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ELSE TRY_CAST(${raw} AS TIMESTAMP) END`;
    case 'boolean':
      return `TRY_CAST(${raw} AS BOOLEAN)`;
    case 'json':
      return `CASE WHEN json_valid(${raw}) THEN ${raw}::JSON END`;
  }
}

function typeReason(column: ColumnSpec, formats: ReadFormats): ReasonText {
  switch (column.type) {
    case 'varchar':
      return reasonText(r.notText);
    case 'integer':
      return reasonText(r.notWholeNumber);
    case 'double':
      return reasonText(r.notNumber);
    case 'money':
      return reasonText(r.notAmount);
    case 'date':
      return formats.dateFormat ? reasonText(r.notDateIn, { format: formats.dateFormat }) : reasonText(r.notDate);
    case 'timestamp':
      return formats.timestampFormat
        ? reasonText(r.notTimestampIn, { format: formats.timestampFormat })
        : reasonText(r.notTimestamp);
    case 'boolean':
      return reasonText(r.notBoolean);
    case 'json':
      return reasonText(r.notJson);
  }
}

/** The bound `min`/`max` as a SQL constant of the column's type. */
function boundSql(column: ColumnSpec, bound: number | string): string {
  if (typeof bound === 'number') return String(bound);
  return `${sqlTypeOf[column.type]} ${quoteLiteral(bound)}`;
}

/**
 * The latest value a `notFuture` column accepts: a day after the moment of checking (UTC), so that clocks and
 * the eight hours between UTC and Shanghai never refuse a row that has truly happened.
 */
function latestAccepted(column: ColumnSpec): string {
  const iso = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  return column.type === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/**
 * Checks on values already typed (`typed`): enum, range and pattern. Shared with the quality report, which
 * runs them over the rows a table holds.
 */
export function valueChecks(column: ColumnSpec, typed: string): ColumnCheck[] {
  const checks: ColumnCheck[] = [];
  if (column.values) {
    const list = column.values.map(quoteLiteral).join(', ');
    checks.push({ rule: 'enum', condition: `${typed} NOT IN (${list})`, reason: reasonText(r.notOneOf, { values: column.values.join(', ') }) });
  }
  if (column.min !== undefined) {
    checks.push({ rule: 'range', condition: `${typed} < ${boundSql(column, column.min)}`, reason: reasonText(r.belowMinimum, { min: column.min }) });
  }
  if (column.max !== undefined) {
    checks.push({ rule: 'range', condition: `${typed} > ${boundSql(column, column.max)}`, reason: reasonText(r.aboveMaximum, { max: column.max }) });
  }
  if (column.notFuture) {
    const latest = latestAccepted(column);
    checks.push({ rule: 'range', condition: `${typed} > ${boundSql(column, latest)}`, reason: reasonText(r.inFuture, { latest }) });
  }
  if (column.pattern) {
    checks.push({
      rule: 'pattern',
      condition: `NOT regexp_full_match(${typed}, ${quoteLiteral(column.pattern)})`,
      reason: reasonText(r.noMatch, { pattern: column.pattern }),
    });
  }
  return checks.map((c) => ({ ...c, condition: `${typed} IS NOT NULL AND ${c.condition}` }));
}

/**
 * Whether any row-level check of the column fires, without building reasons: cheap enough to evaluate on
 * every row, so the list of reasons is only built for the few rows that need it.
 */
export function anyFailureSql(column: ColumnSpec, raw: string, typed: string): string | undefined {
  const parts: string[] = [];
  if (column.required) parts.push(`${raw} IS NULL`);
  if (column.type !== 'varchar') parts.push(`(${raw} IS NOT NULL AND ${typed} IS NULL)`);
  for (const check of valueChecks(column, typed)) parts.push(`(${check.condition})`);
  return parts.length > 0 ? parts.join(' OR ') : undefined;
}

/** Every row-level check of one column, given its raw text and its typed value. At most one fires per value. */
export function rowChecks(column: ColumnSpec, raw: string, typed: string, formats: ReadFormats): ColumnCheck[] {
  const checks: ColumnCheck[] = [];
  if (column.required) checks.push({ rule: 'required', condition: `${raw} IS NULL`, reason: reasonText(r.required) });
  const failed = `${raw} IS NOT NULL AND ${typed} IS NULL`;
  const datelike = column.type === 'date' || column.type === 'timestamp';
  const custom = column.type === 'date' ? formats.dateFormat : formats.timestampFormat;
  if (datelike && !custom) {
    checks.push({ rule: 'date', condition: `${failed} AND regexp_matches(${raw}, ${isoDatePrefix})`, reason: reasonText(r.impossibleDate) });
    checks.push({ rule: 'type', condition: `${failed} AND NOT regexp_matches(${raw}, ${isoDatePrefix})`, reason: typeReason(column, formats) });
  } else if (column.type !== 'varchar') {
    checks.push({ rule: 'type', condition: failed, reason: typeReason(column, formats) });
  }
  return [...checks, ...valueChecks(column, typed)];
}
