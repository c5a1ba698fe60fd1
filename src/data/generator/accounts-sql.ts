import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { S, u } from './random-sql';
import { dateLiteral } from './sql-values';

// Writes the customer-level contract tables (customers, products, accounts) from gen_people and gen_cust,
// and keeps gen_acct: the accounts with the parameters the statement plan needs.

export async function writeCustomers(tx: Queryable): Promise<void> {
  await tx.run(`INSERT INTO customers
    SELECT customer_id, name, gender, birth_date, phone, email, id_hash, city, tier, occupation, income_band, education,
           marital_status, acquisition_channel, customer_since
    FROM gen_people ORDER BY i`);
  await tx.run(`INSERT INTO products
    SELECT product_code, name_zh, name_en, tier, cobrand, annual_fee FROM gen_product ORDER BY product_code`);
}

export async function writeAccounts(tx: Queryable, params: GenerateParams): Promise<void> {
  const asOf = dateLiteral(params.asOf);
  const start = dateLiteral(params.start);
  // Card 1 opens the day the customer joined; card 2 later. A churner closes every card on the churn date;
  // the statuses that depend on behaviour (dormant, collections) are set once statements exist.
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_acct AS
    SELECT c.i, k.card, c.i * 2 + k.card AS acct_no,
      'A' || lpad(c.i::VARCHAR, 8, '0') || k.card::VARCHAR AS account_id,
      c.customer_id,
      CASE k.card WHEN 1 THEN c.product1 ELSE c.product2 END AS product_code,
      CASE k.card WHEN 1 THEN c.limit1 ELSE c.limit2 END AS credit_limit,
      CASE k.card WHEN 1 THEN c.customer_since ELSE c.open2 END AS opened_at,
      CASE WHEN c.churned THEN c.churn_date END AS closed_at,
      CASE k.card WHEN 1 THEN c.sday1 ELSE c.sday2 END AS statement_day,
      c.autopay, c.cust_full_pay AS full_pay, c.severe, c.severe_m, c.risk_p, c.revolver,
      -- Revolvers who held the card before the window already carry a balance into it.
      CASE WHEN c.revolver AND opened_at < ${start}
        THEN round(credit_limit * (0.1 + 0.4 * ${u(S.initialCarry, 'c.i * 2 + k.card')}), 2) ELSE 0 END AS initial_carry,
      ${u(S.frozen, 'c.i * 2 + k.card')} < 0.002 AS frozen
    FROM gen_cust c JOIN (VALUES (1), (2)) k(card) ON k.card = 1 OR c.has2
    WHERE opened_at <= ${asOf}
    ORDER BY c.i, k.card`);
  await tx.run(`INSERT INTO accounts
    SELECT account_id, customer_id, product_code, credit_limit, opened_at, closed_at,
      CASE WHEN closed_at IS NOT NULL THEN 'closed' ELSE 'active' END, statement_day, autopay
    FROM gen_acct ORDER BY i, card`);
}

/**
 * Statuses that follow from behaviour: collections at 90+ days past due at the as-of date, frozen for a few
 * (suspected fraud), dormant when a card has had no transaction in the last six months.
 */
export async function settleAccountStatus(tx: Queryable, params: GenerateParams): Promise<void> {
  const asOf = dateLiteral(params.asOf);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_status AS
    SELECT a.account_id,
      CASE WHEN a.closed_at IS NOT NULL THEN 'closed'
        WHEN coalesce(d.worst, 0) >= 90 THEN 'collections'
        WHEN a.frozen THEN 'frozen'
        WHEN coalesce(l.last_cycle_date, a.opened_at) < ${asOf} - 180 AND a.opened_at < ${asOf} - 180 THEN 'dormant'
        ELSE 'active' END AS status
    FROM gen_acct a
    LEFT JOIN (SELECT account_id, max(overdue_days) FILTER (WHERE paid_amount IS NULL OR paid_amount = 0) AS worst
               FROM gen_statements WHERE due_date < ${asOf} GROUP BY account_id) d USING (account_id)
    LEFT JOIN (SELECT account_id, max(last_d) AS last_cycle_date FROM gen_cycle WHERE txns > 0 GROUP BY account_id) l
      USING (account_id)`);
  await tx.run(`UPDATE accounts SET status = s.status FROM gen_status s
    WHERE accounts.account_id = s.account_id AND accounts.status <> s.status`);
}
