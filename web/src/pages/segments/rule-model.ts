// The visual builder's model of a rule: groups of conditions joined by AND or OR, each condition a tag, an
// operator and literal values. The expression text is what is saved; the model is a view of it that exists
// only when the text is simple enough (rule-from-ast.ts decides), so the two can be kept in step both ways.
import type { TagType } from '../../../../src/tags/schema';

export const conditionOps = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  'in',
  'not_in',
  'between',
  'is_null',
  'is_not_null',
] as const;
export type ConditionOp = (typeof conditionOps)[number];

export interface Condition {
  readonly kind: 'condition';
  readonly id: string;
  readonly tag: string;
  readonly op: ConditionOp;
  /** Literal values as typed (numbers as text, dates as YYYY-MM-DD); how they are written depends on the tag's type. */
  readonly values: readonly string[];
}

export interface ConditionGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly join: 'and' | 'or';
  readonly items: ReadonlyArray<Condition | ConditionGroup>;
}

export type RuleNode = Condition | ConditionGroup;
export type TypeOf = (tag: string) => TagType | undefined;

let sequence = 0;
export const nextId = (): string => `n${(sequence += 1)}`;

export function emptyGroup(join: 'and' | 'or' = 'and'): ConditionGroup {
  return { kind: 'group', id: nextId(), join, items: [] };
}

export function newCondition(tag = '', op: ConditionOp = '=', values: readonly string[] = []): Condition {
  return { kind: 'condition', id: nextId(), tag, op, values };
}

/** Operators that make sense for a type: order only for numbers and dates, lists for text and numbers. */
export function opsFor(type: TagType | undefined): readonly ConditionOp[] {
  switch (type) {
    case 'boolean':
      return ['=', 'is_null', 'is_not_null'];
    case 'enum':
    case 'string':
      return ['=', '!=', 'in', 'not_in', 'is_null', 'is_not_null'];
    default:
      return conditionOps;
  }
}

/** How many values an operator takes: none, one, two, or a list of at least one. */
export function arityOf(op: ConditionOp): 0 | 1 | 2 | 'list' {
  if (op === 'is_null' || op === 'is_not_null') return 0;
  if (op === 'between') return 2;
  if (op === 'in' || op === 'not_in') return 'list';
  return 1;
}

const numberText = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const dayText = /^\d{4}-\d{2}-\d{2}$/;

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A value as the expression language writes it, or null when it cannot be one for this type yet. */
export function literal(value: string, type: TagType | undefined): string | null {
  const v = value.trim();
  if (v === '') return null;
  switch (type) {
    case 'number':
      return numberText.test(v) ? v : null;
    case 'boolean':
      return v === 'true' || v === 'false' ? v : null;
    case 'date':
      return dayText.test(v) ? `date ${quote(v)}` : null;
    case 'enum':
    case 'string':
      return quote(value);
    default:
      // A name the catalogue does not know: write what it looks like; the checker will name the problem.
      return numberText.test(v) ? v : quote(value);
  }
}

/** The condition's text, or null while it is incomplete (such rows stay in the builder but not in the rule). */
export function conditionText(c: Condition, typeOf: TypeOf): string | null {
  if (c.tag === '') return null;
  const type = typeOf(c.tag);
  const arity = arityOf(c.op);
  const values = c.values.map((v) => literal(v, type));
  if (arity === 0) return `${c.tag} ${c.op === 'is_null' ? 'is null' : 'is not null'}`;
  if (values.some((v) => v === null)) return null;
  if (arity === 2) return values.length === 2 ? `${c.tag} between ${values[0]} and ${values[1]}` : null;
  if (arity === 'list')
    return values.length > 0 ? `${c.tag} ${c.op === 'in' ? 'in' : 'not in'} (${values.join(', ')})` : null;
  return values.length === 1 ? `${c.tag} ${c.op} ${values[0]}` : null;
}

/** The rule text of a group; nested groups are parenthesised so that AND inside OR (and back) keeps its meaning. */
export function groupText(group: ConditionGroup, typeOf: TypeOf): string {
  const parts = group.items.flatMap((item) => {
    if (item.kind === 'condition') {
      const text = conditionText(item, typeOf);
      return text === null ? [] : [text];
    }
    const inner = groupText(item, typeOf);
    if (inner === '') return [];
    const count = item.items.filter((i) => i.kind === 'group' || conditionText(i, typeOf) !== null).length;
    return [count > 1 ? `(${inner})` : inner];
  });
  return parts.join(` ${group.join} `);
}

export function isIncomplete(c: Condition, typeOf: TypeOf): boolean {
  return conditionText(c, typeOf) === null;
}
