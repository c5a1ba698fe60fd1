import type { Database } from '../db';
import type { TransactionPage } from './schema';
import { transactionView } from './sections/spending';
import { transactionPage } from './timeline-store';
import { requireCustomer } from './view';

export interface TimelineQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly category?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/** A page of the customer's timeline; an unknown customer is a 404, not an empty page. */
export async function customerTransactions(db: Database, customerId: string, query: TimelineQuery): Promise<TransactionPage> {
  await requireCustomer(db, customerId);
  const page = await transactionPage(
    db,
    customerId,
    { category: query.category, from: query.from, to: query.to },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: page.rows.map(transactionView), total: page.total, page: query.page, pageSize: query.pageSize };
}
