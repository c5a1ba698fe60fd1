import type { AggregateNode } from './ast';
import { localDay, windowDays } from './dates';
import { fail } from '../errors';
import { compareValues, evaluateIn, type EvalEnv, type ExprValue, type SourceRow } from './evaluate';
import { shanghaiOffsetHours } from '../time';
import { behaviourSources } from './sources';

/** A behaviour window over the customer's rows: the same days and the same empty-window answers as the SQL. */
export function evaluateWindow(node: AggregateNode, env: EvalEnv): ExprValue {
  if (env.asOf === undefined) fail('internal', '缺少数据截止日', 'no as-of date to evaluate against');
  const source = behaviourSources[node.source];
  const { start, end } = windowDays(env.asOf, node.window.amount, node.window.unit);
  const offset = env.utcOffsetHours ?? shanghaiOffsetHours;
  const dayOf = (row: SourceRow): string | null => {
    const time = row[source.time.column];
    if (time === null || time === undefined) return null;
    if (source.time.kind === 'date') return String(time);
    return localDay(time instanceof Date ? time : new Date(String(time)), offset);
  };
  const inside = (env.rows?.[node.source] ?? []).filter((row) => {
    const day = dayOf(row);
    if (day === null || day < start || day >= end) return false;
    if (node.where === undefined) return true;
    return evaluateIn(node.where, env, (name) => fieldValue(row, name)) === true;
  });
  const values = node.field === undefined ? [] : inside.map((row) => fieldValue(row, node.field as string)).filter((v) => v !== null);
  switch (node.fn) {
    case 'count':
      return node.field === undefined ? inside.length : values.length;
    case 'count_distinct':
      return new Set(values).size;
    case 'sum':
      return values.reduce<number>((total, v) => total + (v as number), 0);
    case 'avg':
      return values.length === 0 ? null : values.reduce<number>((total, v) => total + (v as number), 0) / values.length;
    case 'min':
    case 'max': {
      const direction = node.fn === 'min' ? -1 : 1;
      return values.reduce<ExprValue>((best, v) => (best === null || compareValues(v, best) * direction > 0 ? v : best), null);
    }
  }
}

function fieldValue(row: SourceRow, name: string): ExprValue {
  const value = row[name];
  if (value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}
