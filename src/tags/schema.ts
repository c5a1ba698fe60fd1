// Browser-safe surface of the tag capability: definition types and the HTTP endpoints (one declaration each;
// the server registers them, OpenAPI and the console's client come from them). No Node modules here.
import { z } from 'zod';
import { endpoint, patternMessage } from '../core/schema';
import { tagDefinitionSchema, tagDimensions, tagTypes, validationIssueSchema } from './definition-schema';

export * from './definition-schema';

const readers = ['admin', 'operator', 'analyst', 'agent', 'auditor'] as const;
const editors = ['admin', 'operator', 'analyst'] as const;

const codeParams = z.object({ code: z.string().min(1).max(64) });
/** Definitions arrive as plain JSON and are validated by the capability, so errors carry field and position. */
const definitionBody = z.record(z.string(), z.unknown());

export const distributionSchema = z.union([
  z.object({ kind: z.enum(['values', 'bands']), items: z.array(z.object({ label: z.string(), count: z.number() })) }),
  z.object({ kind: z.literal('quantiles'), quantiles: z.array(z.number()) }),
  z.object({ kind: z.literal('none') }),
]);

export const tagSummarySchema = z.object({
  code: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  dimension: z.enum(tagDimensions),
  type: z.enum(tagTypes),
  kind: z.enum(['static', 'dynamic', 'computed']),
  builtin: z.boolean(),
  version: z.number(),
  description: z.string(),
  description_zh: z.string().optional(),
  /** `daily`: every refresh computes it; `on_demand`: computed when someone asks (see `onDemandRunSchema`). */
  refresh: z.enum(['daily', 'on_demand']),
  /** Share of customers with a value in the latest snapshot; null before the first one. */
  coverage: z.number().nullable(),
});

/**
 * The last computation of an on-demand tag: every refresh carries these values into the profile unchanged
 * until it is computed again, so they describe `asOf`, not the profile's date. Editing what the tag computes
 * (its type, spec, values or bands) discards them.
 */
export const onDemandRunSchema = z.object({
  version: z.number(),
  asOf: z.string(),
  computedAt: z.string(),
  computedBy: z.string().nullable(),
  /** Customers given a value (not empty). */
  customers: z.number(),
  ms: z.number(),
});
export type OnDemandRun = z.infer<typeof onDemandRunSchema>;

const trendPointSchema = z.object({
  snapshotId: z.string(),
  asOf: z.string(),
  coverage: z.number(),
  mean: z.number().nullable(),
  distribution: distributionSchema,
});

const snapshotSchema = z.object({ snapshotId: z.string(), asOf: z.string(), createdAt: z.string(), table: z.string(), customers: z.number() });

export const driftSchema = z.object({
  tag: z.string(),
  from: snapshotSchema,
  to: snapshotSchema,
  psi: z.number(),
  band: z.enum(['stable', 'moderate', 'major']),
  bins: z.array(z.object({ label: z.string(), expected: z.number(), actual: z.number() })),
});

/** A saved definition that reads a tag directly: a tag computed from it, a segment whose rule names it. */
export const tagReaderSchema = z.object({
  /** `tag` or `segment` (later journeys and offers). */
  kind: z.string(),
  id: z.string(),
  name: z.string(),
  nameZh: z.string().optional(),
});
export type TagReader = z.infer<typeof tagReaderSchema>;

export const tagDetailSchema = z.object({
  definition: tagDefinitionSchema,
  builtin: z.boolean(),
  trend: z.array(trendPointSchema),
  drift: driftSchema.nullable(),
  /**
   * The newest snapshot's date, whether or not it holds this tag: a tag created since has no statistics
   * yet, and the console says so rather than showing an empty figure as if the tag covered nobody.
   */
  latestSnapshotAsOf: z.string().nullable(),
  /** On-demand tags: their last computation; null for daily tags and before the first. */
  onDemand: onDemandRunSchema.nullable(),
  /** What reads this tag directly, so an edit's reach is known before it is made. */
  readers: z.array(tagReaderSchema),
});

export const previewSchema = z.object({
  tag: z.string(),
  asOf: z.string(),
  customers: z.number(),
  coverage: z.number(),
  mean: z.number().nullable(),
  distribution: distributionSchema,
  sample: z.array(z.object({ customer_id: z.string(), value: z.unknown() })),
});

export const listTagsEndpoint = endpoint({
  method: 'GET', path: '/api/tags', summary: 'The tag catalogue with coverage', tags: ['tags'], roles: [...readers],
  query: z.object({ dimension: z.enum(tagDimensions).optional() }),
  response: z.object({ asOf: z.string().nullable(), tags: z.array(tagSummarySchema) }),
});

export const getTagEndpoint = endpoint({
  method: 'GET', path: '/api/tags/:code', summary: 'One tag: definition, trend across snapshots and drift', tags: ['tags'], roles: [...readers],
  params: codeParams, response: tagDetailSchema,
});

export const tagDriftEndpoint = endpoint({
  method: 'GET', path: '/api/tags/:code/drift', summary: 'Population stability index of a tag between two snapshots', tags: ['tags'],
  roles: [...readers], params: codeParams, query: z.object({ from: z.string().optional(), to: z.string().optional() }), response: driftSchema,
});

export const validateTagEndpoint = endpoint({
  method: 'POST', path: '/api/tags/validate', summary: 'Validate a tag definition without saving it', tags: ['tags'], roles: [...editors],
  body: definitionBody, response: z.object({ valid: z.boolean(), issues: z.array(validationIssueSchema) }),
});

export const previewTagEndpoint = endpoint({
  method: 'POST', path: '/api/tags/preview', summary: "A definition's distribution over the current data, without saving", tags: ['tags'],
  roles: [...editors], body: definitionBody, response: previewSchema,
});

export const createTagEndpoint = endpoint({
  method: 'POST', path: '/api/tags', summary: 'Create a custom tag (validated; nothing saved on error)', tags: ['tags'], roles: [...editors],
  body: definitionBody, response: tagDefinitionSchema,
});

export const updateTagEndpoint = endpoint({
  method: 'PUT', path: '/api/tags/:code', summary: 'Update a custom tag (a new version)', tags: ['tags'], roles: [...editors],
  // `baseVersion`: the version the editor loaded; a save over a newer one is refused (two people editing).
  params: codeParams, body: z.object({ baseVersion: z.number().int().min(1).optional() }).catchall(z.unknown()), response: tagDefinitionSchema,
});

export const deleteTagEndpoint = endpoint({
  method: 'DELETE', path: '/api/tags/:code', summary: 'Delete a custom tag no other tag reads', tags: ['tags'], roles: [...editors],
  params: codeParams, response: z.object({ ok: z.literal(true) }),
});

const isoDayPattern = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z.string().regex(isoDayPattern, patternMessage(isoDayPattern, 'a date as YYYY-MM-DD', '日期格式为 YYYY-MM-DD'));

/**
 * The profile as it was on a date: the latest snapshot on or before it, for some customers or the first
 * `limit` (point-in-time reads for training models without the future). Audited: it reads many customers.
 */
export const profileAsOfEndpoint = endpoint({
  method: 'GET', path: '/api/tags/history/as-of', summary: 'The profile as it was on a date (the latest snapshot on or before it)', tags: ['tags'],
  roles: ['admin', 'analyst'],
  query: z.object({
    date: isoDay,
    customer: z.union([z.string().min(1).max(64), z.array(z.string().min(1).max(64)).max(500)]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ snapshot: snapshotSchema, rows: z.array(z.record(z.string(), z.unknown())) }),
});

export const retentionSchema = z.object({
  keep: z.number().int().min(1).max(1000),
  maxAgeDays: z.number().int().min(1).max(3650).optional(),
});

export const getRetentionEndpoint = endpoint({
  method: 'GET', path: '/api/tags/history/retention', summary: 'How many profile snapshots are kept, and for how long', tags: ['tags'],
  roles: [...readers], response: retentionSchema,
});

// Dropping history is irreversible (models trained on it can no longer be reproduced): administrators only.
export const setRetentionEndpoint = endpoint({
  method: 'PUT', path: '/api/tags/history/retention', summary: 'Set the snapshot retention; snapshots beyond it are dropped now', tags: ['tags'],
  roles: ['admin'], body: retentionSchema, response: z.object({ retention: retentionSchema, dropped: z.array(z.string()) }),
});
