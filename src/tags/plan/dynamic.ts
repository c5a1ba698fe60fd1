import { assertNever } from '../../core';
import { quoteIdent } from '../../db';
import type { DynamicSpec } from '../definition-schema';
import type { Relation } from '../sources';
import { allOf, when, type StateSet } from './state-set';
import { dateLiteral, windowBounds, windowCondition } from './window';

/** What a dynamic tag needs from the planner: its filters already compiled to SQL over the relation. */
export interface DynamicInput {
  readonly spec: DynamicSpec;
  readonly relation: Relation;
  readonly asOf: string;
  readonly filterSql?: string;
  readonly baseSql?: string;
  /** SQL literals of the grouped field's values, for `top`, in tie-break order. */
  readonly valueLiterals?: readonly string[];
  readonly values?: readonly string[];
}

/**
 * Adds the states a dynamic tag needs to the pass and returns the SQL of its value over those states
 * (evaluated after the pass, in the profile SELECT). Counts and sums of nothing are 0; extremes, averages,
 * shares and "days since" of nothing are empty.
 */
export function planDynamic(input: DynamicInput, states: StateSet): string {
  const { spec, relation, asOf } = input;
  const inWindow = windowCondition(asOf, spec.window, spec.lag);
  const cond = allOf(inWindow, input.baseSql, input.filterSql);
  const measureName = spec.aggregate === 'top' ? relation.defaultMeasure : (spec.field ?? relation.defaultMeasure);
  const measure = relation.measures[measureName ?? ''];
  const need = () => {
    if (!measure) throw new Error(`${relation.id} has no measure ${measureName ?? '(default)'}`);
    return measure;
  };
  const asOfSql = dateLiteral(asOf);
  switch (spec.aggregate) {
    case 'count':
      return `coalesce(${states.add(`sum(${when(cond, 'row_count')})`)}, 0)`;
    case 'sum':
      return `coalesce(${states.add(`sum(${when(cond, need().sum)})`)}, 0)`;
    case 'avg': {
      const m = need();
      const total = states.add(`sum(${when(cond, m.sum)})`);
      const rows = states.add(`sum(${when(allOf(cond, `${m.sum} IS NOT NULL`), 'row_count')})`);
      return `${total} / nullif(${rows}, 0)`;
    }
    case 'max':
      return states.add(`max(${when(cond, need().max)})`);
    case 'min':
      return states.add(`min(${when(cond, need().min)})`);
    case 'share': {
      const m = need();
      const part = states.add(`sum(${when(cond, m.sum)})`);
      const whole = states.add(`sum(${when(allOf(inWindow, input.baseSql), m.sum)})`);
      return `CASE WHEN ${whole} > 0 THEN coalesce(${part}, 0) / ${whole} END`;
    }
    case 'days_since':
      return `date_diff('day', ${states.add(`max(${when(cond, 'day')})`)}, ${asOfSql})`;
    case 'distinct_months': {
      // One bit per whole month back from the as-of: a bitmask instead of count(DISTINCT), which costs a
      // third more time and gigabytes of memory at 100M rows (NOTES-platform.md).
      const slot = `least(date_sub('month', day, ${asOfSql}), 63)`;
      const mask = states.add(`bit_or(${when(cond, `(1::UBIGINT << ${slot}::INTEGER)`)})`);
      return `coalesce(bit_count(${mask}), 0)`;
    }
    case 'last': {
      // Latest row wins; on a tie of days the larger value, so that the answer does not depend on row order.
      const field = quoteIdent(spec.field ?? '');
      return `(${states.add(`max(${when(cond, `struct_pack(d := day, v := ${field})`)})`)}).v`;
    }
    case 'top': {
      const field = quoteIdent(spec.field ?? '');
      const literals = input.valueLiterals ?? [];
      const value = spec.by === 'count' ? 'row_count' : need().sum;
      const sums = literals.map((lit) => `coalesce(${states.add(`sum(${when(allOf(cond, `${field} = ${lit}`), value)})`)}, 0)`);
      if (sums.length === 0) return 'NULL';
      const best = sums.length === 1 ? sums[0] : `greatest(${sums.join(', ')})`;
      const arms = sums.map((s, i) => `WHEN ${s} = ${best} THEN ${literals[i]}`).join(' ');
      return `CASE WHEN ${best} > 0 THEN (CASE ${arms} END) END`;
    }
    default:
      return assertNever(spec.aggregate, 'aggregate');
  }
}

/** The earliest day any of these specs reads (undefined: some spec reads all history). */
export function earliestDay(specs: readonly DynamicSpec[], asOf: string): string | undefined {
  let earliest: string | undefined;
  for (const spec of specs) {
    const { start } = windowBounds(asOf, spec.window, spec.lag);
    if (!start) return undefined;
    if (earliest === undefined || start < earliest) earliest = start;
  }
  return earliest;
}
