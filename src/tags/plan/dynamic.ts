import { assertNever } from '../../core';
import { quoteIdent } from '../../db';
import type { DynamicSpec } from '../definition-schema';
import type { MeasureColumns, Relation } from '../sources';
import { allOf, monthMask, type StateSet } from './state-set';
import { dateLiteral } from './window';

/** What a dynamic tag needs from the planner: its filters already compiled to SQL over the relation. */
export interface DynamicInput {
  readonly spec: DynamicSpec;
  readonly relation: Relation;
  readonly asOf: string;
  readonly filterSql?: string;
  readonly baseSql?: string;
  /** SQL literals of the grouped field's values, for `top`, in tie-break order. */
  readonly valueLiterals?: readonly string[];
}

/**
 * Adds the states a dynamic tag needs to the pass and returns the SQL of its value over those states
 * (evaluated after the pass, in the profile SELECT). Counts and sums of nothing are 0; extremes, averages,
 * shares and "days since" of nothing are empty.
 */
export function planDynamic(input: DynamicInput, states: StateSet): string {
  const { spec, relation, asOf } = input;
  const window = { ...(spec.window ? { window: spec.window } : {}), ...(spec.lag ? { lag: spec.lag } : {}) };
  const cond = allOf(input.baseSql, input.filterSql);
  const condOpt = cond ? { cond } : {};
  const measureName = spec.aggregate === 'top' ? relation.defaultMeasure : (spec.field ?? relation.defaultMeasure);
  const measure = relation.measures[measureName ?? ''];
  const need = () => {
    if (!measure) throw new Error(`${relation.id} has no measure ${measureName ?? '(default)'}`);
    return measure;
  };
  // A count, or a measure's sum kept in the measure's exact type.
  const sum = (of: MeasureColumns | 'count', c: string | undefined) =>
    states.add({ fn: 'sum', ...(of === 'count' ? { value: 'row_count' } : { value: of.sum, type: of.sumType }), ...(c ? { cond: c } : {}), ...window });
  switch (spec.aggregate) {
    case 'count':
      return `coalesce(${sum('count', cond)}, 0)`;
    case 'sum':
      return `coalesce(${sum(need(), cond)}, 0)`;
    case 'avg': {
      const m = need();
      return `${sum(m, cond)} / nullif(${sum('count', allOf(cond, `${m.sum} IS NOT NULL`))}, 0)`;
    }
    case 'max':
      return states.add({ fn: 'max', value: need().max, ...condOpt, ...window });
    case 'min':
      return states.add({ fn: 'min', value: need().min, ...condOpt, ...window });
    case 'share': {
      const m = need();
      const part = sum(m, cond);
      const whole = sum(m, input.baseSql);
      return `CASE WHEN ${whole} > 0 THEN coalesce(${part}, 0) / ${whole} END`;
    }
    case 'days_since': {
      const stored = relation.storedDay;
      const latest = states.add({ fn: 'max', value: stored?.column ?? 'day', ...condOpt, ...window });
      return `date_diff('day', ${stored ? stored.toDay(latest) : latest}, ${dateLiteral(asOf)})`;
    }
    case 'distinct_months': {
      // Calendar months as bits (month index mod 64) instead of count(DISTINCT), which costs a third more time
      // and gigabytes of memory at 100M rows (NOTES-platform.md); the mask keeps the window's months only.
      const mask = states.add({ fn: 'months', value: '1', ...condOpt, ...window });
      const months = Number((spec.window ?? '12m').slice(0, -1));
      return `coalesce(bit_count(${mask} & ${monthMask(asOf, months)}), 0)`;
    }
    case 'last':
      // Latest row wins; on a tie of days the larger value, so that the answer does not depend on row order.
      return `(${states.add({ fn: 'latest', value: quoteIdent(spec.field ?? ''), ...condOpt, ...window })}).v`;
    case 'top': {
      const field = quoteIdent(spec.field ?? '');
      const literals = input.valueLiterals ?? [];
      const value = spec.by === 'count' ? 'count' : need();
      const sums = literals.map((lit) => `coalesce(${sum(value, allOf(cond, `${field} = ${lit}`))}, 0)`);
      if (sums.length === 0) return 'NULL';
      const best = sums.length === 1 ? sums[0] : `greatest(${sums.join(', ')})`;
      const arms = sums.map((s, i) => `WHEN ${s} = ${best} THEN ${literals[i]}`).join(' ');
      return `CASE WHEN ${best} > 0 THEN (CASE ${arms} END) END`;
    }
    default:
      return assertNever(spec.aggregate, 'aggregate');
  }
}
