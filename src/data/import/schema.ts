// Browser-safe: import records, rejected rows, the mapping file format and the data page's import endpoints.
import { z } from 'zod';
import { endpoint, type Role } from '../../core/schema';
import { qualityReportSchema } from '../quality/schema';

/** Reading the data page is for the people who run and analyse the data; agents and auditors have other views. */
export const dataReadRoles: readonly Role[] = ['admin', 'operator', 'analyst'];
/** Changing state (running a quality check) is for those who operate the platform. */
export const dataWriteRoles: readonly Role[] = ['admin', 'operator'];

export const importFormats = ['csv', 'parquet', 'jsonl'] as const;
export const importFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/**
 * Why a row was rejected, as a closed vocabulary the console can group and label (the machine code);
 * `reason` carries the human sentence in both languages. `malformed` is a CSV record the reader could not
 * split into the header's columns.
 */
export const rejectRules = [
  'required',
  'type',
  'date',
  'enum',
  'range',
  'pattern',
  'reference',
  'duplicate',
  'conflict',
  'malformed',
] as const;
export const rejectRuleSchema = z.enum(rejectRules);
export type RejectRule = z.infer<typeof rejectRuleSchema>;

/**
 * The optional mapping file (`--mapping MAP.json`): which file column feeds each contract column, constant
 * defaults for columns the file lacks or leaves empty, and how to read the file.
 */
export const importMappingSchema = z
  .object({
    /** contract column → file column. Unmapped contract columns are read from the file column of the same name. */
    columns: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** contract column → value used when the file has no such column or the cell is empty. */
    defaults: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).default({}),
    /** CSV field separator; ',' unless said otherwise (the reader does not guess it, see README). */
    delimiter: z.string().min(1).max(2).optional(),
    /** CSV quote character, '"' unless said otherwise. */
    quote: z.string().length(1).optional(),
    /** Decimal separator of amounts and numbers: ',' for files written with European or Czech settings. */
    decimalSeparator: z.enum(['.', ',']).optional(),
    /** strptime format of date columns, e.g. '%d/%m/%Y'; ISO 8601 (YYYY-MM-DD) when absent. */
    dateFormat: z.string().min(2).optional(),
    /** strptime format of timestamp columns, e.g. '%d/%m/%Y %H:%M'; ISO 8601 when absent. */
    timestampFormat: z.string().min(2).optional(),
  })
  .strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importStatuses = ['completed'] as const;

export const importSummarySchema = z.object({
  id: z.string(),
  table: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileBytes: z.number().int(),
  format: z.string(),
  /** 'file' for `cardwise import`, 'berka' for the Berka importer. */
  source: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  rowsRead: z.number().int(),
  rowsImported: z.number().int(),
  rowsUnchanged: z.number().int(),
  rowsRejected: z.number().int(),
  /** Failed imports write nothing, so every recorded import completed (see src/data/import/README.md). */
  status: z.enum(importStatuses),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importRejectSchema = z.object({
  rowNumber: z.number().int(),
  /** Contract column (or comma-separated key columns); null for a malformed record. */
  field: z.string().nullable(),
  rule: rejectRuleSchema,
  /** The sentence for people, in both languages: the console shows its own, the CLI the English one. */
  reason: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  /** The raw value as it stood in the file, cut to 200 characters; masked for personal information. */
  value: z.string().nullable(),
});
export type ImportReject = z.infer<typeof importRejectSchema>;

const page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const listImportsEndpoint = endpoint({
  method: 'GET',
  path: '/api/data/imports',
  summary: 'Imports, newest first, optionally for one table',
  tags: ['data'],
  roles: dataReadRoles,
  query: page.extend({ table: z.string().optional() }),
  response: z.object({ items: z.array(importSummarySchema), total: z.number().int() }),
});

export const getImportEndpoint = endpoint({
  method: 'GET',
  path: '/api/data/imports/:id',
  summary: 'One import with a page of its rejected rows (ordered by row number)',
  tags: ['data'],
  roles: dataReadRoles,
  params: z.object({ id: z.string().regex(/^imp_[0-9a-z]{16}$/) }),
  query: page.extend({ rule: rejectRuleSchema.optional() }),
  response: z.object({
    import: importSummarySchema,
    rejects: z.object({ items: z.array(importRejectSchema), total: z.number().int() }),
    /** Rejected rows per rule and field, for the page's summary chart. */
    rejectCounts: z.array(z.object({ rule: rejectRuleSchema, field: z.string().nullable(), rows: z.number().int() })),
    /** The quality figures of the import's own file; null for imports recorded before reports existed. */
    quality: qualityReportSchema.nullable(),
  }),
});
