import { portfolioAsOfSql } from '../data';
import { preparedAll, preparedOne, type Database } from '../db';

// Point reads of one customer's small per-customer tables. Every predicate is `customer_id = $id`: the
// contract tables are written clustered by customer, so DuckDB skips all row groups but one or two by their
// min/max (zone maps) instead of scanning the table.

export interface CustomerRow {
  readonly customer_id: string;
  readonly name: string | null;
  readonly gender: string | null;
  readonly birth_date: string | null;
  readonly phone: string | null;
  readonly email: string | null;
  readonly id_hash: string | null;
  readonly city: string | null;
  readonly city_tier: number | null;
  readonly occupation: string | null;
  readonly income_band: string | null;
  readonly education: string | null;
  readonly marital_status: string | null;
  readonly acquisition_channel: string | null;
  readonly customer_since: string;
}

const customerColumns = `customer_id, name, gender, birth_date, phone, email, id_hash, city, city_tier, occupation, income_band,
  education, marital_status, acquisition_channel, customer_since`;

export async function findCustomer(db: Database, customerId: string): Promise<CustomerRow | undefined> {
  return preparedOne<CustomerRow>(
    db,
    `SELECT ${customerColumns} FROM customers WHERE customer_id = $id LIMIT 1`, { id: customerId });
}

/** The portfolio's as-of date (null before any transaction is loaded), as a prepared statement: the 360° view reads it on every call. */
export async function portfolioAsOfPrepared(db: Database): Promise<string | null> {
  return (await preparedOne<{ as_of: string | null }>(db, `SELECT ${portfolioAsOfSql} AS as_of`, {}))?.as_of ?? null;
}

/**
 * Whether the customer exists, and the as-of date: what a section endpoint needs. Only the id column is
 * read: in a columnar store each further column of the matching row costs about as much again.
 */
export async function customerExists(db: Database, customerId: string): Promise<{ exists: boolean; asOf: string | null }> {
  const row = await preparedOne<{ customer_id: string; portfolio_as_of: string | null }>(
    db,
    `SELECT customer_id, ${portfolioAsOfSql} AS portfolio_as_of FROM customers WHERE customer_id = $id LIMIT 1`,
    { id: customerId },
  );
  return { exists: row !== undefined, asOf: row?.portfolio_as_of ?? null };
}

export interface AccountRow {
  readonly account_id: string;
  readonly product_code: string;
  readonly name_zh: string | null;
  readonly name_en: string | null;
  readonly tier: string | null;
  readonly cobrand: string | null;
  readonly annual_fee: number | null;
  readonly credit_limit: number;
  readonly opened_at: string;
  readonly closed_at: string | null;
  readonly status: string;
  readonly statement_day: number | null;
  readonly autopay: boolean | null;
}

export async function customerAccounts(db: Database, customerId: string): Promise<AccountRow[]> {
  // MATERIALIZED: the customer's accounts first, then the join to the (small) product list.
  return preparedAll<AccountRow>(
    db,
    `WITH a AS MATERIALIZED (SELECT * FROM accounts WHERE customer_id = $id)
     SELECT a.account_id, a.product_code, p.name_zh, p.name_en, p.tier, p.cobrand, p.annual_fee::DOUBLE AS annual_fee,
       a.credit_limit::DOUBLE AS credit_limit, a.opened_at, a.closed_at, a.status, a.statement_day, a.autopay
     FROM a LEFT JOIN products p USING (product_code) ORDER BY a.opened_at, a.account_id`,
    { id: customerId },
  );
}

export interface BureauRow {
  readonly as_of: string;
  readonly score: number | null;
  readonly inquiries_6m: number | null;
  readonly external_debt: number | null;
  readonly delinquencies: number | null;
}

export async function customerBureau(db: Database, customerId: string): Promise<BureauRow[]> {
  return preparedAll<BureauRow>(
    db,
    `SELECT as_of, score, inquiries_6m, external_debt::DOUBLE AS external_debt, delinquencies FROM bureau
     WHERE customer_id = $id ORDER BY as_of`,
    { id: customerId },
  );
}

export interface ConsentRow {
  readonly channel: string;
  readonly purpose: string;
  readonly status: string;
  readonly updated_at: Date;
  readonly source: string | null;
}

/** The customer's whole consent ledger (tens of rows); the section folds it to the current state. */
export async function consentLedger(db: Database, customerId: string): Promise<ConsentRow[]> {
  return preparedAll<ConsentRow>(db, 'SELECT channel, purpose, status, updated_at, source FROM consents WHERE customer_id = $id', {
    id: customerId,
  });
}

export async function channelPreferences(
  db: Database,
  customerId: string,
): Promise<Array<{ channel: string; preference_rank: number; stated_at: string | null }>> {
  return preparedAll(
    db,
    'SELECT channel, preference_rank, stated_at FROM channel_preferences WHERE customer_id = $id ORDER BY preference_rank, channel',
    { id: customerId },
  );
}
