import type { Database } from '../db';

export interface StatementRow {
  readonly account_id: string;
  readonly period: string;
  readonly statement_date: string;
  readonly due_date: string;
  readonly balance: number | null;
  readonly min_due: number | null;
  readonly paid_amount: number | null;
  readonly paid_at: string | null;
  readonly overdue_days: number | null;
  readonly interest: number | null;
  readonly fees: number | null;
  readonly revolving: boolean | null;
}

/**
 * The latest `limit` statements of the customer's accounts, newest first. The semi-join lets DuckDB push
 * the customer's account ids into the statements scan as a dynamic filter, so only the row groups holding
 * those accounts are read (statements are written clustered by account).
 */
export async function latestStatements(db: Database, customerId: string, limit: number): Promise<StatementRow[]> {
  return db.all<StatementRow>(
    `WITH s AS MATERIALIZED (
       SELECT * FROM statements WHERE account_id IN (SELECT account_id FROM accounts WHERE customer_id = $id)
     )
     SELECT account_id, period, statement_date, due_date, balance::DOUBLE AS balance, min_due::DOUBLE AS min_due,
       paid_amount::DOUBLE AS paid_amount, paid_at, overdue_days, interest::DOUBLE AS interest, fees::DOUBLE AS fees, revolving
     FROM s ORDER BY statement_date DESC, account_id LIMIT $limit`,
    { id: customerId, limit },
  );
}
