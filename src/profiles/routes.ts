import { route, type AuditWriter, type AuthenticatedUser } from '../core';
import { canSeePii } from '../security';
import {
  customerBureauEndpoint,
  customerConsentsEndpoint,
  customerInteractionsEndpoint,
  customerMessagesEndpoint,
  customerSearchEndpoint,
  customerTagsEndpoint,
  customerTransactionsEndpoint,
  customerViewEndpoint,
  tagExplainEndpoint,
} from './schema';
import { searchCustomers } from './search';
import { bureauSection, consentsSection } from './sections/consents';
import { interactionsSection, messagesSection } from './sections/contacts';
import { tagsSection } from './sections/tags';
import { customerTransactions } from './transactions';
import { explainCustomerTag } from './explain';
import { customerSection, customerView, unmaskedFields, type ViewRequest } from './view';

interface Caller {
  readonly params: { readonly id: string };
  readonly user: AuthenticatedUser;
  readonly audit: AuditWriter;
}

/** The request for a customer, with the unmask gate's inputs when `?unmask=true` was asked for. */
function viewRequest({ params, user, audit }: Caller, query?: { unmask: 'true' | 'false'; reason?: string | undefined }): ViewRequest {
  return {
    customerId: params.id,
    ...(query?.unmask === 'true' ? { unmask: { user, audit, reason: query.reason ?? '' } } : {}),
  };
}

/** The 360° view's HTTP edge: parse, call, return. Masking and the unmask audit live in view.ts and search.ts. */
export const profileRoutes = [
  route(customerSearchEndpoint, ({ db, query, user, audit }) =>
    searchCustomers(db, query, {
      mayUsePii: canSeePii(user.role),
      who: { 'zh-CN': `角色 ${user.role}`, 'en-US': `role ${user.role}` },
      audit,
    }),
  ),
  route(customerViewEndpoint, (ctx) => customerView(ctx.db, viewRequest(ctx, ctx.query))),
  route(customerInteractionsEndpoint, (ctx) =>
    customerSection(ctx.db, viewRequest(ctx, ctx.query), interactionsSection, unmaskedFields.interactions),
  ),
  route(customerMessagesEndpoint, (ctx) => customerSection(ctx.db, viewRequest(ctx), messagesSection)),
  route(customerConsentsEndpoint, (ctx) => customerSection(ctx.db, viewRequest(ctx), consentsSection)),
  route(customerBureauEndpoint, (ctx) => customerSection(ctx.db, viewRequest(ctx), bureauSection)),
  route(customerTagsEndpoint, (ctx) => customerSection(ctx.db, viewRequest(ctx), tagsSection)),
  route(customerTransactionsEndpoint, ({ db, params, query }) => customerTransactions(db, params.id, query)),
  route(tagExplainEndpoint, ({ db, params }) => explainCustomerTag(db, params.id, params.code)),
];
