// The editor's form state and the definition JSON it stands for. The form is flat (one field per input);
// the definition nests its spec by kind and leaves out what a kind does not use, so the server's zod schema
// sees exactly what a person meant.
import {
  aggregateReadsField,
  type DynamicAggregate,
  type StaticAggregate,
  type TagDefinition,
  type TagDimension,
  type TagType,
} from '../../../../src/tags/schema';
import type { TagKind } from './tag-labels';

export interface TagDraft {
  readonly code: string;
  readonly name_zh: string;
  readonly name_en: string;
  readonly dimension: TagDimension;
  readonly type: TagType;
  readonly kind: TagKind;
  readonly staticSource: 'customers' | 'accounts' | 'channel_preferences';
  readonly staticAggregate: StaticAggregate | '';
  readonly orderBy: string;
  readonly dynamicSource: 'txn' | 'statement' | 'event' | 'interaction' | 'bureau';
  readonly dynamicAggregate: DynamicAggregate;
  readonly field: string;
  readonly by: 'sum' | 'count' | '';
  readonly window: string;
  readonly lag: string;
  readonly expression: string;
  readonly filter: string;
  readonly base: string;
  readonly quantiles: number | null;
  readonly descending: boolean;
  /** Comma-separated enum values and bucket edges, as typed. */
  readonly values: string;
  readonly edges: string;
  readonly labels: string;
  readonly unit: string;
  readonly refresh: 'daily' | 'on_demand';
  readonly description: string;
  /** Optional: the Chinese console falls back to the English description. */
  readonly description_zh: string;
}

export const emptyDraft: TagDraft = {
  code: '',
  name_zh: '',
  name_en: '',
  dimension: 'behaviour',
  type: 'number',
  kind: 'dynamic',
  staticSource: 'customers',
  staticAggregate: '',
  orderBy: '',
  dynamicSource: 'txn',
  dynamicAggregate: 'sum',
  field: 'amount',
  by: '',
  window: '90d',
  lag: '',
  expression: '',
  filter: '',
  base: '',
  quantiles: null,
  descending: false,
  values: '',
  edges: '',
  labels: '',
  unit: '',
  refresh: 'daily',
  description: '',
  description_zh: '',
};

const list = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Only the keys that carry something: an empty optional input means "not set", not an empty string. */
function present<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false),
  ) as Partial<T>;
}

function specOf(d: TagDraft): Record<string, unknown> {
  switch (d.kind) {
    case 'static':
      return {
        kind: 'static',
        source: d.staticSource,
        expression: d.expression,
        ...present({ aggregate: d.staticAggregate, orderBy: d.orderBy.trim(), filter: d.filter.trim() }),
      };
    case 'dynamic':
      return {
        kind: 'dynamic',
        source: d.dynamicSource,
        aggregate: d.dynamicAggregate,
        ...present({
          field: aggregateReadsField(d.dynamicAggregate) ? d.field.trim() : '',
          filter: d.filter.trim(),
          base: d.base.trim(),
          by: d.by,
          window: d.window.trim(),
          lag: d.lag.trim(),
        }),
      };
    case 'computed':
      return {
        kind: 'computed',
        expression: d.expression,
        ...present({ quantiles: d.quantiles, descending: d.descending }),
      };
  }
}

/** The definition to validate, preview or save; numbers in the edge list that do not parse stay text so the server names them. */
export function definitionOf(d: TagDraft): Record<string, unknown> {
  const edges = list(d.edges).map((e) => (Number.isFinite(Number(e)) ? Number(e) : e));
  return {
    code: d.code.trim(),
    name_zh: d.name_zh.trim(),
    name_en: d.name_en.trim(),
    dimension: d.dimension,
    type: d.type,
    spec: specOf(d),
    ...(d.type === 'enum' && list(d.values).length > 0 ? { values: list(d.values) } : {}),
    ...(edges.length > 0
      ? { buckets: { edges, ...(list(d.labels).length > 0 ? { labels: list(d.labels) } : {}) } }
      : {}),
    ...present({ unit: d.unit.trim() }),
    refresh: d.refresh,
    description: d.description.trim(),
    ...present({ description_zh: d.description_zh.trim() }),
  };
}

export function draftOf(def: TagDefinition, asCopy: boolean): TagDraft {
  const spec = def.spec;
  return {
    ...emptyDraft,
    code: asCopy ? `${def.code}_custom`.replace(/_(\d+[dm])_custom$/, '_custom_$1') : def.code,
    name_zh: asCopy ? `${def.name_zh}（自定义）` : def.name_zh,
    name_en: asCopy ? `${def.name_en} (custom)` : def.name_en,
    dimension: def.dimension,
    type: def.type,
    kind: spec.kind,
    ...(spec.kind === 'static'
      ? {
          staticSource: spec.source,
          staticAggregate: spec.aggregate ?? '',
          orderBy: spec.orderBy ?? '',
          expression: spec.expression,
          filter: spec.filter ?? '',
        }
      : spec.kind === 'dynamic'
        ? {
            dynamicSource: spec.source,
            dynamicAggregate: spec.aggregate,
            field: spec.field ?? '',
            by: spec.by ?? '',
            window: spec.window ?? '',
            lag: spec.lag ?? '',
            filter: spec.filter ?? '',
            base: spec.base ?? '',
          }
        : {
            expression: spec.expression,
            quantiles: spec.quantiles ?? null,
            descending: spec.descending ?? false,
          }),
    values: (def.values ?? []).join(', '),
    edges: (def.buckets?.edges ?? []).join(', '),
    labels: (def.buckets?.labels ?? []).join(', '),
    unit: def.unit ?? '',
    refresh: def.refresh,
    description: def.description,
    description_zh: def.description_zh ?? '',
  };
}
