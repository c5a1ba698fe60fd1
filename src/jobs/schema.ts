// Browser-safe surface of the jobs capability: the job record and its HTTP endpoints. No Node modules here.
import { z } from 'zod';
import { endpoint } from '../core/schema';
import { onDemandRunSchema } from '../tags/schema';

/** Kinds of long work run as jobs. A kind joins by adding its name here and its starter in src/jobs. */
export const jobKinds = ['profile_refresh', 'data_cluster', 'tag_compute'] as const;
export type JobKind = (typeof jobKinds)[number];

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'interrupted'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const phaseStatuses = ['pending', 'running', 'succeeded', 'failed', 'interrupted'] as const;
export type PhaseStatus = (typeof phaseStatuses)[number];

/**
 * One phase of a job (e.g. `tags`, then `segments`), declared when the job starts. `step`, `done`, `total` and
 * `detail` are the latest progress event the phase's work reported (its own step name, e.g. `personas`).
 */
export const jobPhaseSchema = z.object({
  name: z.string(),
  status: z.enum(phaseStatuses),
  step: z.string().nullable(),
  done: z.number().nullable(),
  total: z.number().nullable(),
  detail: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobPhase = z.infer<typeof jobPhaseSchema>;

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(jobKinds),
  status: z.enum(jobStatuses),
  /** What the job was asked to do, as started (e.g. `{ incremental: false }`). */
  params: z.record(z.string(), z.unknown()),
  phases: z.array(jobPhaseSchema),
  /** A summary of what the job did, per kind (see `profileRefreshResultSchema`); null until it succeeds. */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  /** The username of whoever started it. */
  startedBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** The result of a `profile_refresh` job: the profile it produced and how long each phase took. */
export const profileRefreshResultSchema = z.object({
  asOf: z.string(),
  /** The mode the tag refresh ran in: an incremental request falls back to full when it must. */
  mode: z.enum(['full', 'incremental']),
  customers: z.number(),
  tags: z.number(),
  segmentSnapshots: z.number(),
  segmentsFailed: z.number(),
  phaseMs: z.record(z.string(), z.number()),
});
export type ProfileRefreshResult = z.infer<typeof profileRefreshResultSchema>;

/** The result of a `data_cluster` job: how many rows were re-sorted by customer, and through which time. */
export const dataClusterResultSchema = z.object({
  table: z.string(),
  mode: z.enum(['tail', 'full']),
  rows: z.number(),
  through: z.string().nullable(),
  ms: z.number(),
});
export type DataClusterResult = z.infer<typeof dataClusterResultSchema>;

/** The result of a `tag_compute` job: the on-demand tag and its computation as kept. */
export const tagComputeResultSchema = onDemandRunSchema.extend({ code: z.string() });
export type TagComputeResult = z.infer<typeof tagComputeResultSchema>;

// Consistent with the tag catalogue: those who may recompute tags start a refresh; editors may follow it.
const runners = ['admin', 'operator'] as const;
const followers = ['admin', 'operator', 'analyst'] as const;

export const startProfileRefreshEndpoint = endpoint({
  method: 'POST', path: '/api/jobs/profile-refresh', summary: 'Start a profile refresh job (tags, then segments)', tags: ['jobs'],
  roles: [...runners], body: z.object({ incremental: z.boolean().default(false) }), response: jobSchema,
});

// Whoever may edit a tag may compute an on-demand one: it fills that tag's own column, nothing else.
export const startTagComputeEndpoint = endpoint({
  method: 'POST', path: '/api/jobs/tag-compute', summary: 'Compute an on-demand tag now (its values are kept until the next computation)', tags: ['jobs'],
  roles: ['admin', 'operator', 'analyst'], body: z.object({ code: z.string().min(1).max(64) }), response: jobSchema,
});

// Re-sorting a table rewrites stored data: administrators only.
export const startDataClusterEndpoint = endpoint({
  method: 'POST', path: '/api/jobs/data-cluster', summary: 'Start re-sorting rows loaded since the last clustering by customer (all rows with full)', tags: ['jobs'],
  roles: ['admin'], body: z.object({ table: z.string().min(1).max(64).default('transactions'), full: z.boolean().default(false) }), response: jobSchema,
});

export const getJobEndpoint = endpoint({
  method: 'GET', path: '/api/jobs/:jobId', summary: 'One job with its phases and progress', tags: ['jobs'], roles: [...followers],
  params: z.object({ jobId: z.string().min(1).max(64) }), response: jobSchema,
});

/** Which recent jobs to list: of one kind, in one status, at most `limit`, newest first. */
export const jobListQuerySchema = z.object({
  kind: z.enum(jobKinds).optional(),
  status: z.enum(jobStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const listJobsEndpoint = endpoint({
  method: 'GET', path: '/api/jobs', summary: 'Recent jobs, newest first', tags: ['jobs'], roles: [...followers],
  query: jobListQuerySchema,
  response: z.object({ items: z.array(jobSchema) }),
});
