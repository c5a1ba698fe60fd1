import type { Expr, LogicalNode } from './ast';
import { compileBehaviour, type BehaviourHook } from './compile-behaviour';
import { isIsoDate } from './dates';
import type { Dialect } from './dialect';
import { exprFail } from './expr-error';
import { fail } from '../errors';
import type { BehaviourSource } from './sources';

/** The as-of date windows end at: a validated literal, or a bound parameter ($asof, $1, ?, {asof:Date}). */
export type AsOf = { readonly date: string } | { readonly parameter: string };

/**
 * What the compiler needs from its caller. Identifiers and the customer id are SQL the caller produces (so
 * the tag engine decides where `spend_90d` lives); everything from the user's text is escaped here.
 */
export interface CompileContext {
  readonly dialect: Dialect;
  /** SQL for a catalogue name, e.g. spend_90d → p."spend_90d". Only called for names the checker accepted. */
  resolveIdentifier(name: string): string;
  /** SQL for the outer row's customer id, correlated into behaviour windows, e.g. p."customer_id". */
  readonly customerIdSql?: string;
  /** Required when the expression has windows, as_of() or age(). */
  readonly asOf?: AsOf;
  /** Replaces the default correlated subquery for behaviour windows (e.g. to read a rollup). */
  readonly behaviour?: BehaviourHook;
  /** Hours the business day's zone is ahead of UTC; windows count whole local days. Default 8 (Shanghai). */
  readonly utcOffsetHours?: number;
}

/** Inside a window's `where`, names are the source's fields under its alias. */
export type CompileScope = { readonly kind: 'catalog' } | { readonly kind: 'source'; readonly source: BehaviourSource; readonly alias: string };

// Engines give these as integers; the language's numbers are doubles, so that year(a) * year(b) * … cannot
// overflow a BIGINT (an error in DuckDB, wrap-around in ClickHouse).
const integerValued = new Set(['days_between', 'age', 'year', 'month', 'length']);

const parameterPattern = /^(\$[A-Za-z_][A-Za-z0-9_]*|\$[1-9][0-9]*|\?|\{[A-Za-z_][A-Za-z0-9_]*:[A-Za-z0-9()]+\})$/;

/**
 * Compiles a checked AST to one SQL expression in the context's dialect. Compound nodes come out fully
 * parenthesised, so the result can be embedded anywhere. NULLs follow SQL's three-valued logic.
 */
export function compileExpression(ast: Expr, context: CompileContext): string {
  return new Compiler(context).compile(ast, { kind: 'catalog' }, false);
}

export class Compiler {
  readonly dialect: Dialect;

  constructor(readonly context: CompileContext) {
    this.dialect = context.dialect;
  }

  /** `plainNumbers`: number literals keep their natural type (comparisons); elsewhere they are doubles. */
  compile(node: Expr, scope: CompileScope, plainNumbers: boolean): string {
    const d = this.dialect;
    const sub = (child: Expr) => this.compile(child, scope, false);
    const operand = (child: Expr) => this.compile(child, scope, true);
    switch (node.kind) {
      case 'number':
        return plainNumbers ? d.number(node.value) : d.double(node.value);
      case 'string':
        return d.string(node.value);
      case 'boolean':
        return d.boolean(node.value);
      case 'null':
        return d.nullLiteral;
      case 'date':
        if (!isIsoDate(node.value)) exprFail(node.span, `'${node.value}' 不是有效日期`, `'${node.value}' is not a date`);
        return d.date(node.value);
      case 'identifier':
        return scope.kind === 'catalog'
          ? this.context.resolveIdentifier(node.name)
          : `${scope.alias}.${d.quoteIdent(node.name)}`;
      case 'negate':
        // The space keeps `- -5` from becoming `--5`, which SQL reads as a comment.
        return `(- ${sub(node.operand)})`;
      case 'not':
        return `(NOT ${sub(node.operand)})`;
      case 'logical':
        return `(${flatten(node).map(sub).join(` ${node.op.toUpperCase()} `)})`;
      case 'arithmetic': {
        const [left, right] = [sub(node.left), sub(node.right)];
        const nonZero = node.right.kind === 'number' && node.right.value !== 0;
        if (node.op === '/') return d.divide(left, right, nonZero);
        if (node.op === '%') return d.modulo(left, right, nonZero);
        if (node.op === '||') return d.concat(left, right);
        return `(${left} ${node.op} ${right})`;
      }
      case 'comparison':
        return `(${operand(node.left)} ${node.op === '!=' ? '<>' : node.op} ${operand(node.right)})`;
      case 'in':
        return `(${operand(node.operand)} ${node.negated ? 'NOT IN' : 'IN'} (${node.list.map(operand).join(', ')}))`;
      case 'between':
        return `(${operand(node.operand)} ${node.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${operand(node.low)} AND ${operand(node.high)})`;
      case 'is_null':
        return `(${sub(node.operand)} ${node.negated ? 'IS NOT NULL' : 'IS NULL'})`;
      case 'if':
        return d.ifThenElse(sub(node.condition), sub(node.then), sub(node.otherwise));
      case 'call': {
        if (node.name === 'as_of') return this.asOfSql(node.span);
        // round's places is an integer constant in every engine, never a double.
        const args = node.args.map((arg, i) => (node.name === 'round' && i === 1 ? operand(arg) : sub(arg)));
        const needsAsOf = node.name === 'age';
        const call = d.functions[node.name](args, { dialect: d, asOf: needsAsOf ? this.asOfSql(node.span) : '' });
        return integerValued.has(node.name) ? d.toDouble(call) : call;
      }
      case 'aggregate':
        if (scope.kind === 'source') {
          return exprFail(node.span, '行为统计不能嵌套', 'a behaviour window cannot sit inside another');
        }
        return compileBehaviour(this, node);
    }
  }

  /** The as-of date as SQL of type DATE. */
  asOfSql(span: Expr['span']): string {
    const asOf = this.context.asOf;
    if (!asOf) return exprFail(span, '此处没有数据截止日，不能使用时间窗口、as_of() 或 age()', 'no as-of date here: windows, as_of() and age() are not available');
    if ('date' in asOf) {
      if (!isIsoDate(asOf.date)) fail('internal', `截止日 ${asOf.date} 无效`, `as-of date ${asOf.date} is not YYYY-MM-DD`);
      return this.dialect.date(asOf.date);
    }
    if (!parameterPattern.test(asOf.parameter)) {
      fail('internal', `参数 ${asOf.parameter} 无效`, `as-of parameter ${asOf.parameter} is not a placeholder`);
    }
    return this.dialect.castDate(asOf.parameter);
  }
}

/** `a and b and c` as one flat list, so the SQL reads (a AND b AND c) rather than ((a AND b) AND c). */
function flatten(node: LogicalNode): Expr[] {
  const side = (child: Expr): Expr[] => (child.kind === 'logical' && child.op === node.op ? flatten(child) : [child]);
  return [...side(node.left), ...side(node.right)];
}
