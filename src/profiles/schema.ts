// Browser-safe surface of the profiles capability: the 360° customer view and customer search. The server
// registers these endpoints; the console's 360° page and search box call them through the typed client.
import { z } from 'zod';
import { endpoint, type Role } from '../core/schema';
import { modelsSectionSchema, segmentsSectionSchema, tagExplanationSchema, tagsSectionSchema, tagValuesSectionSchema } from './insight-schema';
import { customerSearchQuerySchema, customerSearchResultSchema } from './search-schema';
import {
  accountsSectionSchema,
  bureauSectionSchema,
  consentsSectionSchema,
  customerProfileSchema,
  day,
  interactionsSectionSchema,
  messagesSectionSchema,
  spendingSectionSchema,
  statementsSectionSchema,
  transactionPageSchema,
  transactionsSectionSchema,
} from './view-schema';

export * from './insight-schema';
export * from './search-schema';
export * from './view-schema';
export { parseSearchQuery, type SearchKey } from './search-query';

/** Everyone reads the view; personal fields are masked for all of them unless an agent or admin unmasks. */
export const profileReadRoles: readonly Role[] = ['admin', 'operator', 'analyst', 'agent', 'auditor'];
/** May ask for `?unmask=true&reason=…` (audited as `unmask`); the same rule as security's piiAccess. */
export const profileUnmaskRoles: readonly Role[] = ['agent', 'admin'];

/**
 * The 360° view's summary, what the page shows first: one request that stays fast at a card centre's
 * scale. The heavier or longer sections (interactions, messages, consents, bureau, tag history, the
 * timeline's later pages) have endpoints of their own, which the page loads per tab.
 */
export const customerViewSchema = z.object({
  customerId: z.string(),
  /** The portfolio's as-of date (latest day of transactions): every window in the view ends there. */
  asOf: day.nullable(),
  profile: customerProfileSchema,
  accounts: accountsSectionSchema,
  statements: statementsSectionSchema,
  spending: spendingSectionSchema,
  /** The timeline's first page (more through the transactions endpoint). */
  transactions: transactionsSectionSchema,
  /** Current tag values; their history (sparklines) comes from the tags endpoint. */
  tags: tagValuesSectionSchema,
  segments: segmentsSectionSchema,
  models: modelsSectionSchema,
});
export type CustomerView = z.infer<typeof customerViewSchema>;

const customerIdParam = z.string().min(1).max(64);
const customerParams = z.object({ id: customerIdParam });

export const unmaskQuerySchema = z.object({
  /** `true` (agents and admins only) shows personal information, audited as `unmask`; 403 for other roles. */
  unmask: z.enum(['true', 'false']).default('false'),
  /** Why the unmasked view is needed (at least 4 characters); written to the audit log. */
  reason: z.string().max(500).optional(),
});

export const customerSearchEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers',
  summary: 'Search customers by id (exact or prefix), masked phone (138****5678), full phone or name; results always masked',
  tags: ['customers'],
  roles: profileReadRoles,
  query: customerSearchQuerySchema,
  response: customerSearchResultSchema,
});

export const customerViewEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id',
  summary: "A customer's 360° view summary (masked; ?unmask=true&reason=… for agents and admins, audited)",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  query: unmaskQuerySchema,
  response: customerViewSchema,
});

export const customerInteractionsEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/interactions',
  summary: "A customer's service interactions (texts only on an audited unmask by an agent or admin)",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  query: unmaskQuerySchema,
  response: interactionsSectionSchema,
});

export const customerMessagesEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/messages',
  summary: 'Messages sent to a customer and their responses',
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  response: messagesSectionSchema,
});

export const customerConsentsEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/consents',
  summary: "A customer's current consents per channel and purpose, and preferred channels",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  response: consentsSectionSchema,
});

export const customerBureauEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/bureau',
  summary: "A customer's credit bureau history",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  response: bureauSectionSchema,
});

export const customerTagsEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/tags',
  summary: "A customer's tags by dimension with their values across snapshots (sparklines)",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  response: tagsSectionSchema,
});

export const customerTransactionsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  category: z.string().min(1).max(40).optional(),
  /** Shanghai days, inclusive. */
  from: day.optional(),
  to: day.optional(),
});

export const customerTransactionsEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/transactions',
  summary: "A page of a customer's transaction timeline, newest first",
  tags: ['customers'],
  roles: profileReadRoles,
  params: customerParams,
  query: customerTransactionsQuerySchema,
  response: transactionPageSchema,
});

export const tagExplainEndpoint = endpoint({
  method: 'GET',
  path: '/api/customers/:id/tags/:code/explain',
  summary: "How one of a customer's tag values was computed: the definition and its inputs",
  tags: ['customers'],
  roles: profileReadRoles,
  params: z.object({ id: customerIdParam, code: z.string().min(2).max(64) }),
  response: tagExplanationSchema,
});
