// What the browser can say about a draft's shape before the server does. The server's shape check (zod)
// answers in English only, even in the Chinese console, and stops at the first broken part; these checks
// cover the same rules for the fields a person types, in both languages, and name every problem at once.
import type { TFunction } from 'i18next';
import { tagCodePattern, tagDefinitionSchema, windowPattern } from '../../../../src/tags/schema';
import type { TagDraft } from './tag-draft';

/** A problem with one field: `tags.issue.<key>` says it, with `values` filled in. */
export interface DraftIssue {
  readonly field: string;
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

// The limits come from the definition schema itself (src/tags/definition-schema.ts), so the two cannot drift.
const shape = tagDefinitionSchema.shape;
const maxLength: Readonly<Record<string, number | null>> = {
  code: shape.code.maxLength,
  name_zh: shape.name_zh.maxLength,
  name_en: shape.name_en.maxLength,
  unit: shape.unit.unwrap().maxLength,
  description: shape.description.maxLength,
  description_zh: shape.description_zh.unwrap().maxLength,
};

const list = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function textIssues(d: TagDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const texts = {
    code: d.code,
    name_zh: d.name_zh,
    name_en: d.name_en,
    unit: d.unit,
    description: d.description,
    description_zh: d.description_zh,
  };
  const required = new Set(['code', 'name_zh', 'name_en', 'description']);
  for (const [field, raw] of Object.entries(texts)) {
    const text = raw.trim();
    const max = maxLength[field] ?? Infinity;
    if (text === '' && required.has(field)) issues.push({ field, key: 'required' });
    else if (text.length > max) issues.push({ field, key: 'tooLong', values: { max } });
  }
  const code = d.code.trim();
  if (code.length > 0 && code.length < (shape.code.minLength ?? 0))
    issues.push({ field: 'code', key: 'codeShort', values: { min: shape.code.minLength ?? 0 } });
  else if (code.length > 1 && !tagCodePattern.test(code)) issues.push({ field: 'code', key: 'codePattern' });
  return issues;
}

function specIssues(d: TagDraft): DraftIssue[] {
  if (d.kind !== 'dynamic') return [];
  return (['window', 'lag'] as const)
    .filter((field) => d[field].trim() !== '' && !windowPattern.test(d[field].trim()))
    .map((field) => ({ field: `spec.${field}`, key: 'window' }));
}

function valueIssues(d: TagDraft): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const edges = list(d.edges);
  const notNumber = edges.find((e) => !Number.isFinite(Number(e)));
  if (notNumber !== undefined)
    issues.push({ field: 'buckets', key: 'edgesNumber', values: { value: notNumber } });
  else if (edges.some((e, i) => i > 0 && Number(e) <= Number(edges[i - 1])))
    issues.push({ field: 'buckets', key: 'edgesAscend' });
  const labels = list(d.labels);
  if (edges.length > 0 && labels.length > 0 && labels.length !== edges.length + 1)
    issues.push({ field: 'buckets.labels', key: 'labelsCount', values: { count: edges.length + 1 } });
  if (d.type === 'enum') {
    const values = list(d.values);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice !== undefined) issues.push({ field: 'values', key: 'valuesUnique', values: { value: twice } });
  }
  return issues;
}

/** Every shape problem of the draft, in form order. */
export function draftIssues(d: TagDraft): DraftIssue[] {
  return [...textIssues(d), ...specIssues(d), ...valueIssues(d)];
}

// The label of each definition field, for messages that name a field: people read 英文说明, not `description`.
const fieldLabelKeys: Readonly<Record<string, string>> = {
  code: 'tags.field.code',
  name_zh: 'tags.field.nameZh',
  name_en: 'tags.field.nameEn',
  dimension: 'tags.dimension',
  type: 'tags.type',
  unit: 'tags.field.unit',
  values: 'tags.field.values',
  buckets: 'tags.field.buckets',
  'buckets.edges': 'tags.field.buckets',
  'buckets.labels': 'tags.field.labels',
  refresh: 'tags.field.refresh',
  owner: 'tags.field.owner',
  description: 'tags.field.descriptionEn',
  description_zh: 'tags.field.descriptionZh',
  spec: 'tags.definitionTitle',
  'spec.kind': 'tags.kind',
  'spec.source': 'tags.field.source',
  'spec.aggregate': 'tags.field.aggregate',
  'spec.field': 'tags.field.field',
  'spec.window': 'tags.field.window',
  'spec.lag': 'tags.field.lag',
  'spec.by': 'tags.field.by',
  'spec.orderBy': 'tags.field.orderBy',
  'spec.expression': 'tags.field.expression',
  'spec.filter': 'tags.field.filter',
  'spec.base': 'tags.field.base',
  'spec.quantiles': 'tags.field.quantiles',
  'spec.descending': 'tags.field.descending',
};

/** `buckets.edges.1` reads as 分段边界: the longest known prefix of a zod path names the field. */
export function fieldLabel(field: string, t: TFunction): string {
  for (let path = field; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    const key = fieldLabelKeys[path];
    if (key) return t(key);
  }
  return field;
}

/** Whether a server issue on `field` is about a field the browser has already judged. */
export function coveredBy(field: string, judged: ReadonlySet<string>): boolean {
  return [...judged].some((f) => field === f || field.startsWith(`${f}.`));
}
