// Browser-safe surface of the segments capability: definition types and the HTTP endpoints.
import { z } from 'zod';
import { endpoint, type Role } from '../core/schema';
import {
  builtinFamilies,
  countResultSchema,
  overlapResultSchema,
  ruleCheckSchema,
  ruleTextSchema,
  segmentEventKinds,
  segmentEventSchema,
  segmentIdSchema,
  segmentInputSchema,
  listedSegmentSchema,
  segmentKinds,
  segmentSchema,
  segmentVersionSchema,
  snapshotIdSchema,
  snapshotSchema,
} from './definition-schema';
import { personaRunSchema } from './persona-schema';

export * from './definition-schema';
export * from './persona-schema';

/** Definitions, sizes and history carry no personal data: every role may read them (agents see a caller's segments). */
export const segmentReadRoles: readonly Role[] = ['admin', 'operator', 'analyst', 'agent', 'auditor'];
/** Building segments, counting, comparing, snapshotting and reading who entered: the people who run campaigns. */
export const segmentWriteRoles: readonly Role[] = ['admin', 'operator', 'analyst'];
/** A member list leaves the platform (masked, audited): the same people, never agents or auditors. */
export const segmentExportRoles: readonly Role[] = ['admin', 'operator', 'analyst'];

const tags = ['segments'];
const idParams = z.object({ id: segmentIdSchema });

export const listSegmentsEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments',
  summary: 'List segments (rule and built-in) with their current sizes / 分群列表（含当前人数）',
  tags,
  roles: segmentReadRoles,
  query: z.object({ kind: z.enum(segmentKinds).optional(), family: z.enum(builtinFamilies).optional() }),
  response: z.object({ items: z.array(listedSegmentSchema), total: z.number().int() }),
});

export const getSegmentEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/:id',
  summary: 'One segment / 分群详情',
  tags,
  roles: segmentReadRoles,
  params: idParams,
  response: segmentSchema,
});

export const segmentVersionsEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/:id/versions',
  summary: 'Every saved version of a segment, newest first / 分群历史版本',
  tags,
  roles: segmentReadRoles,
  params: idParams,
  response: z.object({ items: z.array(segmentVersionSchema) }),
});

export const createSegmentEndpoint = endpoint({
  method: 'POST',
  path: '/api/segments',
  summary: 'Create a rule segment; the rule is checked first and nothing is saved on error / 新建分群',
  tags,
  roles: segmentWriteRoles,
  body: segmentInputSchema,
  response: segmentSchema,
});

export const updateSegmentEndpoint = endpoint({
  method: 'PUT',
  path: '/api/segments/:id',
  summary: 'Save a new version of a rule segment / 修改分群',
  tags,
  roles: segmentWriteRoles,
  params: idParams,
  body: segmentInputSchema.extend({ baseVersion: z.number().int().min(1).optional() }),
  response: segmentSchema,
});

export const deleteSegmentEndpoint = endpoint({
  method: 'DELETE',
  path: '/api/segments/:id',
  summary: 'Delete a rule segment (its history stays) / 删除分群',
  tags,
  roles: segmentWriteRoles,
  params: idParams,
  response: z.object({ deleted: z.literal(true) }),
});

export const validateRuleEndpoint = endpoint({
  method: 'POST',
  path: '/api/segments/validate',
  summary: 'Check a rule as it is typed: position, reason and suggestion when it is refused / 校验规则',
  tags,
  roles: segmentWriteRoles,
  body: z.object({ rule: z.string().max(4000) }),
  response: ruleCheckSchema,
});

export const countRuleEndpoint = endpoint({
  method: 'POST',
  path: '/api/segments/count',
  summary: 'Live count of a rule over the current profile / 实时人数',
  tags,
  roles: segmentWriteRoles,
  body: z.object({ rule: ruleTextSchema }),
  response: countResultSchema,
});

export const overlapEndpoint = endpoint({
  method: 'POST',
  path: '/api/segments/overlap',
  summary: 'Pairwise overlap (intersection, Jaccard) of 2 to 10 segments / 分群重叠',
  tags,
  roles: segmentWriteRoles,
  body: z.object({ ids: z.array(segmentIdSchema).min(2).max(10) }),
  response: overlapResultSchema,
});

export const takeSnapshotEndpoint = endpoint({
  method: 'POST',
  path: '/api/segments/:id/snapshots',
  summary: 'Snapshot membership now and record who entered and exited / 生成成员快照',
  tags,
  roles: segmentWriteRoles,
  params: idParams,
  response: snapshotSchema,
});

export const listSnapshotsEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/:id/snapshots',
  summary: 'Snapshot history of a segment, newest first / 快照历史',
  tags,
  roles: segmentReadRoles,
  params: idParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  response: z.object({ items: z.array(snapshotSchema) }),
});

export const segmentEventsEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/:id/events',
  summary: 'Customers who entered or exited at a snapshot (default: the latest) / 进出事件',
  tags,
  roles: segmentWriteRoles,
  params: idParams,
  query: z.object({
    snapshotId: snapshotIdSchema.optional(),
    event: z.enum(segmentEventKinds).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
  response: z.object({ snapshot: snapshotSchema.nullable(), items: z.array(segmentEventSchema), total: z.number().int() }),
});

export const exportSegmentEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/:id/export',
  summary: 'Current members as CSV (personal fields masked; every export audited) / 导出成员',
  tags,
  roles: segmentExportRoles,
  params: idParams,
  // A text/csv stream: Fastify sends streams as they are, so no JSON schema describes this body.
  response: z.unknown().describe('text/csv; charset=utf-8'),
});

export const personasEndpoint = endpoint({
  method: 'GET',
  path: '/api/segments/personas',
  summary: 'Behaviour personas of the latest clustering, with cluster profiles / 行为画像',
  tags,
  roles: segmentReadRoles,
  response: z.object({ run: personaRunSchema.nullable() }),
});
