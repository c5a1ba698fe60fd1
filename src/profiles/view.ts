import { fail, type AuditWriter, type AuthenticatedUser } from '../core';
import type { Database } from '../db';
import { authorizeUnmask } from '../security';
import type { CustomerView } from './schema';
import { findCustomer, portfolioAsOf, type CustomerRow } from './customer-store';
import { accountsSection } from './sections/accounts';
import { consentsSection, bureauSection } from './sections/consents';
import { interactionsSection, messagesSection } from './sections/contacts';
import { sectionContext } from './sections/context';
import { modelsSection, segmentsSection } from './sections/insights';
import { customerProfile } from './sections/profile';
import { spendingSection, transactionsSection } from './sections/spending';
import { statementsSection } from './sections/statements';
import { tagsSection } from './sections/tags';

/** The personal fields an unmasked view shows, as written to the audit entry. */
export const unmaskedFields = ['name', 'phone', 'email', 'id_hash', 'service_interactions.text'] as const;

export async function requireCustomer(db: Database, customerId: string): Promise<CustomerRow> {
  const customer = await findCustomer(db, customerId);
  return customer ?? fail('not_found', `找不到客户 ${customerId}`, `customer ${customerId} not found`, { customerId });
}

export interface ViewRequest {
  readonly customerId: string;
  /** Present when the caller asked to unmask; checked and audited before anything is read. */
  readonly unmask?: { readonly user: AuthenticatedUser; readonly audit: AuditWriter; readonly reason: string };
}

/**
 * One customer's 360° view. Each section comes from its own small provider, run concurrently over the
 * connection pool; every read is a point read by customer or account id.
 */
export async function customerView(db: Database, request: ViewRequest): Promise<CustomerView> {
  const [customer, asOf] = await Promise.all([requireCustomer(db, request.customerId), portfolioAsOf(db)]);
  if (request.unmask) {
    const { user, audit, reason } = request.unmask;
    await authorizeUnmask(user, audit, customer.customer_id, reason, unmaskedFields);
  }
  const ctx = sectionContext(db, customer, asOf, request.unmask !== undefined);
  const [accounts, statements, spending, transactions, interactions, messages, consents, bureau, tags, segments, models] =
    await Promise.all([
      accountsSection(ctx),
      statementsSection(ctx),
      spendingSection(ctx),
      transactionsSection(ctx),
      interactionsSection(ctx),
      messagesSection(ctx),
      consentsSection(ctx),
      bureauSection(ctx),
      tagsSection(ctx),
      segmentsSection(ctx),
      modelsSection(ctx),
    ]);
  return {
    customerId: customer.customer_id,
    asOf,
    profile: customerProfile(customer, asOf, ctx.unmasked),
    accounts,
    statements,
    spending,
    transactions,
    interactions,
    messages,
    consents,
    bureau,
    tags,
    segments,
    models,
  };
}
