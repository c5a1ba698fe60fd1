// Browser-safe: a segment definition is data (DESIGN §5). The console's builder, the API and the CLI validate
// the same zod schema; the rule's meaning (parse, types against the tag catalogue, boolean) is checked by
// validate.ts before anything is saved.
import { z } from 'zod';
import { patternMessage } from '../core/schema';

export const segmentKinds = ['rule', 'builtin'] as const;
export type SegmentKind = (typeof segmentKinds)[number];

/** The built-in segmentations: each is a family of segments whose members partition the customers. */
export const builtinFamilies = ['rfm', 'value_tier', 'lifecycle', 'risk_grade', 'persona'] as const;
export type BuiltinFamily = (typeof builtinFamilies)[number];

export const segmentIdPattern = /^seg_[a-z0-9_]{1,60}$/;
export const snapshotIdPattern = /^snp_[a-z0-9]{16}$/;
export const segmentIdSchema = z.string().regex(segmentIdPattern, patternMessage(segmentIdPattern, 'a segment id looks like seg_…', '分群编号形如 seg_…'));
export const snapshotIdSchema = z.string().regex(snapshotIdPattern, patternMessage(snapshotIdPattern, 'a snapshot id looks like snp_…', '快照编号形如 snp_…'));

const name = z.string().trim().min(1).max(80);
/** Rule text in the expression language; never SQL. The limit keeps a pasted essay from reaching the parser. */
export const ruleTextSchema = z.string().trim().min(1).max(4000);

/** What a person writes when creating or editing a rule segment. */
export const segmentInputSchema = z
  .object({
    nameZh: name,
    nameEn: name,
    description: z.string().max(2000).default(''),
    /** The description in Chinese; optional (the console shows `description` where it is empty). */
    descriptionZh: z.string().max(2000).default(''),
    rule: ruleTextSchema,
    /** Who answers for the segment (a username or a team); defaults to the author. */
    owner: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type SegmentInput = z.input<typeof segmentInputSchema>;

const common = {
  id: segmentIdSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  /** Empty when only one description was written; versions saved before it existed read as empty. */
  descriptionZh: z.string().default(''),
  /** Canonical text of the rule (printed from its parse tree, so diffs between versions are meaningful). */
  rule: z.string(),
  owner: z.string().nullable(),
  version: z.number().int().min(1),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
};

export const ruleSegmentSchema = z.object({ kind: z.literal('rule'), ...common });
export const builtinSegmentSchema = z.object({
  kind: z.literal('builtin'),
  family: z.enum(builtinFamilies),
  /** The group inside its family, e.g. 'champions' in rfm or 'B' in risk_grade. */
  group: z.string(),
  /** Position inside the family, for display in the family's own order. */
  order: z.number().int(),
  ...common,
});
export const segmentSchema = z.discriminatedUnion('kind', [ruleSegmentSchema, builtinSegmentSchema]);
export type Segment = z.infer<typeof segmentSchema>;

/** A segment's member count now, as the segment list shows it (README: Sizes in the list). */
export const segmentSizeSchema = z.object({
  count: z.number().int(),
  /** count / customers in the profile; null when no profile can be read. */
  share: z.number().nullable(),
  /** snapshot: its latest membership snapshot still describes it; live: counted for this answer. */
  source: z.enum(['snapshot', 'live']),
  /** The profile day the count describes (windows end there). */
  asOf: z.string().nullable(),
  /** When the snapshot was taken; null for a live count. */
  takenAt: z.string().nullable(),
});
export type SegmentSize = z.infer<typeof segmentSizeSchema>;

/** A segment as listed: with its size, null when it cannot be counted (no profile, or a tag it reads is gone). */
export const listedSegmentSchema = z.intersection(segmentSchema, z.object({ size: segmentSizeSchema.nullable() }));
export type ListedSegment = z.infer<typeof listedSegmentSchema>;
export type BuiltinSegment = z.infer<typeof builtinSegmentSchema>;

export const segmentVersionSchema = z.object({
  id: segmentIdSchema,
  version: z.number().int(),
  definition: segmentSchema,
  savedAt: z.string(),
  savedBy: z.string().nullable(),
});
export type SegmentVersion = z.infer<typeof segmentVersionSchema>;

/** Why a rule was refused, positioned so the editor can underline it. */
export const ruleProblemSchema = z.object({
  message: z.string(),
  messages: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  position: z.number().int().optional(),
  end: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  suggestion: z.string().optional(),
});
export type RuleProblem = z.infer<typeof ruleProblemSchema>;

export const ruleCheckSchema = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true),
    canonical: z.string(),
    /** Tag codes the rule reads. */
    tags: z.array(z.string()),
    /** Whether the rule reads raw behaviour (windows), which counts more slowly than tags alone. */
    usesBehaviour: z.boolean(),
  }),
  z.object({ valid: z.literal(false), problem: ruleProblemSchema }),
]);
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

export const countResultSchema = z.object({
  count: z.number().int(),
  total: z.number().int(),
  /** count / total, 0 when the profile is empty. */
  share: z.number(),
  elapsedMs: z.number(),
  /** The day the profile was computed for; behaviour windows end there. */
  asOf: z.string().nullable(),
});
export type CountResult = z.infer<typeof countResultSchema>;

export const overlapResultSchema = z.object({
  total: z.number().int(),
  segments: z.array(z.object({ id: segmentIdSchema, nameZh: z.string(), nameEn: z.string(), count: z.number().int() })),
  /** Every unordered pair once, a before b in the order asked. */
  pairs: z.array(
    z.object({ a: segmentIdSchema, b: segmentIdSchema, intersection: z.number().int(), union: z.number().int(), jaccard: z.number() }),
  ),
  elapsedMs: z.number(),
});
export type OverlapResult = z.infer<typeof overlapResultSchema>;

export const snapshotSchema = z.object({
  snapshotId: snapshotIdSchema,
  segmentId: segmentIdSchema,
  takenAt: z.string(),
  asOf: z.string().nullable(),
  size: z.number().int(),
  /** The snapshot compared against; null for a segment's first snapshot (everyone in it entered). */
  previousSnapshotId: snapshotIdSchema.nullable(),
  entered: z.number().int(),
  exited: z.number().int(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const segmentEventKinds = ['entered', 'exited'] as const;
export const segmentEventSchema = z.object({
  segmentId: segmentIdSchema,
  customerId: z.string(),
  event: z.enum(segmentEventKinds),
  at: z.string(),
  snapshotId: snapshotIdSchema,
});
export type SegmentEvent = z.infer<typeof segmentEventSchema>;
