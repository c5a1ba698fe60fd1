import { fail, isCardwiseError, issueText } from '../core';
import { tagDefinitionSchema, type TagDefinition, type ValidationIssue } from './definition-schema';
import { findCycle } from './graph';
import { resolveTag, tagCatalog, type ResolvedTag } from './resolve';

// Validation before saving: shape (zod), naming (DESIGN §5), expressions parse and type-check against the
// catalogue, and computed tags form no cycle. Each problem says where (field, and the offset inside an
// expression) and why, in zh-CN and English.

const windowSuffix = /_([1-9][0-9]*[dm])$/;

function issue(field: string, en: string, zh: string, extra: Partial<ValidationIssue> = {}): ValidationIssue {
  return { field, message: en, message_zh: zh, ...extra };
}

function namingIssues(def: TagDefinition): ValidationIssue[] {
  const suffix = windowSuffix.exec(def.code)?.[1];
  const spec = def.spec;
  if (spec.kind === 'dynamic' && spec.window && suffix !== spec.window) {
    return [issue('code', `a windowed tag's code ends with its window: <measure>[_<scope>]_${spec.window}`, `带时间窗口的标签编码须以窗口结尾：<度量>[_<范围>]_${spec.window}`)];
  }
  if (spec.kind !== 'computed' && suffix && !(spec.kind === 'dynamic' && spec.window === suffix)) {
    return [issue('code', `the code ends with a window (_${suffix}) the tag does not have`, `编码以窗口 _${suffix} 结尾，但标签没有该窗口`)];
  }
  return [];
}

function shapeIssues(def: TagDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (def.type === 'enum' && !def.values?.length && !def.buckets?.labels) {
    issues.push(issue('values', 'an enum tag lists its values', '枚举标签须列出取值'));
  }
  if (def.buckets?.labels && def.type === 'enum' && def.values && def.buckets.labels.some((l) => !def.values?.includes(l))) {
    issues.push(issue('buckets.labels', 'every band label must be one of the values', '分段标签须在取值列表中'));
  }
  // Without `values`, the band labels are the enum's values (several bands may share a label only when the
  // values are listed): the profile column is an enum of them, which must name each once.
  const labels = def.buckets?.labels;
  if (labels && def.type === 'enum' && !def.values && new Set(labels).size !== labels.length) {
    issues.push(issue('buckets.labels', 'band labels are the values of the tag: name each once, or list the values', '分段标签即标签取值：每个只能出现一次，或另列取值'));
  }
  return issues;
}

function exprIssue(error: unknown): ValidationIssue {
  const field = (error as { field?: string }).field ?? 'spec';
  if (isCardwiseError(error)) {
    const d = (error.details ?? {}) as { position?: number; line?: number; column?: number; suggestion?: string; field?: string };
    return issue(d.field ?? field, error.messages['en-US'], error.messages['zh-CN'], {
      ...(d.position === undefined ? {} : { position: d.position }),
      ...(d.line === undefined ? {} : { line: d.line }),
      ...(d.column === undefined ? {} : { column: d.column }),
      ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }),
    });
  }
  throw error;
}

export interface CheckResult {
  readonly definition?: TagDefinition;
  readonly resolved?: ResolvedTag;
  readonly issues: readonly ValidationIssue[];
}

/** Checks one definition against the catalogue (replacing any tag of the same code); never throws on bad input. */
export function checkDefinition(input: unknown, catalogue: readonly TagDefinition[]): CheckResult {
  const parsed = tagDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => {
        const text = issueText(i);
        return issue(i.path.join('.') || '(definition)', text.en, text.zh);
      }),
    };
  }
  const def = parsed.data;
  const issues = [...namingIssues(def), ...shapeIssues(def)];
  const others = catalogue.filter((t) => t.code !== def.code);
  const all = [...others, def];
  let resolved: ResolvedTag | undefined;
  try {
    resolved = resolveTag(def, tagCatalog(all));
  } catch (error) {
    issues.push(exprIssue(error));
  }
  if (resolved?.kind === 'computed') {
    const graph = new Map<string, readonly string[]>();
    for (const t of all) {
      if (t.spec.kind !== 'computed') continue;
      graph.set(t.code, t.code === def.code ? resolved.reads : computedReads(t, all));
    }
    const cycle = findCycle(graph);
    if (cycle) issues.push(issue('spec.expression', `cycle among computed tags: ${cycle.join(' → ')}`, `计算标签之间存在循环引用：${cycle.join(' → ')}`));
  }
  return { definition: def, ...(resolved && issues.length === 0 ? { resolved } : {}), issues };
}

function computedReads(def: TagDefinition, all: readonly TagDefinition[]): readonly string[] {
  try {
    const r = resolveTag(def, tagCatalog(all));
    return r.kind === 'computed' ? r.reads : [];
  } catch {
    return [];
  }
}

/** Like checkDefinition, but throws `definition_invalid` carrying every issue. */
export function validateDefinition(input: unknown, catalogue: readonly TagDefinition[]): { definition: TagDefinition; resolved: ResolvedTag } {
  const result = checkDefinition(input, catalogue);
  if (result.definition && result.resolved && result.issues.length === 0) return { definition: result.definition, resolved: result.resolved };
  const first = result.issues[0];
  return fail(
    'definition_invalid',
    `标签定义无效：${first ? `${first.field}：${first.message_zh}` : ''}`,
    `invalid tag definition: ${first ? `${first.field}: ${first.message}` : ''}`,
    { issues: result.issues },
  );
}

/** Resolves a whole catalogue for a refresh; a stored tag that no longer resolves stops the refresh loudly. */
export function resolveCatalogue(defs: readonly TagDefinition[]): ResolvedTag[] {
  const catalog = tagCatalog(defs);
  return defs.map((def) => {
    try {
      return resolveTag(def, catalog);
    } catch (error) {
      const i = exprIssue(error);
      return fail('definition_invalid', `标签 ${def.code} 无效：${i.message_zh}`, `tag ${def.code} is invalid: ${i.message}`, { code: def.code, issue: i });
    }
  });
}
