import { addDays } from '../../core';
import { dateLiteral, windowBounds } from './window';

// A pass computes "states": per-customer aggregates in one GROUP BY. Tags that need the same aggregate share
// one state (spend_90d and the denominator of every 90-day share, for instance). States are kept between
// refreshes, and each kind knows how to move from one as-of date to the next from the rows that entered and
// left its window, which is what makes an incremental refresh read only a few days of data.

export type StateFn = 'sum' | 'max' | 'min' | 'latest' | 'months';

export interface StateSpec {
  readonly fn: StateFn;
  /** SQL of the aggregated value over the relation's columns. */
  readonly value: string;
  /** For a sum that is not a count: the exact type it is kept in (the measure's `sumType`, sources.ts). */
  readonly type?: string;
  /** The non-window condition (filter, base), compiled. */
  readonly cond?: string;
  readonly window?: string;
  readonly lag?: string;
}

export interface Range {
  readonly from?: string;
  readonly until: string;
}

const rangeSql = (r: Range) => [r.from ? `day >= ${dateLiteral(r.from)}` : undefined, `day < ${dateLiteral(r.until)}`].filter(Boolean).join(' AND ');

/** Whether the opening parenthesis at 0 closes at the very end (quotes skipped), so that it can go. */
function wrappedWhole(sql: string): boolean {
  if (!sql.startsWith('(') || !sql.endsWith(')')) return false;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < sql.length; i += 1) {
    const ch = sql[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth += 1;
    else if (ch === ')') {
      depth -= 1;
      if (depth === 0 && i < sql.length - 1) return false;
    }
  }
  return depth === 0;
}

/** The condition without parentheses around the whole of it: one spelling per condition, so states share. */
export function unwrapped(sql: string): string {
  let out = sql.trim();
  while (wrappedWhole(out)) out = out.slice(1, -1).trim();
  return out;
}

/** `cond AND cond …` of the present parts, or undefined when none restricts. */
export function allOf(...parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '').map(unwrapped);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return present.map((p) => `(${p})`).join(' AND ');
}

/** CASE-in-aggregate: measured ~1.7× cheaper than FILTER in DuckDB 1.5 (shared/NOTES-platform.md). */
export function when(cond: string | undefined, value: string): string {
  return cond ? `CASE WHEN ${cond} THEN ${value} END` : value;
}

/** Counts are sums of `row_count` (1 on every relation row). */
const isCount = (spec: StateSpec) => spec.value === 'row_count';

/**
 * A conditional sum. Counts are `count_if`, kept as INTEGER; other sums are kept in their measure's exact type
 * (money as DECIMAL(18,2), whole numbers as BIGINT: integers underneath), so that a state moved forward by
 * deltas is the state computed afresh to the last digit with no rounding step; the profile reads them as
 * DOUBLE (readItems). Rounded DOUBLE sums were the earlier design: at 1M customers rounding cost ~2 s of the
 * full pass and ~1 s of a day's merge, and a DOUBLE holds only about five decimals of a sum near 10^10. Rows
 * outside the condition add 0: vectors without empty values take DuckDB's fast path (~10 % of a 52-state
 * pass at 100M rows). A customer with rows but none matching thus gets 0 where a bare CASE would give NULL;
 * every tag reads sums through coalesce(…, 0) or a "> 0" test, so the values are the same.
 */
function sumOf(cond: string | undefined, spec: StateSpec): string {
  if (isCount(spec)) return cond ? `CAST(count_if(${cond}) AS INTEGER)` : 'CAST(count(*) AS INTEGER)';
  return `CAST(sum(${cond ? `CASE WHEN ${cond} THEN ${spec.value} ELSE 0 END` : spec.value}) AS ${sumType(spec)})`;
}

/** The type a sum is kept in: INTEGER for counts, else the measure's. */
function sumType(spec: StateSpec): string {
  if (isCount(spec)) return 'INTEGER';
  if (!spec.type) throw new Error(`a sum of ${spec.value} needs the type it is kept in`);
  return spec.type;
}

function monthIndex(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
}

/** Bits of the `months` calendar months ending with the as-of month, at positions (month index mod 64). */
export function monthMask(asOf: string, months: number): string {
  let mask = 0n;
  const last = monthIndex(asOf);
  for (let m = last - months + 1; m <= last; m += 1) mask |= 1n << BigInt(((m % 64) + 64) % 64);
  return `${mask.toString()}::UBIGINT`;
}

function monthsWindowStart(asOf: string, months: number): string {
  const index = monthIndex(asOf) - months + 1;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}-01`;
}


/** Whether a state's value can leave its window with the row that holds it (an extreme over a window). */
const leavesWithRow = (spec: StateSpec) => (spec.fn === 'max' || spec.fn === 'min' || spec.fn === 'latest') && spec.window !== undefined;

export class StateSet {
  private readonly specs = new Map<string, { alias: string; spec: StateSpec }>();
  private readonly opaque = new Map<string, string>();

  constructor(readonly prefix: string) {}

  /** The column alias of this state, adding it the first time it is seen. */
  add(spec: StateSpec): string {
    const key = JSON.stringify([spec.fn, spec.value, spec.type ?? '', spec.cond ? unwrapped(spec.cond) : '', spec.window ?? '', spec.lag ?? '']);
    const known = this.specs.get(key);
    if (known) return known.alias;
    const alias = `${this.prefix}_s${this.specs.size + this.opaque.size + 1}`;
    this.specs.set(key, { alias, spec });
    return alias;
  }

  /** A state written as plain aggregate SQL (static folds, recomputed every time). */
  addSql(aggregateSql: string): string {
    const known = this.opaque.get(aggregateSql);
    if (known) return known;
    const alias = `${this.prefix}_s${this.specs.size + this.opaque.size + 1}`;
    this.opaque.set(aggregateSql, alias);
    return alias;
  }

  /**
   * The states as the profile SELECT reads them: sums (kept as exact decimals and integers) as DOUBLE, the
   * profile's number type, so that shares, averages and computed tags over them do DOUBLE arithmetic. Cast
   * once here rather than where each tag reads a state: `top_category` reads each category's sum a dozen times.
   */
  readItems(): string[] {
    const cast = ({ alias, spec }: { alias: string; spec: StateSpec }) => (spec.fn === 'sum' && !isCount(spec) ? `CAST(${alias} AS DOUBLE) AS ${alias}` : alias);
    return [...[...this.specs.values()].map(cast), ...this.opaque.values()];
  }

  /** The column names of the states, in SELECT order. */
  aliases(): string[] {
    return [...[...this.specs.values()].map((s) => s.alias), ...this.opaque.values()];
  }

  get size(): number {
    return this.specs.size + this.opaque.size;
  }

  /** Whether every state can move forward by delta (no opaque SQL states). */
  get incremental(): boolean {
    return this.opaque.size === 0;
  }

  private bounds(spec: StateSpec, asOf: string): Range {
    if (spec.fn === 'months') return { from: monthsWindowStart(asOf, this.monthsOf(spec)), until: addDays(asOf, 1) };
    const b = windowBounds(asOf, spec.window, spec.lag);
    return { ...(b.start ? { from: b.start } : {}), until: b.end };
  }

  private monthsOf(spec: StateSpec): number {
    return Number((spec.window ?? '12m').slice(0, -1));
  }

  /**
   * The state over a pass that reads only `scope`: a window bound the scope already implies is left out, so
   * that a 365-day state in a 365-day pass costs its filter alone (each condition is evaluated per row).
   */
  private fullSql(spec: StateSpec, asOf: string, scope: Range | undefined): string {
    const b = this.bounds(spec, asOf);
    const fromImplied = !b.from || (scope?.from !== undefined && b.from <= scope.from);
    const untilImplied = scope !== undefined && b.until >= scope.until;
    const cond = allOf(fromImplied ? undefined : `day >= ${dateLiteral(b.from as string)}`, untilImplied ? undefined : `day < ${dateLiteral(b.until)}`, spec.cond);
    switch (spec.fn) {
      case 'sum':
        return sumOf(cond, spec);
      case 'max':
      case 'min':
        return `${spec.fn}(${when(cond, spec.value)})`;
      case 'latest':
        return `max(${when(cond, `struct_pack(d := day, v := ${spec.value})`)})`;
      case 'months':
        return `bit_or(${when(cond, '(1::UBIGINT << ((year(day) * 12 + month(day) - 1) % 64)::INTEGER)')})`;
    }
  }

  /** `agg AS alias` items of the pass at `asOf`, over rows restricted to `scope` (all rows when absent). */
  selectItems(asOf: string, scope?: Range): string[] {
    return [
      ...[...this.specs.values()].map(({ alias, spec }) => `${this.fullSql(spec, asOf, scope)} AS ${alias}`),
      ...[...this.opaque].map(([sql, alias]) => `${sql} AS ${alias}`),
    ];
  }

  /**
   * The states a customer's redo recomputes: extremes (max, min, latest) over a window, the only ones whose
   * value can leave with a row. Sums and month masks of the same customers still move by delta, so the redo
   * reads only the columns the extremes need.
   */
  redoItems(asOf: string, scope?: Range): string[] {
    return [...this.specs.values()].filter(({ spec }) => leavesWithRow(spec)).map(({ alias, spec }) => `${this.fullSql(spec, asOf, scope)} AS ${alias}`);
  }

  /**
   * Rows that entered and left each state's window between two as-of dates, as one delta SELECT's items over
   * the moved rows, which carry the `signed` columns: per window and value, the value on a row entering the
   * window, its negation on a row leaving it, else 0. A sum is then one plain conditional sum of its signed
   * column; the date tests run once per window and row rather than once per sum and row (~50 sums, ~5 windows).
   */
  deltaItems(from: string, to: string): { items: string[]; ranges: Range[]; signed: string[] } {
    const items: string[] = [];
    const ranges = new Map<string, Range>();
    const signed = new Map<string, string>();
    const keep = (r: Range) => {
      if (!r.from || r.from < r.until) ranges.set(`${r.from ?? ''}/${r.until}`, r);
    };
    for (const { alias, spec } of this.specs.values()) {
      const [b0, b1] = [this.bounds(spec, from), this.bounds(spec, to)];
      const enterFrom = b1.from && b1.from > b0.until ? b1.from : b0.until;
      const entering: Range = { from: enterFrom, until: b1.until };
      const value = spec.fn === 'latest' ? `struct_pack(d := day, v := ${spec.value})` : spec.fn === 'months' ? '(1::UBIGINT << ((year(day) * 12 + month(day) - 1) % 64)::INTEGER)' : spec.value;
      const agg = spec.fn === 'min' ? 'min' : spec.fn === 'months' ? 'bit_or' : 'max';
      const hasLeaving = spec.fn !== 'months' && b0.from !== undefined;
      const leaving: Range = { ...(b0.from ? { from: b0.from } : {}), until: b1.from && b1.from < b0.until ? b1.from : b0.until };
      keep(entering);
      if (hasLeaving) keep(leaving);
      if (spec.fn === 'sum') {
        const v = isCount(spec) ? '1' : value;
        const sql = `CASE WHEN ${rangeSql(entering)} THEN ${v}${hasLeaving ? ` WHEN ${rangeSql(leaving)} THEN -(${v})` : ''} ELSE 0 END`;
        const column = signed.get(sql) ?? `${this.prefix}_m${signed.size + 1}`;
        signed.set(sql, column);
        items.push(`CAST(sum(${spec.cond ? `CASE WHEN ${unwrapped(spec.cond)} THEN ${column} ELSE 0 END` : column}) AS ${sumType(spec)}) AS ${alias}_d`);
        continue;
      }
      items.push(`${agg}(${when(allOf(rangeSql(entering), spec.cond), value)}) AS ${alias}_in`);
      if (hasLeaving) items.push(`${agg}(${when(allOf(rangeSql(leaving), spec.cond), value)}) AS ${alias}_out`);
    }
    return { items, ranges: [...ranges.values()], signed: [...signed].map(([sql, column]) => `${sql} AS ${column}`) };
  }

  /**
   * When a customer's extremes must be recomputed, one condition per extreme over a window (any of them
   * holding marks the customer): its value may have left the window, unless an entering row is at least as
   * extreme as the one leaving (then that row is the new extreme, as merged). Monthly statements make this
   * the common case: the statement entering and the one leaving a 12-month window belong to the same
   * customers.
   */
  dirtyConditions(): string[] {
    return [...this.specs.values()]
      .filter(({ spec }) => leavesWithRow(spec))
      .map(({ alias, spec }) => {
        const [o, i, out] = [`o.${alias}`, `d.${alias}_in`, `d.${alias}_out`];
        const [beyond, notBeyond] = spec.fn === 'min' ? ['<=', '>'] : ['>=', '<'];
        return `(${out} IS NOT NULL AND ${o} IS NOT NULL AND ${out} ${beyond} ${o} AND (${i} IS NULL OR ${i} ${notBeyond} ${out}))`;
      });
  }

  /**
   * The new states from the old (`o`) and the delta (`d`). Where `redone` holds (the customer is dirty),
   * extremes over a window come from the redo row `r`: NULL when no row is left in their window.
   */
  mergeItems(to: string, redone: string): string[] {
    return [...this.specs.values()].map(({ alias, spec }) => {
      const [o, i] = [`o.${alias}`, `d.${alias}_in`];
      switch (spec.fn) {
        case 'sum': {
          // DECIMAL + DECIMAL widens by a digit (to 128 bits): the cast keeps the stored type.
          const moved = `coalesce(${o}, 0) + coalesce(d.${alias}_d, 0)`;
          return isCount(spec) ? `${moved} AS ${alias}` : `CAST(${moved} AS ${sumType(spec)}) AS ${alias}`;
        }
        case 'max':
        case 'latest':
        case 'min': {
          const merged = `${spec.fn === 'min' ? 'least' : 'greatest'}(${o}, ${i})`;
          return leavesWithRow(spec) ? `CASE WHEN ${redone} THEN r.${alias} ELSE ${merged} END AS ${alias}` : `${merged} AS ${alias}`;
        }
        case 'months':
          return `(coalesce(${o}, 0::UBIGINT) | coalesce(${i}, 0::UBIGINT)) & ${monthMask(to, this.monthsOf(spec))} AS ${alias}`;
      }
    });
  }

  /** The earliest day any state reads at `asOf` (undefined: some state reads all history). */
  earliestDay(asOf: string): string | undefined {
    let earliest: string | undefined;
    for (const { spec } of this.specs.values()) {
      const b = this.bounds(spec, asOf);
      if (!b.from) return undefined;
      if (earliest === undefined || b.from < earliest) earliest = b.from;
    }
    return earliest;
  }
}
