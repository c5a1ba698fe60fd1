import type { ComparisonOp, Expr, SourceName } from './ast';
import { fail } from '../errors';
import { evaluateCall } from './evaluate-functions';
import { evaluateWindow } from './evaluate-window';

/** A value of the language in JavaScript: dates are 'YYYY-MM-DD' strings, unknowns are null. */
export type ExprValue = number | string | boolean | null;

/** One row of a behaviour source; its time column is a Date (UTC instant) or ISO text. */
export type SourceRow = Readonly<Record<string, ExprValue | Date>>;

/** What the reference interpreter evaluates against: one customer's values and behaviour. */
export interface EvalEnv {
  readonly values: Readonly<Record<string, ExprValue>>;
  /** The as-of date, YYYY-MM-DD; needed by windows, as_of() and age(). */
  readonly asOf?: string;
  /** This customer's rows per source; the interpreter applies the window itself. */
  readonly rows?: Partial<Readonly<Record<SourceName, readonly SourceRow[]>>>;
  /** Hours the business day's zone is ahead of UTC. Default 8 (Shanghai). */
  readonly utcOffsetHours?: number;
}

/** How a name is looked up: a catalogue value, or a field of the row a window is looking at. */
export type Lookup = (name: string) => ExprValue;

/**
 * The reference interpreter: evaluates an AST over plain values with SQL's semantics (three-valued logic,
 * NULL in gives NULL out, x/0 is NULL). Property tests hold the compiled SQL to it.
 */
export function evaluate(ast: Expr, env: EvalEnv): ExprValue {
  return evaluateIn(ast, env, (name) => {
    if (!(name in env.values)) fail('internal', `缺少 ${name} 的值`, `no value for ${name}`);
    return env.values[name] as ExprValue;
  });
}

export function evaluateIn(node: Expr, env: EvalEnv, lookup: Lookup): ExprValue {
  const ev = (child: Expr) => evaluateIn(child, env, lookup);
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'date':
      return node.value;
    case 'null':
      return null;
    case 'identifier':
      return lookup(node.name);
    case 'negate': {
      const value = ev(node.operand);
      return value === null ? null : -(value as number);
    }
    case 'not':
      return not(ev(node.operand));
    case 'logical':
      return node.op === 'and' ? and(ev(node.left), ev(node.right)) : or(ev(node.left), ev(node.right));
    case 'arithmetic':
      return arithmetic(node.op, ev(node.left), ev(node.right));
    case 'comparison':
      return compare(node.op, ev(node.left), ev(node.right));
    case 'in': {
      const value = ev(node.operand);
      const items = node.list.map(ev);
      let result: ExprValue = false;
      if (value === null) result = null;
      else if (items.some((item) => item !== null && compareValues(value, item) === 0)) result = true;
      else if (items.includes(null)) result = null;
      return node.negated ? not(result) : result;
    }
    case 'between': {
      const value = ev(node.operand);
      const inside = and(compare('>=', value, ev(node.low)), compare('<=', value, ev(node.high)));
      return node.negated ? not(inside) : inside;
    }
    case 'is_null':
      return (ev(node.operand) === null) !== node.negated;
    case 'if':
      // CASE WHEN: an unknown condition takes the else branch.
      return ev(node.condition) === true ? ev(node.then) : ev(node.otherwise);
    case 'call':
      return evaluateCall(node, node.args.map(ev), env);
    case 'aggregate':
      return evaluateWindow(node, env);
  }
}

export function not(value: ExprValue): ExprValue {
  return value === null ? null : !value;
}

/** Kleene logic: false wins over unknown in `and`, true wins over unknown in `or`. */
export function and(left: ExprValue, right: ExprValue): ExprValue {
  if (left === false || right === false) return false;
  return left === null || right === null ? null : true;
}

export function or(left: ExprValue, right: ExprValue): ExprValue {
  if (left === true || right === true) return true;
  return left === null || right === null ? null : false;
}

function arithmetic(op: string, left: ExprValue, right: ExprValue): ExprValue {
  if (left === null || right === null) return null;
  if (op === '||') return `${left as string}${right as string}`;
  const [a, b] = [left as number, right as number];
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? null : a / b;
    default:
      // JavaScript's % keeps the dividend's sign, as SQL engines do.
      return b === 0 ? null : a % b;
  }
}

export function compare(op: ComparisonOp, left: ExprValue, right: ExprValue): ExprValue {
  if (left === null || right === null) return null;
  const order = compareValues(left, right);
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}

/** Orders two non-null values of one type. Text compares by code point, as SQL's binary collation does. */
export function compareValues(left: Exclude<ExprValue, null>, right: Exclude<ExprValue, null>): number {
  if (typeof left === 'number' && typeof right === 'number') return left < right ? -1 : left > right ? 1 : 0;
  if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
  const [a, b] = [String(left), String(right)];
  if (a === b) return 0;
  const [ca, cb] = [[...a], [...b]];
  for (let i = 0; i < Math.min(ca.length, cb.length); i += 1) {
    const diff = (ca[i] as string).codePointAt(0)! - (cb[i] as string).codePointAt(0)!;
    if (diff !== 0) return diff;
  }
  return ca.length - cb.length;
}
