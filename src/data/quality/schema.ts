// Browser-safe: the data-quality report and the data page's quality endpoints.
import { z } from 'zod';
import { endpoint, type Role } from '../../core/schema';

const readRoles: readonly Role[] = ['admin', 'operator', 'analyst'];
const writeRoles: readonly Role[] = ['admin', 'operator'];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A share between 0 and 1; 1 when there was nothing to measure (no rows, no values). */
const share = z.number().min(0).max(1);

export const qualityScopes = ['table', 'import'] as const;

export const qualityReportSchema = z.object({
  id: z.string(),
  /** 'table': the table's contents when measured; 'import': the rows of one import's file. */
  scope: z.enum(qualityScopes),
  table: z.string(),
  importId: z.string().nullable(),
  asOf: day,
  createdAt: z.string(),
  rows: z.number().int(),
  /** 0–100: the mean of the completeness, validity, uniqueness and integrity scores (see README). */
  score: z.number(),
  dimensions: z.object({
    completeness: share,
    validity: share,
    uniqueness: share,
    integrity: share,
  }),
  completeness: z.array(
    z.object({ column: z.string(), required: z.boolean(), nonNull: z.number().int(), share }),
  ),
  /** Columns with a type, enum, range or pattern rule: non-null values that pass them. */
  validity: z.array(
    z.object({ column: z.string(), checked: z.number().int(), valid: z.number().int(), share }),
  ),
  uniqueness: z.object({
    key: z.array(z.string()),
    rows: z.number().int(),
    duplicateRows: z.number().int(),
    share,
  }),
  integrity: z.array(
    z.object({ column: z.string(), references: z.string(), checked: z.number().int(), orphans: z.number().int(), share }),
  ),
  /** Null for tables without a freshness column (e.g. products). */
  freshness: z
    .object({ column: z.string(), latest: day.nullable(), lagDays: z.number().int().nullable() })
    .nullable(),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;

export const latestQualityEndpoint = endpoint({
  method: 'GET',
  path: '/api/data/quality',
  summary: 'The latest table-level quality report of each contract table that has one',
  tags: ['data'],
  roles: readRoles,
  response: z.object({ items: z.array(qualityReportSchema) }),
});

export const runQualityEndpoint = endpoint({
  method: 'POST',
  path: '/api/data/quality/run',
  summary: 'Measure data quality now (one table or every contract table) and store the reports',
  tags: ['data'],
  roles: writeRoles,
  body: z.object({ table: z.string().optional(), asOf: day.optional() }).default({}),
  response: z.object({ items: z.array(qualityReportSchema) }),
});
