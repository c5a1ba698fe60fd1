import { assertNever } from '../../core';
import { quoteIdent } from '../../db';
import type { ResolvedTag } from '../resolve';
import { allOf, when, type StateSet } from './state-set';
import type { SqlEnv } from './sql-env';

type StaticTag = Extract<ResolvedTag, { kind: 'static' }>;

const column = (alias?: string) => (name: string) => (alias ? `${alias}.${quoteIdent(name)}` : quoteIdent(name));

/** A single-row source (customers): the value is the expression over the customer's row, aliased `c`. */
export function planCustomerStatic(tag: StaticTag, env: SqlEnv): string {
  const value = env.compile(tag.expr, column('c'));
  const filter = tag.filter ? env.compile(tag.filter, column('c')) : undefined;
  return when(filter, value);
}

/**
 * A multi-row source (accounts, preferences): adds the fold to the source's pass and returns the value over
 * it. `max`/`min` of an enum rank by the tag's list of values (classic < gold < platinum < diamond).
 */
export function planFoldedStatic(tag: StaticTag, env: SqlEnv, states: StateSet): string {
  const spec = tag.def.spec;
  if (spec.kind !== 'static' || !spec.aggregate) throw new Error(`${tag.def.code}: not a folded static tag`);
  const value = env.compile(tag.expr, column());
  const cond = allOf(tag.filter ? env.compile(tag.filter, column()) : undefined);
  const values = tag.def.type === 'enum' ? tag.def.values : undefined;
  switch (spec.aggregate) {
    case 'sum':
      return `coalesce(${states.addSql(`sum(${when(cond, value)})`)}, 0)`;
    case 'count':
      return `coalesce(${states.addSql(`count(${when(cond, value)})`)}, 0)`;
    case 'any':
      return states.addSql(`bool_or(${when(cond, value)})`);
    case 'first':
      return `(${states.addSql(`min(${when(cond, `struct_pack(o := ${quoteIdent(spec.orderBy ?? '')}, v := ${value})`)})`)}).v`;
    case 'max':
    case 'min': {
      if (!values) return states.addSql(`${spec.aggregate}(${when(cond, value)})`);
      const literals = values.map((v) => env.literal(v));
      const rank = `CASE ${value} ${literals.map((l, i) => `WHEN ${l} THEN ${i + 1}`).join(' ')} END`;
      const best = states.addSql(`${spec.aggregate}(${when(cond, rank)})`);
      return `CASE ${best} ${literals.map((l, i) => `WHEN ${i + 1} THEN ${l}`).join(' ')} END`;
    }
    default:
      return assertNever(spec.aggregate, 'static aggregate');
  }
}
