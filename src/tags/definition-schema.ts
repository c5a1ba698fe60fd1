// Browser-safe: a tag definition is data (DESIGN §5). The console's editor, the API and the CLI validate the
// same zod schema; the engine (plan/) compiles it to SQL. Semantic checks that need the catalogue (expression
// types, unknown tags, cycles, naming) live in validate.ts.
import { z } from 'zod';
import { patternMessage } from '../core/schema';

export const tagDimensions = ['basic', 'behaviour', 'risk', 'lifecycle', 'interest', 'value', 'channel'] as const;
export type TagDimension = (typeof tagDimensions)[number];

export const tagTypes = ['number', 'boolean', 'enum', 'date', 'string'] as const;
export type TagType = (typeof tagTypes)[number];

/** Behaviour sources a dynamic tag aggregates over; each has its own rollup (see sources.ts). */
export const dynamicSources = ['txn', 'statement', 'event', 'interaction', 'bureau'] as const;
export type DynamicSource = (typeof dynamicSources)[number];

/** Per-customer sources of static tags: one row per customer, or several rows folded by `aggregate`. */
export const staticSources = ['customers', 'accounts', 'channel_preferences'] as const;
export type StaticSource = (typeof staticSources)[number];

export const dynamicAggregates = [
  'count',
  'sum',
  'avg',
  'max',
  'min',
  'share',
  'days_since',
  'distinct_months',
  'last',
  'top',
] as const;
export type DynamicAggregate = (typeof dynamicAggregates)[number];

/**
 * Whether an aggregate reads the dynamic spec's `field`: the measured field of sum/avg/max/min/share/last,
 * the grouped field of top. Count, days since and distinct months count rows or days, so the editor neither
 * shows nor sends one. A Record, so that a new aggregate must be placed here.
 */
const aggregateFieldUse: Readonly<Record<DynamicAggregate, boolean>> = {
  count: false,
  sum: true,
  avg: true,
  max: true,
  min: true,
  share: true,
  days_since: false,
  distinct_months: false,
  last: true,
  top: true,
};

export function aggregateReadsField(aggregate: DynamicAggregate): boolean {
  return aggregateFieldUse[aggregate];
}

export const staticAggregates = ['sum', 'max', 'min', 'count', 'any', 'first'] as const;
export type StaticAggregate = (typeof staticAggregates)[number];

/**
 * `30d` is the 30 days ending at the as-of date (inclusive); `12m` runs from the same day of the month twelve
 * calendar months back (clamped to month ends), as in the expression language (plan/window.ts).
 */
export const windowPattern = /^([1-9][0-9]{0,3})([dm])$/;
export const windowSchema = z.string().regex(windowPattern, patternMessage(windowPattern, 'a window is a number and d or m, e.g. 30d, 12m', '时间窗为数字加 d 或 m，如 30d、12m'));

export const tagCodePattern = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const bucketsSchema = z
  .object({
    /** Ascending upper-exclusive edges: [25, 35] gives (-∞,25), [25,35), [35,∞). */
    edges: z.array(z.number()).min(1).max(50),
    /** One label per band (edges + 1); when absent the bands are labelled by their bounds. */
    labels: z.array(z.string().min(1).max(40)).optional(),
  })
  .refine((b) => b.edges.every((e, i) => i === 0 || e > (b.edges[i - 1] as number)), {
    message: 'edges must ascend',
    params: { zh: '分段边界须递增' },
  })
  .refine((b) => !b.labels || b.labels.length === b.edges.length + 1, {
    message: 'labels must number edges + 1',
    params: { zh: '分段标签数须为边界数加一' },
  });
export type Buckets = z.infer<typeof bucketsSchema>;

const expression = z.string().min(1).max(4000);

export const staticSpecSchema = z.object({
  kind: z.literal('static'),
  source: z.enum(staticSources),
  /** An expression over the source's fields, e.g. `gender`, `age(birth_date)`, `credit_limit`. */
  expression,
  /** Required for multi-row sources (accounts, channel_preferences): how rows fold into one value. */
  aggregate: z.enum(staticAggregates).optional(),
  /** For `first`: the field whose smallest value picks the row (e.g. preference_rank). */
  orderBy: z.string().optional(),
  filter: expression.optional(),
});

export const dynamicSpecSchema = z.object({
  kind: z.literal('dynamic'),
  source: z.enum(dynamicSources),
  aggregate: z.enum(dynamicAggregates),
  /** The measured field (sum/avg/max/min/share/last) or the grouped field (top). Default: the source's main measure. */
  field: z.string().optional(),
  /** An expression-language condition over the source's fields, e.g. `category = 'dining'`. */
  filter: expression.optional(),
  /** For share: the denominator's condition (default: every row of the window). */
  base: expression.optional(),
  /** For top: rank values by the sum of the measure or by row count. */
  by: z.enum(['sum', 'count']).optional(),
  window: windowSchema.optional(),
  /** The window ends this long before the as-of date (for "the 90 days before the last 90"). */
  lag: windowSchema.optional(),
});

export const computedSpecSchema = z.object({
  kind: z.literal('computed'),
  /** An expression over other tags, e.g. `spend_share_dining_365d >= 0.2 and txn_count_90d >= 3`. */
  expression,
  /** Rank the expression across all customers into this many equal-population scores (1 = lowest). */
  quantiles: z.number().int().min(2).max(100).optional(),
  /** With quantiles: rank descending (so that small values, e.g. days since last purchase, score high). */
  descending: z.boolean().optional(),
});

export const tagSpecSchema = z.discriminatedUnion('kind', [staticSpecSchema, dynamicSpecSchema, computedSpecSchema]);
export type StaticSpec = z.infer<typeof staticSpecSchema>;
export type DynamicSpec = z.infer<typeof dynamicSpecSchema>;
export type ComputedSpec = z.infer<typeof computedSpecSchema>;
export type TagSpec = z.infer<typeof tagSpecSchema>;

export const tagDefinitionSchema = z.object({
  code: z
    .string()
    .min(2)
    .max(64)
    .refine((code) => tagCodePattern.test(code), {
      message: 'snake_case: lower-case words joined by _',
      params: { zh: '须为 snake_case：小写英文单词以 _ 连接' },
    }),
  name_zh: z.string().min(1).max(60),
  name_en: z.string().min(1).max(80),
  dimension: z.enum(tagDimensions),
  type: z.enum(tagTypes),
  spec: tagSpecSchema,
  /** Enum tags: the allowed values, in display order (for `max` over an enum: ascending rank). */
  values: z
    .array(z.string().min(1).max(40))
    .max(100)
    .refine((v) => new Set(v).size === v.length, {
      message: 'each value once: the profile stores an enum of them',
      params: { zh: '每个取值只能出现一次（画像以枚举存储）' },
    })
    .optional(),
  buckets: bucketsSchema.optional(),
  unit: z.string().max(20).optional(),
  refresh: z.enum(['daily', 'on_demand']).default('daily'),
  owner: z.string().min(1).max(60).default('tags'),
  description: z.string().min(1).max(1000),
  /** The description in Chinese; optional for custom tags (the console falls back to `description`). */
  description_zh: z.string().min(1).max(1000).optional(),
  version: z.number().int().min(1).default(1),
});
export type TagDefinition = z.infer<typeof tagDefinitionSchema>;
export type TagDefinitionInput = z.input<typeof tagDefinitionSchema>;

/** A problem found while validating a definition: where (field, and offset in an expression) and why. */
export const validationIssueSchema = z.object({
  field: z.string(),
  message: z.string(),
  message_zh: z.string(),
  position: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  suggestion: z.string().optional(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
