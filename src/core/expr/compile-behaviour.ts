import type { AggregateNode } from './ast';
import type { CompileContext, Compiler } from './compile';
import { utcStartOfLocalDay, windowDays } from './dates';
import { exprFail } from './expr-error';
import { shanghaiOffsetHours } from '../time';
import { behaviourSources, type BehaviourSource } from './sources';

/**
 * A behaviour window compiled into parts. The default hook assembles them into a correlated subquery; a
 * caller that keeps rollups (the tag engine) can instead map `node` to a precomputed column and still reuse
 * `where` and the bounds.
 */
export interface BehaviourWindowSql {
  readonly node: AggregateNode;
  readonly source: BehaviourSource;
  /** The quoted alias every part refers to the source by, e.g. "txn". */
  readonly alias: string;
  /** What follows FROM: the source table under its alias (statements join accounts to reach the customer). */
  readonly from: string;
  /** Ties the source's rows to the outer customer. */
  readonly customerMatch: string;
  /** First instant (timestamp sources) or day (date sources) inside the window. */
  readonly start: string;
  /** First instant or day after the window: the day after the as-of date. */
  readonly end: string;
  /** The time column between start (inclusive) and end (exclusive). */
  readonly windowMatch: string;
  /** The compiled `where`, when there is one. */
  readonly where?: string;
  /** The aggregate over the matching rows, e.g. count(*) or coalesce(CAST(sum(…) AS DOUBLE), 0). */
  readonly aggregate: string;
}

export type BehaviourHook = (window: BehaviourWindowSql, context: CompileContext) => string;

/** `(SELECT <aggregate> FROM <source> WHERE <customer> AND <window> AND <where>)`. */
export function defaultBehaviourSql(window: BehaviourWindowSql): string {
  const conditions = [window.customerMatch, window.windowMatch, ...(window.where === undefined ? [] : [window.where])];
  return `(SELECT ${window.aggregate} FROM ${window.from} WHERE ${conditions.join(' AND ')})`;
}

export function compileBehaviour(compiler: Compiler, node: AggregateNode): string {
  const { context, dialect: d } = compiler;
  const source = behaviourSources[node.source];
  const alias = d.quoteIdent(source.name);
  const customerId = context.customerIdSql;
  if (customerId === undefined) {
    exprFail(node.span, '此处不能使用行为统计', 'behaviour windows are not available here');
  }
  let from = `${d.quoteIdent(source.table)} AS ${alias}`;
  let customerMatch: string;
  if ('viaAccounts' in source.customer) {
    const account = d.quoteIdent(`${source.name}_account`);
    const key = d.quoteIdent(source.customer.viaAccounts.key);
    from += ` JOIN ${d.quoteIdent('accounts')} AS ${account} ON ${account}.${key} = ${alias}.${key}`;
    customerMatch = `${account}.${d.quoteIdent('customer_id')} = ${customerId}`;
  } else {
    customerMatch = `${alias}.${d.quoteIdent(source.customer.column)} = ${customerId}`;
  }
  const { start, end } = bounds(compiler, node, source);
  const time = `${alias}.${d.quoteIdent(source.time.column)}`;
  const field = node.field === undefined ? undefined : source.fields[node.field];
  const value = node.field === undefined ? undefined : `${alias}.${d.quoteIdent(node.field)}`;
  const kind = field?.money ? 'money' : field?.type === 'number' ? 'number' : 'other';
  const where = node.where === undefined ? undefined : compiler.compile(node.where, { kind: 'source', source, alias }, false);
  const parts: BehaviourWindowSql = {
    node,
    source,
    alias,
    from,
    customerMatch,
    start,
    end,
    windowMatch: `${time} >= ${start} AND ${time} < ${end}`,
    ...(where === undefined ? {} : { where }),
    aggregate: d.aggregate(node.fn, value, kind),
  };
  return (context.behaviour ?? defaultBehaviourSql)(parts, context);
}

/**
 * Window bounds in the source's time type. With a literal as-of date they are folded to constants; with a
 * parameter they are SQL date arithmetic. Timestamps are UTC, but a day is a local (Shanghai) day, so a
 * timestamp bound is the UTC instant at which that local day starts.
 */
function bounds(compiler: Compiler, node: AggregateNode, source: BehaviourSource): { start: string; end: string } {
  const d = compiler.dialect;
  const offset = compiler.context.utcOffsetHours ?? shanghaiOffsetHours;
  const asOf = compiler.context.asOf;
  const { amount, unit } = node.window;
  if (asOf && 'date' in asOf) {
    compiler.asOfSql(node.span); // validates the date before it is folded into literals
    const days = windowDays(asOf.date, amount, unit);
    if (source.time.kind === 'date') return { start: d.date(days.start), end: d.date(days.end) };
    return { start: d.timestamp(utcStartOfLocalDay(days.start, offset)), end: d.timestamp(utcStartOfLocalDay(days.end, offset)) };
  }
  const asOfSql = compiler.asOfSql(node.span);
  const endDay = d.addDays(asOfSql, 1);
  const startDay = unit === 'd' ? d.addDays(asOfSql, 1 - amount) : d.addMonths(endDay, -amount);
  if (source.time.kind === 'date') return { start: startDay, end: endDay };
  return { start: d.utcStartOfLocalDay(startDay, offset), end: d.utcStartOfLocalDay(endDay, offset) };
}
