// Browser-safe: the 360° view's derived sections (tags, segments, model scores) and the tag explanation.
import { z } from 'zod';
import { day, instant, section } from './view-schema';

export const tagValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);
export type TagValue = z.infer<typeof tagValueSchema>;

export const customerTagValueSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['static', 'dynamic', 'computed']),
  type: z.string(),
  unit: z.string().nullable(),
  value: tagValueSchema,
  /**
   * On-demand tags only: the day their value describes (their last computation, not the profile's as-of
   * date); null before the first computation. Absent for tags every refresh computes.
   */
  computedAsOf: day.nullable().optional(),
});
export type CustomerTagValue = z.infer<typeof customerTagValueSchema>;

export const customerTagSchema = customerTagValueSchema.extend({
  /** The value at each snapshot, oldest first: the sparkline. */
  history: z.array(z.object({ asOf: day, value: tagValueSchema })),
});
export type CustomerTag = z.infer<typeof customerTagSchema>;

const tagsMeta = {
  /** The as-of date of the profile the values come from (the last tag refresh). */
  asOf: day,
  refreshedAt: instant,
};

/** In the summary: the current values, grouped by dimension in catalogue order (empty dimensions left out). */
export const tagValuesSectionSchema = section({
  ...tagsMeta,
  groups: z.array(z.object({ dimension: z.string(), tags: z.array(customerTagValueSchema) })),
});

/** From the tags endpoint: the same, each tag with its values across snapshots (the sparklines). */
export const tagsSectionSchema = section({
  ...tagsMeta,
  /** Snapshots kept (the tag capability's retention); each tag's history has at most this many points. */
  snapshots: z.number().int(),
  groups: z.array(z.object({ dimension: z.string(), tags: z.array(customerTagSchema) })),
});

export const segmentsSectionSchema = section({
  asOf: day.nullable(),
  items: z.array(
    z.object({
      segmentId: z.string(),
      name: z.string(),
      nameEn: z.string().optional(),
      /** The built-in segmentation it belongs to (`rfm`, `lifecycle` …); null for a rule segment. */
      family: z.string().nullable(),
      /** The data date of the snapshot that recorded the customer's latest entry; null when none has yet. */
      since: day.nullable(),
    }),
  ),
});

export const modelsSectionSchema = section({
  items: z.array(
    z.object({
      model: z.string(),
      score: z.number(),
      /** The features that moved this score most, largest effect first. */
      reasons: z.array(z.object({ feature: z.string(), effect: z.number() })),
    }),
  ),
});

export const tagExplanationSchema = z.object({
  customerId: z.string(),
  code: z.string(),
  /** The tag definition as stored (see the tag capability's tagDefinitionSchema). */
  definition: z.record(z.string(), z.unknown()),
  asOf: day,
  value: tagValueSchema,
  /** Behaviour tags: the window the rows fell in, `from` inclusive, `until` exclusive (Shanghai days). */
  window: z.object({ from: day.optional(), until: day }).nullable(),
  /** What fed the value: source rows inside the window (behaviour, static tags) or the tags read (computed). */
  inputs: z.array(z.record(z.string(), tagValueSchema)),
  inputsTruncated: z.boolean(),
});
export type TagExplanation = z.infer<typeof tagExplanationSchema>;
