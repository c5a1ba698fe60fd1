// Text → builder: a parsed rule becomes visual rows only when every part is something the rows can show
// (a tag compared with literals, lists, ranges, null tests, joined by and/or). Anything else (arithmetic,
// functions, behaviour windows, a literal on the left) is an "advanced" rule, edited as text.
import { checkText, type ExprAst } from '../../components/expression-check';
import { newCondition, nextId, type Condition, type ConditionGroup, type ConditionOp } from './rule-model';

type Node = ExprAst;

function literalOf(node: Node): string | null {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'string':
    case 'date':
      return node.value;
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'negate':
      return node.operand.kind === 'number' ? String(-node.operand.value) : null;
    default:
      return null;
  }
}

function literalsOf(nodes: readonly Node[]): string[] | null {
  const values = nodes.map(literalOf);
  return values.every((v): v is string => v !== null) ? values : null;
}

function conditionOf(node: Node): Condition | null {
  switch (node.kind) {
    case 'identifier':
      // A bare boolean tag (`foodie`) is the condition "is true".
      return newCondition(node.name, '=', ['true']);
    case 'not':
      return node.operand.kind === 'identifier' ? newCondition(node.operand.name, '=', ['false']) : null;
    case 'comparison': {
      if (node.left.kind !== 'identifier') return null;
      const value = literalOf(node.right);
      return value === null ? null : newCondition(node.left.name, node.op as ConditionOp, [value]);
    }
    case 'in': {
      if (node.operand.kind !== 'identifier') return null;
      const values = literalsOf(node.list);
      return values === null ? null : newCondition(node.operand.name, node.negated ? 'not_in' : 'in', values);
    }
    case 'between': {
      if (node.operand.kind !== 'identifier' || node.negated) return null;
      const values = literalsOf([node.low, node.high]);
      return values === null ? null : newCondition(node.operand.name, 'between', values);
    }
    case 'is_null':
      return node.operand.kind === 'identifier'
        ? newCondition(node.operand.name, node.negated ? 'is_not_null' : 'is_null')
        : null;
    default:
      return null;
  }
}

/** The operands of a chain of the same operator: `a and b and (c and d)` is one group of four. */
function chain(node: Node, op: 'and' | 'or'): Node[] {
  return node.kind === 'logical' && node.op === op
    ? [...chain(node.left, op), ...chain(node.right, op)]
    : [node];
}

function groupOf(node: Node): ConditionGroup | null {
  if (node.kind !== 'logical') {
    const condition = conditionOf(node);
    return condition ? { kind: 'group', id: nextId(), join: 'and', items: [condition] } : null;
  }
  const items: Array<Condition | ConditionGroup> = [];
  for (const part of chain(node, node.op)) {
    const item = part.kind === 'logical' ? groupOf(part) : conditionOf(part);
    if (item === null) return null;
    items.push(item);
  }
  return { kind: 'group', id: nextId(), join: node.op, items };
}

/** What the text means to the builder: rows, an advanced rule, or text that does not parse (yet). */
export type TextReading =
  | { readonly kind: 'rows'; readonly group: ConditionGroup }
  | { readonly kind: 'advanced' }
  | { readonly kind: 'broken' };

export function readRuleText(text: string): TextReading {
  if (text.trim() === '')
    return { kind: 'rows', group: { kind: 'group', id: nextId(), join: 'and', items: [] } };
  const parsed = checkText(text, null, 'zh-CN');
  if (!parsed.ok) return { kind: 'broken' };
  const group = groupOf(parsed.ast);
  return group ? { kind: 'rows', group } : { kind: 'advanced' };
}
