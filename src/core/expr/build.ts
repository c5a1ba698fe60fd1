import {
  noSpan,
  type AggregateName,
  type AggregateNode,
  type ArithmeticOp,
  type ComparisonOp,
  type Expr,
  type FunctionName,
  type LogicalOp,
  type SourceName,
  type Span,
  type BehaviourWindow,
} from './ast';

// Node constructors. Every node is frozen (lists too) so that an AST can be shared between the checker, the
// compiler and the console without anyone mutating it under the others.
function frozen<T extends Expr>(node: T): T {
  return Object.freeze(node);
}

/**
 * Builds AST nodes in code, e.g. for the segment builder's visual conditions:
 * `build.comparison('>=', build.identifier('spend_90d'), build.number(1000))`.
 */
export const build = {
  number: (value: number, span: Span = noSpan) => frozen({ kind: 'number', value: Object.is(value, -0) ? 0 : value, span }),
  string: (value: string, span: Span = noSpan) => frozen({ kind: 'string', value, span }),
  boolean: (value: boolean, span: Span = noSpan) => frozen({ kind: 'boolean', value, span }),
  null: (span: Span = noSpan) => frozen({ kind: 'null', span }),
  date: (value: string, span: Span = noSpan) => frozen({ kind: 'date', value, span }),
  identifier: (name: string, span: Span = noSpan) => frozen({ kind: 'identifier', name, span }),
  negate: (operand: Expr, span: Span = noSpan) => frozen({ kind: 'negate', operand, span }),
  not: (operand: Expr, span: Span = noSpan) => frozen({ kind: 'not', operand, span }),
  arithmetic: (op: ArithmeticOp, left: Expr, right: Expr, span: Span = noSpan) =>
    frozen({ kind: 'arithmetic', op, left, right, span }),
  comparison: (op: ComparisonOp, left: Expr, right: Expr, span: Span = noSpan) =>
    frozen({ kind: 'comparison', op, left, right, span }),
  logical: (op: LogicalOp, left: Expr, right: Expr, span: Span = noSpan) => frozen({ kind: 'logical', op, left, right, span }),
  in: (operand: Expr, list: readonly Expr[], negated = false, span: Span = noSpan) =>
    frozen({ kind: 'in', operand, list: Object.freeze([...list]), negated, span }),
  between: (operand: Expr, low: Expr, high: Expr, negated = false, span: Span = noSpan) =>
    frozen({ kind: 'between', operand, low, high, negated, span }),
  isNull: (operand: Expr, negated = false, span: Span = noSpan) => frozen({ kind: 'is_null', operand, negated, span }),
  if: (condition: Expr, then: Expr, otherwise: Expr, span: Span = noSpan) =>
    frozen({ kind: 'if', condition, then, otherwise, span }),
  call: (name: FunctionName, args: readonly Expr[], span: Span = noSpan) =>
    frozen({ kind: 'call', name, args: Object.freeze([...args]), span }),
  aggregate: (
    fn: AggregateName,
    source: SourceName,
    window: BehaviourWindow,
    options: { field?: string; where?: Expr } = {},
    span: Span = noSpan,
  ): AggregateNode =>
    frozen({
      kind: 'aggregate',
      fn,
      source,
      ...(options.field === undefined ? {} : { field: options.field }),
      ...(options.where === undefined ? {} : { where: options.where }),
      window: Object.freeze({ ...window }),
      span,
    }),
} as const;

/** The same tree with every span reset: two parses of equivalent text compare equal after this. */
export function withoutSpans(node: Expr): Expr {
  const strip = withoutSpans;
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'date':
    case 'identifier':
    case 'null':
      return frozen({ ...node, span: noSpan });
    case 'negate':
    case 'not':
    case 'is_null':
      return frozen({ ...node, operand: strip(node.operand), span: noSpan });
    case 'arithmetic':
    case 'comparison':
    case 'logical':
      return frozen({ ...node, left: strip(node.left), right: strip(node.right), span: noSpan });
    case 'in':
      return frozen({ ...node, operand: strip(node.operand), list: Object.freeze(node.list.map(strip)), span: noSpan });
    case 'between':
      return frozen({ ...node, operand: strip(node.operand), low: strip(node.low), high: strip(node.high), span: noSpan });
    case 'if':
      return frozen({ ...node, condition: strip(node.condition), then: strip(node.then), otherwise: strip(node.otherwise), span: noSpan });
    case 'call':
      return frozen({ ...node, args: Object.freeze(node.args.map(strip)), span: noSpan });
    case 'aggregate':
      return frozen({ ...node, ...(node.where ? { where: strip(node.where) } : {}), span: noSpan });
  }
}
