import type { AggregateNode, CallNode, ExprType } from './ast';
import { describeType, expectType, resolve, unify, type Inferred, type Scope } from './check';
import { exprFail } from './expr-error';
import { functionSignatures } from './functions';
import { behaviourSources } from './sources';

/** Arity and argument types of a whitelisted function; gives its result type. */
export function checkCall(node: CallNode, scope: Scope): Inferred {
  const signature = functionSignatures[node.name];
  if (signature.variadic) {
    if (node.args.length < 2) arityFail(node, '2 or more', '至少 2 个');
    const type = unify(node.args, scope, `the arguments of ${node.name}()`, `${node.name}() 的参数`);
    if (type === 'null') exprFail(node.span, `${node.name}() 的参数都是空值`, `every argument of ${node.name}() is null`);
    if (!signature.variadic.includes(type)) {
      exprFail(node.span, `${node.name}() 不接受${describeType(type).zh}`, `${node.name}() does not take ${describeType(type).en}`, {
        expected: signature.variadic.join(', '),
        found: type,
      });
    }
    return type;
  }
  const max = signature.params.length;
  const min = max - (signature.optional ?? 0);
  if (node.args.length < min || node.args.length > max) {
    const count = min === max ? String(max) : `${min} or ${max}`;
    arityFail(node, count, min === max ? `${max} 个` : `${min} 或 ${max} 个`);
  }
  node.args.forEach((arg, i) => {
    expectType(arg, scope, signature.params[i] as ExprType, `argument ${i + 1} of ${node.name}()`, `${node.name}() 的第 ${i + 1} 个参数`);
  });
  if (node.name === 'round' && node.args[1] !== undefined) {
    // SQL engines take the number of places as an integer constant; a computed one would differ between them.
    const places = node.args[1];
    if (places.kind !== 'number' || !Number.isInteger(places.value) || Math.abs(places.value) > 10) {
      exprFail(places.span, 'round() 的小数位数须为 -10 至 10 的整数常量', 'the places of round() must be a whole number from -10 to 10, written out', {
        expected: 'a whole number from -10 to 10',
      });
    }
  }
  return signature.result === 'same' ? 'null' : signature.result;
}

/** A behaviour window: a known field of the right type, a true/false `where`, no window inside a window. */
export function checkAggregate(node: AggregateNode, scope: Scope): Inferred {
  if (scope.kind === 'source') {
    exprFail(node.span, '行为统计不能嵌套在另一个行为统计的 where 中', 'a behaviour window cannot sit inside the where of another');
  }
  const source = behaviourSources[node.source];
  const inner: Scope = { kind: 'source', source };
  let fieldType: ExprType | undefined;
  if (node.field !== undefined) fieldType = resolve(node.field, node.span, inner).type;
  if (node.where) expectType(node.where, inner, 'boolean', `the where of ${node.fn}()`, `${node.fn}() 的 where 条件`);
  switch (node.fn) {
    case 'count':
      return 'number';
    case 'count_distinct':
      requireField(node, fieldType, ['number', 'string', 'date', 'boolean']);
      return 'number';
    case 'sum':
    case 'avg':
      requireField(node, fieldType, ['number']);
      return 'number';
    case 'min':
    case 'max':
      return requireField(node, fieldType, ['number', 'string', 'date']);
  }
}

function requireField(node: AggregateNode, type: ExprType | undefined, allowed: readonly ExprType[]): ExprType {
  const fields = Object.entries(behaviourSources[node.source].fields);
  const fitting = fields.find(([, field]) => allowed.includes(field.type))?.[0] ?? 'field';
  const example = `${node.fn}(${node.source}.${fitting}, ${node.window.amount}${node.window.unit})`;
  if (type === undefined) {
    return exprFail(node.span, `${node.fn}() 需要指定字段，例如 ${example}`, `${node.fn}() needs a field, e.g. ${example}`, { expected: example });
  }
  if (!allowed.includes(type)) {
    return exprFail(node.span, `${node.fn}() 不能用于${describeType(type).zh}字段 ${node.field}`, `${node.fn}() cannot take the field ${node.field}, which is ${describeType(type).en}`, {
      expected: allowed.join(', '),
      found: type,
    });
  }
  return type;
}

function arityFail(node: CallNode, countEn: string, countZh: string): never {
  return exprFail(node.span, `${node.name}() 需要 ${countZh}参数，实际为 ${node.args.length} 个`, `${node.name}() takes ${countEn} argument${countEn === '1' ? '' : 's'}, got ${node.args.length}`, {
    expected: countEn,
    found: String(node.args.length),
  });
}

