import { catalogOf, fail, type ExprCatalog } from '../core';
import type { DynamicSpec, TagDefinition, TagType } from './definition-schema';
import { checkedAst, fieldCatalog, namesRead, type Expr, type ExprType } from './expr';
import { relationsOf, type Relation } from './sources';
import { staticRelations, type StaticRelation } from './static-sources';

// Resolving a definition = parsing and type-checking its expressions against the names they may use, and
// choosing the relation a dynamic tag reads. Validation reports the failures; the planner uses the result.

export type ResolvedTag =
  | { readonly def: TagDefinition; readonly kind: 'static'; readonly relation: StaticRelation; readonly expr: Expr; readonly filter?: Expr }
  | { readonly def: TagDefinition; readonly kind: 'dynamic'; readonly relation: Relation; readonly filter?: Expr; readonly base?: Expr }
  | { readonly def: TagDefinition; readonly kind: 'computed'; readonly expr: Expr; readonly reads: readonly string[] };

export function exprTypeOf(type: TagType): ExprType {
  return type === 'enum' ? 'string' : type;
}

/** The tag catalogue the expression checker resolves tag codes against. */
export function tagCatalog(defs: readonly TagDefinition[]): ExprCatalog {
  return catalogOf(
    Object.fromEntries(defs.map((d) => [d.code, { type: exprTypeOf(d.type), ...(d.type === 'enum' && d.values ? { values: d.values } : {}) }])),
  );
}

/** Runs `check` and prefixes any expression error with the definition field it came from. */
export function inField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof Error) Object.assign(error, { field });
    throw error;
  }
}

function definitionFail(field: string, zh: string, en: string): never {
  return fail('definition_invalid', zh, en, { field });
}

function pickRelation(spec: DynamicSpec, names: readonly string[]): Relation {
  const candidates = relationsOf[spec.source];
  const fits = (r: Relation) =>
    names.every((n) => n in r.fields) && (spec.field === undefined || spec.field in r.fields) && !(r.folded && spec.aggregate === 'last');
  const relation = candidates.find(fits);
  if (relation) return relation;
  const all = candidates[candidates.length - 1] as Relation;
  const unknown = [...names, ...(spec.field ? [spec.field] : [])].find((n) => !(n in all.fields)) ?? spec.field ?? '';
  return definitionFail('spec.field', `${spec.source} 没有字段 '${unknown}'`, `${spec.source} has no field '${unknown}' (fields: ${Object.keys(all.fields).join(', ')})`);
}

function resolveDynamic(def: TagDefinition, spec: DynamicSpec): ResolvedTag {
  const all = relationsOf[spec.source][relationsOf[spec.source].length - 1] as Relation;
  const catalog = fieldCatalog(spec.source, all.fields);
  const filter = spec.filter ? inField('spec.filter', () => checkedAst(spec.filter as string, catalog, 'boolean').ast) : undefined;
  const base = spec.base ? inField('spec.base', () => checkedAst(spec.base as string, catalog, 'boolean').ast) : undefined;
  const relation = pickRelation(spec, [...(filter ? namesRead(filter) : []), ...(base ? namesRead(base) : [])]);
  const field = spec.field ? relation.fields[spec.field] : undefined;
  const numericAggregates = ['sum', 'avg', 'max', 'min', 'share'];
  if (numericAggregates.includes(spec.aggregate) && !relation.measures[spec.field ?? relation.defaultMeasure ?? '']) {
    definitionFail('spec.field', `${spec.aggregate} 需要数值字段`, `${spec.aggregate} needs a numeric field of ${spec.source} (${Object.keys(relation.measures).join(', ') || 'none'})`);
  }
  if ((spec.aggregate === 'last' || spec.aggregate === 'top') && !field) {
    definitionFail('spec.field', `${spec.aggregate} 需要指定字段`, `${spec.aggregate} needs a field`);
  }
  if (spec.aggregate === 'top' && spec.by !== 'count' && !relation.measures[relation.defaultMeasure ?? '']) {
    definitionFail('spec.by', `${spec.source} 没有金额，top 只能按笔数`, `${spec.source} has no amount: top can only rank by count`);
  }
  if (spec.aggregate === 'top' && !field?.values) {
    definitionFail('spec.field', `top 只能用于取值固定的字段`, `top needs a field with a closed list of values (e.g. category, channel)`);
  }
  if (spec.aggregate === 'distinct_months' && (!spec.window?.endsWith('m') || Number(spec.window.slice(0, -1)) > 60 || spec.lag)) {
    definitionFail('spec.window', 'distinct_months 需要以月计、不超过 60m 的窗口，且不能滞后', 'distinct_months counts calendar months: give a window in months, at most 60m, and no lag');
  }
  return { def, kind: 'dynamic', relation, ...(filter ? { filter } : {}), ...(base ? { base } : {}) };
}

/** Resolves one definition against the catalogue of all tags; throws the first problem found. */
export function resolveTag(def: TagDefinition, catalog: ExprCatalog): ResolvedTag {
  const spec = def.spec;
  switch (spec.kind) {
    case 'static': {
      const relation = staticRelations[spec.source];
      const catalogOfFields = fieldCatalog(spec.source, relation.fields);
      const expr = inField('spec.expression', () => checkedAst(spec.expression, catalogOfFields).ast);
      const filter = spec.filter ? inField('spec.filter', () => checkedAst(spec.filter as string, catalogOfFields, 'boolean').ast) : undefined;
      if (relation.multiRow && !spec.aggregate) {
        definitionFail('spec.aggregate', `${spec.source} 每位客户有多行，需要指定汇总方式`, `${spec.source} has several rows per customer: give an aggregate`);
      }
      if (spec.aggregate === 'first' && !(spec.orderBy && spec.orderBy in relation.fields)) {
        definitionFail('spec.orderBy', 'first 需要 orderBy 字段', `first needs orderBy, one of: ${Object.keys(relation.fields).join(', ')}`);
      }
      return { def, kind: 'static', relation, expr, ...(filter ? { filter } : {}) };
    }
    case 'dynamic':
      return resolveDynamic(def, spec);
    case 'computed': {
      const expect = def.buckets && def.type === 'enum' ? 'number' : exprTypeOf(def.type);
      const expr = inField('spec.expression', () => checkedAst(spec.expression, catalog, expect).ast);
      if (spec.quantiles && def.type !== 'number') {
        definitionFail('spec.quantiles', '分位数评分须为数值标签', 'a quantile score must be a number tag');
      }
      return { def, kind: 'computed', expr, reads: namesRead(expr) };
    }
  }
}
