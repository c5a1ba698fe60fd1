// Browser-safe: customer search results. Always masked, whatever the role: search finds a customer, the 360°
// view (with an audited unmask for agents and admins) shows them.
import { z } from 'zod';

export const searchKinds = ['id', 'phone_mask', 'phone_full', 'name', 'invalid'] as const;
export const searchKindSchema = z.enum(searchKinds);
export type SearchKind = z.infer<typeof searchKindSchema>;

export const customerSearchQuerySchema = z.object({
  /** A customer id (exact or prefix), a masked phone `138****5678`, a full phone, or a name (agents, admins). */
  q: z.string().trim().min(1).max(64),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CustomerSearchQuery = z.infer<typeof customerSearchQuerySchema>;

export const customerSearchHitSchema = z.object({
  customerId: z.string(),
  /** Masked (王**). */
  name: z.string().nullable(),
  /** Masked (+86 138****5678). */
  phone: z.string().nullable(),
  gender: z.string().nullable(),
  /** Birth year only: enough to tell two namesakes apart, not a date of birth. */
  birthYear: z.number().int().nullable(),
  city: z.string().nullable(),
  customerSince: z.string(),
});
export type CustomerSearchHit = z.infer<typeof customerSearchHitSchema>;

export const customerSearchResultSchema = z.object({
  /** How the query was read; the query itself is never echoed (it may be a full phone number). */
  matchedBy: searchKindSchema,
  items: z.array(customerSearchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CustomerSearchResult = z.infer<typeof customerSearchResultSchema>;
