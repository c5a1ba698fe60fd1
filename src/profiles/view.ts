import { fail, type AuditWriter, type AuthenticatedUser } from '../core';
import type { Database } from '../db';
import { authorizeUnmask } from '../security';
import type { CustomerView } from './schema';
import { customerExists, findCustomer, portfolioAsOfPrepared, type CustomerRow } from './customer-store';
import { accountsSection } from './sections/accounts';
import { sectionContext, type SectionContext } from './sections/context';
import { modelsSection, segmentsSection } from './sections/insights';
import { customerProfile } from './sections/profile';
import { spendingSection, transactionsSection } from './sections/spending';
import { statementsSection } from './sections/statements';
import { tagValuesSection } from './sections/tags';

/** The personal fields each unmasked answer shows, as written to its audit entry. */
export const unmaskedFields = {
  profile: ['name', 'phone', 'email', 'id_hash'],
  interactions: ['service_interactions.text'],
} as const;

function notFound(customerId: string): never {
  return fail('not_found', `找不到客户 ${customerId}`, `customer ${customerId} not found`, { customerId });
}

export async function requireCustomer(db: Database, customerId: string): Promise<CustomerRow> {
  return (await findCustomer(db, customerId)) ?? notFound(customerId);
}

export interface ViewRequest {
  readonly customerId: string;
  /** Present when the caller asked to unmask; checked and audited before anything is read. */
  readonly unmask?: { readonly user: AuthenticatedUser; readonly audit: AuditWriter; readonly reason: string };
}

/** On an unmask request, the one gate for personal information (role, reason, `unmask` entry) before any read. */
async function gate(request: ViewRequest, fields: readonly string[]): Promise<boolean> {
  if (!request.unmask) return false;
  const { user, audit, reason } = request.unmask;
  await authorizeUnmask(user, audit, request.customerId, reason, fields);
  return true;
}

/**
 * The 360° summary. Each section comes from its own small provider; they start together with the
 * customer's own row (not after it) and run concurrently over the connection pool, every read a point read
 * by customer id. Nothing leaves before the customer is known to exist and, on an unmask request, before
 * the audited gate has passed: sections read meanwhile are simply dropped on a 404 or 403.
 */
export async function customerView(db: Database, request: ViewRequest): Promise<CustomerView> {
  const pendingCustomer = findCustomer(db, request.customerId);
  const asOf = await portfolioAsOfPrepared(db);
  const ctx = sectionContext(db, request.customerId, asOf, false);
  const pendingSections = Promise.all([
    accountsSection(ctx),
    statementsSection(ctx),
    spendingSection(ctx),
    transactionsSection(ctx),
    tagValuesSection(ctx),
    segmentsSection(ctx),
    modelsSection(ctx),
  ]);
  // Settled either way, so a 404 or 403 below leaves no rejection unobserved.
  pendingSections.catch(() => undefined);
  const customer = (await pendingCustomer) ?? notFound(request.customerId);
  const unmasked = await gate(request, unmaskedFields.profile);
  const [accounts, statements, spending, transactions, tags, segments, models] = await pendingSections;
  return {
    customerId: customer.customer_id,
    asOf,
    profile: customerProfile(customer, asOf, unmasked),
    accounts,
    statements,
    spending,
    transactions,
    tags,
    segments,
    models,
  };
}

/** One section of the view through its own endpoint: the same 404 and unmask gate as the summary. */
export async function customerSection<T>(
  db: Database,
  request: ViewRequest,
  provider: (ctx: SectionContext) => Promise<T>,
  fields: readonly string[] = [],
): Promise<T> {
  const { exists, asOf } = await customerExists(db, request.customerId);
  if (!exists) notFound(request.customerId);
  const unmasked = await gate(request, fields);
  return provider(sectionContext(db, request.customerId, asOf, unmasked));
}
