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
  /** The non-window condition (filter, base), compiled. */
  readonly cond?: string;
  readonly window?: string;
  readonly lag?: string;
}

interface Range {
  readonly from?: string;
  readonly until: string;
}

const rangeSql = (r: Range) => [r.from ? `day >= ${dateLiteral(r.from)}` : undefined, `day < ${dateLiteral(r.until)}`].filter(Boolean).join(' AND ');

/** `cond AND cond …` of the present parts, or undefined when none restricts. */
export function allOf(...parts: ReadonlyArray<string | undefined>): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  if (present.length === 0) return undefined;
  return present.map((p) => `(${p})`).join(' AND ');
}

/** CASE-in-aggregate: measured ~1.7× cheaper than FILTER in DuckDB 1.5 (shared/NOTES-platform.md). */
export function when(cond: string | undefined, value: string): string {
  return cond ? `CASE WHEN ${cond} THEN ${value} END` : value;
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

const cast = (agg: string, sql: string) => (agg === 'sum' ? `CAST(${sql} AS DOUBLE)` : sql);

export class StateSet {
  private readonly specs = new Map<string, { alias: string; spec: StateSpec }>();
  private readonly opaque = new Map<string, string>();

  constructor(readonly prefix: string) {}

  /** The column alias of this state, adding it the first time it is seen. */
  add(spec: StateSpec): string {
    const key = JSON.stringify([spec.fn, spec.value, spec.cond ?? '', spec.window ?? '', spec.lag ?? '']);
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

  private fullSql(spec: StateSpec, asOf: string): string {
    const cond = allOf(rangeSql(this.bounds(spec, asOf)), spec.cond);
    switch (spec.fn) {
      case 'sum':
        // DOUBLE, not the HUGEINT/DECIMAL a sum would give: measured ~3× cheaper to store and read back.
        return `round(CAST(sum(${when(cond, spec.value)}) AS DOUBLE), 6)`;
      case 'max':
      case 'min':
        return `${spec.fn}(${when(cond, spec.value)})`;
      case 'latest':
        return `max(${when(cond, `struct_pack(d := day, v := ${spec.value})`)})`;
      case 'months':
        return `bit_or(${when(cond, '(1::UBIGINT << ((year(day) * 12 + month(day) - 1) % 64)::INTEGER)')})`;
    }
  }

  /** `agg AS alias` items of the pass at `asOf`. */
  selectItems(asOf: string): string[] {
    return [
      ...[...this.specs.values()].map(({ alias, spec }) => `${this.fullSql(spec, asOf)} AS ${alias}`),
      ...[...this.opaque].map(([sql, alias]) => `${sql} AS ${alias}`),
    ];
  }

  /** Rows that entered and left each state's window between two as-of dates, as one delta SELECT's items. */
  deltaItems(from: string, to: string): { items: string[]; ranges: string[] } {
    const items: string[] = [];
    const ranges: string[] = [];
    for (const { alias, spec } of this.specs.values()) {
      const [b0, b1] = [this.bounds(spec, from), this.bounds(spec, to)];
      const enterFrom = b1.from && b1.from > b0.until ? b1.from : b0.until;
      const entering: Range = { from: enterFrom, until: b1.until };
      const value = spec.fn === 'latest' ? `struct_pack(d := day, v := ${spec.value})` : spec.fn === 'months' ? '(1::UBIGINT << ((year(day) * 12 + month(day) - 1) % 64)::INTEGER)' : spec.value;
      const agg = spec.fn === 'sum' ? 'sum' : spec.fn === 'min' ? 'min' : spec.fn === 'months' ? 'bit_or' : 'max';
      items.push(`${cast(agg, `${agg}(${when(allOf(rangeSql(entering), spec.cond), value)})`)} AS ${alias}_in`);
      ranges.push(rangeSql(entering));
      if (spec.fn !== 'months' && b0.from) {
        const leaving: Range = { from: b0.from, until: b1.from && b1.from < b0.until ? b1.from : b0.until };
        items.push(`${cast(agg, `${agg}(${when(allOf(rangeSql(leaving), spec.cond), value)})`)} AS ${alias}_out`);
        ranges.push(rangeSql(leaving));
      }
    }
    return { items, ranges };
  }

  /** The new state from the old (`o`) and the delta (`d`), and the condition under which it must be recomputed. */
  mergeItems(to: string): { items: string[]; dirty: string[] } {
    const items: string[] = [];
    const dirty: string[] = [];
    for (const { alias, spec } of this.specs.values()) {
      const [o, i, out] = [`o.${alias}`, `d.${alias}_in`, `d.${alias}_out`];
      const leaves = spec.fn !== 'months' && spec.window !== undefined;
      switch (spec.fn) {
        case 'sum':
          items.push(`round(coalesce(${o}, 0) + coalesce(${i}, 0)${leaves ? ` - coalesce(${out}, 0)` : ''}, 6) AS ${alias}`);
          break;
        case 'max':
        case 'latest':
        case 'min': {
          items.push(`${spec.fn === 'min' ? 'least' : 'greatest'}(${o}, ${i}) AS ${alias}`);
          // The extreme may have left the window: the customer's state is recomputed from scratch.
          if (leaves) dirty.push(`(${out} IS NOT NULL AND ${o} IS NOT NULL AND ${out} ${spec.fn === 'min' ? '<=' : '>='} ${o})`);
          break;
        }
        case 'months':
          items.push(`(coalesce(${o}, 0::UBIGINT) | coalesce(${i}, 0::UBIGINT)) & ${monthMask(to, this.monthsOf(spec))} AS ${alias}`);
          break;
      }
    }
    return { items, dirty };
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
