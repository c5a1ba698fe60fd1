import type { Expr } from './ast';
import { keywords } from './cursor';
import { fail } from '../errors';

// Binding strength, loosest first, mirroring the parser's levels. A child prints in parentheses only when it
// binds more loosely than its position demands, so the output is the canonical, minimal text.
const level = { or: 1, and: 2, not: 3, predicate: 4, additive: 5, multiplicative: 6, unary: 7, primary: 8 } as const;

function precedence(node: Expr): number {
  switch (node.kind) {
    case 'logical':
      return node.op === 'or' ? level.or : level.and;
    case 'not':
      return level.not;
    case 'comparison':
    case 'in':
    case 'between':
    case 'is_null':
      return level.predicate;
    case 'arithmetic':
      return node.op === '*' || node.op === '/' || node.op === '%' ? level.multiplicative : level.additive;
    case 'negate':
      return level.unary;
    case 'number':
      return node.value < 0 ? level.unary : level.primary;
    default:
      return level.primary;
  }
}

/**
 * The canonical text of an AST: lower-case keywords, single spaces, minimal parentheses, `!=` for
 * inequality. `parseExpression(printExpression(ast))` gives back the same tree (spans aside).
 */
export function printExpression(node: Expr): string {
  return print(node, level.or);
}

function print(node: Expr, atLeast: number): string {
  const text = printBare(node);
  return precedence(node) < atLeast ? `(${text})` : text;
}

function printBare(node: Expr): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
      return quote(node.value);
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'date':
      return `date ${quote(node.value)}`;
    case 'identifier':
      return name(node.name);
    case 'negate':
      // `-(5)` and `-(-x)` keep a literal's sign and a double minus readable, and parse back unchanged.
      return node.operand.kind === 'number' || precedence(node.operand) < level.primary
        ? `-(${printExpression(node.operand)})`
        : `-${printBare(node.operand)}`;
    case 'not':
      return `not ${print(node.operand, level.not)}`;
    case 'logical': {
      const own = precedence(node);
      return `${print(node.left, own)} ${node.op} ${print(node.right, own + 1)}`;
    }
    case 'arithmetic': {
      const own = precedence(node);
      return `${print(node.left, own)} ${node.op} ${print(node.right, own + 1)}`;
    }
    case 'comparison':
      return `${print(node.left, level.additive)} ${node.op} ${print(node.right, level.additive)}`;
    case 'is_null':
      return `${print(node.operand, level.additive)} is ${node.negated ? 'not ' : ''}null`;
    case 'in':
      return `${print(node.operand, level.additive)} ${node.negated ? 'not ' : ''}in (${node.list.map(printExpression).join(', ')})`;
    case 'between':
      return `${print(node.operand, level.additive)} ${node.negated ? 'not ' : ''}between ${print(node.low, level.additive)} and ${print(node.high, level.additive)}`;
    case 'if':
      return `if(${printExpression(node.condition)}, ${printExpression(node.then)}, ${printExpression(node.otherwise)})`;
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`;
    case 'aggregate': {
      const subject = node.field === undefined ? node.source : `${node.source}.${name(node.field)}`;
      const where = node.where === undefined ? '' : ` where ${printExpression(node.where)}`;
      return `${node.fn}(${subject}${where}, ${node.window.amount}${node.window.unit})`;
    }
  }
}

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function name(value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value) || keywords.has(value.toLowerCase())) {
    fail('expression_invalid', `名称 '${value}' 无法写入表达式`, `the name '${value}' cannot be written in an expression`, { found: value });
  }
  return value;
}
