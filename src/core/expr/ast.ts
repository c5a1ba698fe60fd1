// The expression AST: small frozen nodes, a discriminated union on `kind`, each carrying the span of source
// text it came from so that the type checker can point at the offending part. Nodes built in code (by the
// segment builder, by tests) get an empty span at the start.

/** Where a node sits in the source: offsets are 0-based, `line` and `column` 1-based (for people). */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export const noSpan: Span = Object.freeze({ start: 0, end: 0, line: 1, column: 1 });

export type ExprType = 'number' | 'boolean' | 'string' | 'date';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '||';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOp = 'and' | 'or';

export const functionNames = [
  'abs',
  'round',
  'floor',
  'ceil',
  'ln',
  'sqrt',
  'least',
  'greatest',
  'coalesce',
  'days_between',
  'age',
  'year',
  'month',
  'as_of',
  'lower',
  'upper',
  'length',
  'contains',
  'starts_with',
  'ends_with',
] as const;
export type FunctionName = (typeof functionNames)[number];

export const aggregateNames = ['count', 'count_distinct', 'sum', 'avg', 'min', 'max'] as const;
export type AggregateName = (typeof aggregateNames)[number];

export const sourceNames = ['txn', 'event', 'interaction', 'statement'] as const;
export type SourceName = (typeof sourceNames)[number];

export type WindowUnit = 'd' | 'm';
export interface BehaviourWindow {
  readonly amount: number;
  readonly unit: WindowUnit;
}

export interface NumberNode { readonly kind: 'number'; readonly value: number; readonly span: Span }
export interface StringNode { readonly kind: 'string'; readonly value: string; readonly span: Span }
export interface BooleanNode { readonly kind: 'boolean'; readonly value: boolean; readonly span: Span }
export interface NullNode { readonly kind: 'null'; readonly span: Span }
/** `date '2025-01-01'`: value is the ISO calendar day. */
export interface DateNode { readonly kind: 'date'; readonly value: string; readonly span: Span }
export interface IdentifierNode { readonly kind: 'identifier'; readonly name: string; readonly span: Span }
export interface NegateNode { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
export interface NotNode { readonly kind: 'not'; readonly operand: Expr; readonly span: Span }
export interface ArithmeticNode {
  readonly kind: 'arithmetic';
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
export interface ComparisonNode {
  readonly kind: 'comparison';
  readonly op: ComparisonOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
export interface LogicalNode {
  readonly kind: 'logical';
  readonly op: LogicalOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}
export interface InNode {
  readonly kind: 'in';
  readonly operand: Expr;
  readonly list: readonly Expr[];
  readonly negated: boolean;
  readonly span: Span;
}
export interface BetweenNode {
  readonly kind: 'between';
  readonly operand: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly negated: boolean;
  readonly span: Span;
}
export interface IsNullNode { readonly kind: 'is_null'; readonly operand: Expr; readonly negated: boolean; readonly span: Span }
export interface IfNode {
  readonly kind: 'if';
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
  readonly span: Span;
}
export interface CallNode { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly Expr[]; readonly span: Span }
/**
 * A behaviour window: `sum(txn.amount where category = 'dining', 30d)`. Identifiers inside `where` name the
 * source's fields, not tags.
 */
export interface AggregateNode {
  readonly kind: 'aggregate';
  readonly fn: AggregateName;
  readonly source: SourceName;
  readonly field?: string;
  readonly where?: Expr;
  readonly window: BehaviourWindow;
  readonly span: Span;
}

export type Expr =
  | NumberNode
  | StringNode
  | BooleanNode
  | NullNode
  | DateNode
  | IdentifierNode
  | NegateNode
  | NotNode
  | ArithmeticNode
  | ComparisonNode
  | LogicalNode
  | InNode
  | BetweenNode
  | IsNullNode
  | IfNode
  | CallNode
  | AggregateNode;

export type ExprKind = Expr['kind'];

/** Children of a node in source order, for walks that do not care about the node's shape. */
export function childrenOf(node: Expr): readonly Expr[] {
  switch (node.kind) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
    case 'date':
    case 'identifier':
      return [];
    case 'negate':
    case 'not':
    case 'is_null':
      return [node.operand];
    case 'arithmetic':
    case 'comparison':
    case 'logical':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.list];
    case 'between':
      return [node.operand, node.low, node.high];
    case 'if':
      return [node.condition, node.then, node.otherwise];
    case 'call':
      return node.args;
    case 'aggregate':
      return node.where ? [node.where] : [];
  }
}

export function isFunctionName(name: string): name is FunctionName {
  return (functionNames as readonly string[]).includes(name);
}

export function isAggregateName(name: string): name is AggregateName {
  return (aggregateNames as readonly string[]).includes(name);
}

export function isSourceName(name: string): name is SourceName {
  return (sourceNames as readonly string[]).includes(name);
}
