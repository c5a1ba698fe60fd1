import { childrenOf, type ComparisonNode, type Expr, type ExprType, type InNode, type Span } from './ast';
import type { CatalogEntry, ExprCatalog } from './catalog';
import { checkAggregate, checkCall } from './check-calls';
import { didYouMean, exprFail } from './expr-error';
import type { BehaviourSource } from './sources';
import { closest } from './suggest';

/** A type as inferred: a bare `null` literal has no type of its own until something around it gives one. */
export type Inferred = ExprType | 'null';

/** Where names resolve: the catalogue outside behaviour windows, the source's fields inside their `where`. */
export type Scope = { readonly kind: 'catalog'; readonly catalog: ExprCatalog } | { readonly kind: 'source'; readonly source: BehaviourSource };

export interface CheckOptions {
  /** The type the caller needs, e.g. 'boolean' for a segment rule. */
  readonly expect?: ExprType;
}

const typeName: Readonly<Record<Inferred, { en: string; zh: string }>> = {
  number: { en: 'a number', zh: '数值' },
  string: { en: 'text', zh: '文本' },
  boolean: { en: 'true/false', zh: '布尔值（真/假）' },
  date: { en: 'a date', zh: '日期' },
  null: { en: 'null', zh: '空值' },
};

export function describeType(type: Inferred): { en: string; zh: string } {
  return typeName[type];
}

/**
 * Type-checks an AST against a catalogue and returns its type, or throws `expression_invalid` pointing at
 * the offending part: unknown names (with a "did you mean"), mismatched types, enum values that do not exist.
 */
export function checkExpression(ast: Expr, catalog: ExprCatalog, options: CheckOptions = {}): ExprType {
  const type = infer(ast, { kind: 'catalog', catalog });
  checkNullPlacement(ast, undefined);
  if (type === 'null') exprFail(ast.span, '表达式的值总是空值', 'the expression is always null');
  if (options.expect && type !== options.expect) {
    exprFail(ast.span, `此处需要${typeName[options.expect].zh}，而表达式的结果是${typeName[type].zh}`, `this must give ${typeName[options.expect].en}, but the expression gives ${typeName[type].en}`, {
      expected: options.expect,
      found: type,
    });
  }
  return type;
}

/**
 * A bare `null` has no type, and engines cannot pick an overload for abs(NULL) or year(NULL); it is only
 * meaningful where its neighbours give it one: a branch of if() or an argument of coalesce().
 */
function checkNullPlacement(node: Expr, parent: Expr | undefined): void {
  if (node.kind === 'null' && parent !== undefined) {
    const typed = (parent.kind === 'if' && parent.condition !== node) || (parent.kind === 'call' && parent.name === 'coalesce');
    if (!typed) {
      exprFail(node.span, 'null 只能用作 if() 的分支或 coalesce() 的参数；判断空值请用 is null', "null may only be a branch of if() or an argument of coalesce(); to test for it write 'is null'", {
        found: 'null',
      });
    }
  }
  childrenOf(node).forEach((child) => checkNullPlacement(child, node));
}

export function infer(node: Expr, scope: Scope): Inferred {
  switch (node.kind) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'null':
      return 'null';
    case 'identifier':
      return resolve(node.name, node.span, scope).type;
    case 'negate':
      expectType(node.operand, scope, 'number', "'-'", "'-'");
      return 'number';
    case 'not':
      expectType(node.operand, scope, 'boolean', "'not'", "'not'");
      return 'boolean';
    case 'logical':
      expectType(node.left, scope, 'boolean', `the left of '${node.op}'`, `'${node.op}' 左侧`);
      expectType(node.right, scope, 'boolean', `the right of '${node.op}'`, `'${node.op}' 右侧`);
      return 'boolean';
    case 'arithmetic': {
      const want: ExprType = node.op === '||' ? 'string' : 'number';
      const left = infer(node.left, scope);
      const right = infer(node.right, scope);
      const hint = arithmeticHint(node.op, left, right);
      requireType(node.left, left, want, `the left of '${node.op}'`, `'${node.op}' 左侧`, hint);
      requireType(node.right, right, want, `the right of '${node.op}'`, `'${node.op}' 右侧`, hint);
      return want;
    }
    case 'comparison':
      return checkComparison(node, scope);
    case 'is_null':
      infer(node.operand, scope);
      return 'boolean';
    case 'in':
      return checkIn(node, scope);
    case 'between': {
      const type = unify([node.operand, node.low, node.high], scope, "'between'", "'between'");
      if (type === 'boolean') exprFail(node.span, 'between 不能用于布尔值', "'between' needs numbers, text or dates, not true/false");
      return 'boolean';
    }
    case 'if': {
      expectType(node.condition, scope, 'boolean', 'the condition of if()', 'if() 的条件');
      const type = unify([node.then, node.otherwise], scope, 'the two branches of if()', 'if() 的两个分支');
      if (type === 'null') exprFail(node.span, 'if() 的两个分支都是空值', 'both branches of if() are null');
      return type;
    }
    case 'call':
      return checkCall(node, scope);
    case 'aggregate':
      return checkAggregate(node, scope);
  }
}

/** Looks a name up in the scope, failing with a suggestion when it is unknown. */
export function resolve(name: string, span: Span, scope: Scope): CatalogEntry {
  const known = scope.kind === 'catalog' ? scope.catalog.lookup(name) : scope.source.fields[name];
  if (known) return known;
  const names = [...(scope.kind === 'catalog' ? scope.catalog.names() : Object.keys(scope.source.fields))];
  const source = scope.kind === 'catalog' ? scope.catalog.source : scope.source.name;
  const suggestion = closest(name, names);
  const tail = didYouMean(suggestion);
  const hint = suggestion === undefined ? {} : { suggestion };
  if (source === undefined) {
    return exprFail(span, `未知标签 '${name}'${tail.zh}`, `unknown tag '${name}'${tail.en}`, { found: name, ...hint });
  }
  return exprFail(span, `${source} 没有字段 '${name}'${tail.zh}`, `${source} has no field '${name}'${tail.en}`, {
    found: name,
    expected: names.join(', '),
    ...hint,
  });
}

export function expectType(node: Expr, scope: Scope, want: ExprType, whereEn: string, whereZh: string): void {
  requireType(node, infer(node, scope), want, whereEn, whereZh);
}

function requireType(node: Expr, type: Inferred, want: ExprType, whereEn: string, whereZh: string, hint?: Hint): void {
  if (type === want || type === 'null') return;
  exprFail(node.span, `${whereZh}应为${typeName[want].zh}，实际为${typeName[type].zh}${hint ? `（${hint.zh}）` : ''}`, `expected ${typeName[want].en} on ${whereEn}, found ${typeName[type].en}${hint ? ` (${hint.en})` : ''}`, {
    expected: want,
    found: type,
  });
}

/** All nodes must share one type (nulls fit anywhere); returns it. */
export function unify(nodes: readonly Expr[], scope: Scope, whatEn: string, whatZh: string): Inferred {
  let type: Inferred = 'null';
  for (const node of nodes) {
    const next = infer(node, scope);
    if (next === 'null' || next === type) continue;
    if (type !== 'null') {
      exprFail(node.span, `${whatZh}类型不一致：${typeName[type].zh}与${typeName[next].zh}${dateHint(type, next).zh}`, `${whatEn} mix ${typeName[type].en} and ${typeName[next].en}${dateHint(type, next).en}`, {
        expected: type,
        found: next,
      });
    }
    type = next;
  }
  return type;
}

function checkComparison(node: ComparisonNode, scope: Scope): Inferred {
  for (const side of [node.left, node.right]) {
    if (side.kind === 'null') {
      const spelled = node.op === '=' ? 'is null' : 'is not null';
      exprFail(side.span, `与空值比较请用 '${spelled}'`, `test for null with '${spelled}'`, { expected: spelled, found: `${node.op} null` });
    }
  }
  const type = unify([node.left, node.right], scope, `the two sides of '${node.op}'`, `'${node.op}' 两侧`);
  if (type === 'boolean' && node.op !== '=' && node.op !== '!=') {
    exprFail(node.span, `'${node.op}' 不能比较布尔值`, `'${node.op}' cannot order true/false values; use = or !=`);
  }
  checkEnumValue(node.left, [node.right], scope);
  checkEnumValue(node.right, [node.left], scope);
  return 'boolean';
}

function checkIn(node: InNode, scope: Scope): Inferred {
  for (const item of node.list) {
    if (item.kind === 'null') {
      exprFail(item.span, "列表中不能有 null：请另写 'is null'", "a list may not hold null; test for it with 'is null'", { found: 'null' });
    }
  }
  unify([node.operand, ...node.list], scope, "the value and list of 'in'", "'in' 的值与列表");
  checkEnumValue(node.operand, node.list, scope);
  return 'boolean';
}

/** `card_tier = 'platnum'`: a text literal compared with an enumerated name must be one of its values. */
function checkEnumValue(named: Expr, others: readonly Expr[], scope: Scope): void {
  if (named.kind !== 'identifier') return;
  const values = resolve(named.name, named.span, scope).values;
  if (!values) return;
  for (const other of others) {
    if (other.kind !== 'string' || values.includes(other.value)) continue;
    const suggestion = closest(other.value, values);
    const tail = didYouMean(suggestion);
    exprFail(other.span, `'${other.value}' 不是 ${named.name} 的取值（${values.join('、')}）${tail.zh}`, `'${other.value}' is not a value of ${named.name} (${values.join(', ')})${tail.en}`, {
      expected: values.join(', '),
      found: other.value,
      ...(suggestion === undefined ? {} : { suggestion }),
    });
  }
}

type Hint = { readonly en: string; readonly zh: string };

function arithmeticHint(op: string, left: Inferred, right: Inferred): Hint | undefined {
  if (op === '+' && (left === 'string' || right === 'string')) return { en: "join text with '||'", zh: "拼接文本请用 '||'" };
  if (op === '||' && (left === 'boolean' || right === 'boolean')) return { en: "for either-or write 'or'", zh: "“或者”请写作 or" };
  if ((op === '-' || op === '+') && (left === 'date' || right === 'date')) {
    return { en: 'use days_between(a, b) for the days between dates', zh: '日期相差天数请用 days_between(a, b)' };
  }
  return undefined;
}

function dateHint(a: Inferred, b: Inferred): { en: string; zh: string } {
  if ((a === 'date' && b === 'string') || (a === 'string' && b === 'date')) {
    return { en: "; write a date as date '2025-01-01'", zh: "；日期请写作 date '2025-01-01'" };
  }
  return { en: '', zh: '' };
}

