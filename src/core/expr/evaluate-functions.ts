import type { CallNode } from './ast';
import { completedYears, daysBetween } from './dates';
import { fail } from '../errors';
import { compareValues, type EvalEnv, type ExprValue } from './evaluate';

/** The whitelisted functions over JavaScript values, NULL in giving NULL out unless noted. */
export function evaluateCall(node: CallNode, args: readonly ExprValue[], env: EvalEnv): ExprValue {
  const [a, b] = args;
  switch (node.name) {
    case 'coalesce':
      return args.find((arg) => arg !== null) ?? null;
    case 'least':
    case 'greatest':
      return extreme(args, node.name === 'least' ? -1 : 1);
    case 'as_of':
      return asOf(env);
    default:
      break;
  }
  if (a === null || a === undefined || (args.length > 1 && (b === null || b === undefined))) return null;
  switch (node.name) {
    case 'abs':
      return Math.abs(a as number);
    case 'round':
      return round(a as number, (b ?? 0) as number);
    case 'floor':
      return Math.floor(a as number);
    case 'ceil':
      return Math.ceil(a as number);
    case 'ln':
      return (a as number) > 0 ? Math.log(a as number) : null;
    case 'sqrt':
      return (a as number) >= 0 ? Math.sqrt(a as number) : null;
    case 'days_between':
      return daysBetween(a as string, b as string);
    case 'age':
      return completedYears(a as string, asOf(env));
    case 'year':
      return Number((a as string).slice(0, 4));
    case 'month':
      return Number((a as string).slice(5, 7));
    case 'lower':
      return (a as string).toLowerCase();
    case 'upper':
      return (a as string).toUpperCase();
    case 'length':
      return [...(a as string)].length;
    case 'contains':
      return (a as string).includes(b as string);
    case 'starts_with':
      return (a as string).startsWith(b as string);
    case 'ends_with':
      return (a as string).endsWith(b as string);
  }
}

/** Smallest (-1) or largest (1) argument, ignoring nulls; null only when all are. */
function extreme(args: readonly ExprValue[], direction: -1 | 1): ExprValue {
  let best: ExprValue = null;
  for (const arg of args) {
    if (arg === null) continue;
    if (best === null || compareValues(arg, best) * direction > 0) best = arg;
  }
  return best;
}

/**
 * Half away from zero, scaled the way DuckDB does it (x·10ⁿ rounded, then divided back; for negative n,
 * divided first), so that the float results agree to the last bit.
 */
function round(value: number, places: number): number {
  const half = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
  if (places === 0) return half(value);
  if (places < 0) {
    const modifier = 10 ** -places;
    const rounded = half(value / modifier) * modifier;
    return Number.isFinite(rounded) ? rounded : 0;
  }
  const modifier = 10 ** places;
  const rounded = half(value * modifier) / modifier;
  return Number.isFinite(rounded) ? rounded : value;
}

function asOf(env: EvalEnv): string {
  if (env.asOf === undefined) fail('internal', '缺少数据截止日', 'no as-of date to evaluate against');
  return env.asOf;
}
