import { route } from '../core';
import {
  customerSearchEndpoint,
  customerTransactionsEndpoint,
  customerViewEndpoint,
  tagExplainEndpoint,
} from './schema';
import { searchCustomers } from './search';
import { customerTransactions } from './transactions';
import { explainCustomerTag } from './explain';
import { customerView } from './view';

/** The 360° view's HTTP edge: parse, call, return. Masking and the unmask audit live in view.ts and search.ts. */
export const profileRoutes = [
  route(customerSearchEndpoint, ({ db, query, user, audit }) => searchCustomers(db, query, { user, audit })),
  route(customerViewEndpoint, ({ db, params, query, user, audit }) =>
    customerView(db, {
      customerId: params.id,
      ...(query.unmask === 'true' ? { unmask: { user, audit, reason: query.reason ?? '' } } : {}),
    }),
  ),
  route(customerTransactionsEndpoint, ({ db, params, query }) => customerTransactions(db, params.id, query)),
  route(tagExplainEndpoint, ({ db, params }) => explainCustomerTag(db, params.id, params.code)),
];
