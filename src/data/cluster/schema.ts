import { z } from 'zod';
import { endpoint } from '../../core/schema';
import { dataReadRoles } from '../import/schema';

/**
 * How one contract table's rows lie for per-customer reads: when it was last clustered, how, and how many rows
 * were loaded after that point (kept in load order until the next clustering).
 */
export const tableLayoutSchema = z.object({
  table: z.string(),
  rows: z.number(),
  /** The latest freshness value the clustered part reaches, as stored (UTC); null when never clustered. */
  clusteredThrough: z.string().nullable(),
  /** `generated` (laid out by the generator), `tail` or `full`; null when never clustered. */
  mode: z.string().nullable(),
  /** When it was last clustered (ISO, UTC). */
  clusteredAt: z.string().nullable(),
  /**
   * Rows after `clusteredThrough`; null when the table was never clustered (its layout is whatever its loads
   * left: each import is sorted by customer, so one load needs no clustering).
   */
  tailRows: z.number().nullable(),
});
export type TableLayout = z.infer<typeof tableLayoutSchema>;

export const listLayoutEndpoint = endpoint({
  method: 'GET',
  path: '/api/data/layout',
  summary: 'How the rows of each table with customers over time lie: clustered through when, and rows loaded since',
  tags: ['data'],
  roles: dataReadRoles,
  response: z.object({ items: z.array(tableLayoutSchema) }),
});
