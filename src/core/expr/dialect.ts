import type { AggregateName, FunctionName } from './ast';
import { fail } from '../errors';

/** What a function mapping may need besides its compiled arguments. */
export interface FunctionEnv {
  /** SQL for the as-of date (a DATE), for age() and as_of(). */
  readonly asOf: string;
  readonly dialect: Dialect;
}

export type FunctionSql = (args: readonly string[], env: FunctionEnv) => string;

/**
 * How one SQL engine spells the language. The compiler only ever talks to this interface, so callers pass a
 * dialect and never change when one is added. A new dialect spreads an existing spec and overrides the
 * differences (see dialect-postgres.ts), then goes through `defineDialect`.
 */
export interface DialectSpec {
  readonly name: string;
  quoteIdent(name: string): string;
  /** A text literal, escaped so that no value can end it early. */
  string(value: string): string;
  /** A finite number as a literal in its natural type (for comparisons). */
  number(value: number): string;
  /** A number literal typed as double precision, so arithmetic neither overflows integers nor grows decimals. */
  double(value: number): string;
  /** Casts an expression to double precision (sums of DECIMAL money). */
  toDouble(sql: string): string;
  boolean(value: boolean): string;
  readonly nullLiteral: string;
  /** A calendar day, YYYY-MM-DD already validated. */
  date(iso: string): string;
  /** A UTC instant 'YYYY-MM-DD HH:MM:SS', for folded window bounds. */
  timestamp(utc: string): string;
  /** A bound parameter read as a DATE. */
  castDate(sql: string): string;
  ifThenElse(condition: string, then: string, otherwise: string): string;
  /**
   * Division giving a double, and NULL (never an error or infinity) when the divisor is 0. `nonZero` says
   * the divisor is a literal other than 0, so no guard is needed.
   */
  divide(left: string, right: string, nonZero: boolean): string;
  /** Remainder with the dividend's sign, NULL when the divisor is 0. */
  modulo(left: string, right: string, nonZero: boolean): string;
  /** Text concatenation that is NULL when either side is. */
  concat(left: string, right: string): string;
  /** Days from `from` to `to` (to − from). */
  dateDiffDays(from: string, to: string): string;
  addDays(date: string, days: number): string;
  addMonths(date: string, months: number): string;
  /** The UTC timestamp at which a local calendar day (a DATE) starts, `offsetHours` ahead of UTC. */
  utcStartOfLocalDay(date: string, offsetHours: number): string;
  /** An aggregate over a behaviour window; `value` is undefined for count(*). */
  aggregate(fn: AggregateName, value: string | undefined, kind: 'number' | 'money' | 'other'): string;
  readonly functions: Readonly<Record<Exclude<FunctionName, 'as_of'>, FunctionSql>>;
}

export interface Dialect extends DialectSpec {
  /** Any literal value: text escaped, numbers checked finite, null as NULL. */
  literal(value: string | number | boolean | null): string;
}

/** Completes a spec into a dialect; `literal` dispatches to the spec's own (possibly overridden) methods. */
export function defineDialect(spec: DialectSpec): Dialect {
  const dialect: Dialect = {
    ...spec,
    number: (value) => spec.number(finite(value)),
    double: (value) => spec.double(finite(value)),
    literal(value) {
      if (value === null) return spec.nullLiteral;
      if (typeof value === 'string') return spec.string(value);
      if (typeof value === 'boolean') return spec.boolean(value);
      return spec.number(finite(value));
    },
  };
  return Object.freeze(dialect);
}

/** Literals come from user text: refuse NaN and infinities rather than emit something an engine misreads. */
export function finite(value: number): number {
  if (!Number.isFinite(value)) {
    fail('expression_invalid', `数字 ${value} 无法写入 SQL`, `the number ${value} cannot be written as SQL`, { found: String(value) });
  }
  return Object.is(value, -0) ? 0 : value;
}

/** The shortest text that reads back as the same double: JavaScript's own, which SQL engines also accept. */
export function numberText(value: number): string {
  return String(finite(value));
}
