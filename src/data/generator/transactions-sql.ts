import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { S, slot, u, z } from './random-sql';
import { categoryIndex } from './reference-sql';
import { intLiteral } from './sql-values';

// Transactions for one batch of customers: each customer-month's count is expanded with unnest(range(n)),
// and every attribute is drawn from the transaction's sequence number. Rows keep the order of gen_cm
// (customer, then month): DuckDB preserves insertion order through scans, unnest and hash-join probes, so
// the table is clustered by customer for every later per-customer pass without a sort (measured: 3 places
// out of order in 5.4M rows, at thread boundaries).

const seq = 'x.seq';
const onlineIdx = intLiteral(categoryIndex('online_shopping'));
const travelIdx = intLiteral(categoryIndex('travel'));

// Hours of the day (Shanghai time) by meal and by persona rhythm.
const hourSql = `CASE
  WHEN x.category = 'dining' THEN CASE WHEN x.uh < 0.1 THEN 7 + floor(x.uf * 3) WHEN x.uh < 0.5 THEN 11 + floor(x.uf * 3)
    WHEN x.uh < 0.9 THEN 17 + floor(x.uf * 4) ELSE 21 + floor(x.uf * 3) END
  WHEN x.hours = 'night' THEN CASE WHEN x.uh < 0.1 THEN floor(x.uf * 2) WHEN x.uh < 0.35 THEN 9 + floor(x.uf * 6)
    WHEN x.uh < 0.55 THEN 15 + floor(x.uf * 5) ELSE 20 + floor(x.uf * 4) END
  WHEN x.hours = 'evening' THEN CASE WHEN x.uh < 0.45 THEN 9 + floor(x.uf * 9) ELSE 18 + floor(x.uf * 5) END
  WHEN x.hours = 'business' THEN CASE WHEN x.uh < 0.2 THEN 6 + floor(x.uf * 3) WHEN x.uh < 0.8 THEN 9 + floor(x.uf * 9)
    ELSE 18 + floor(x.uf * 5) END
  ELSE 8 + floor(x.uf * 14) END`;

// Overseas destinations, roughly by Chinese outbound card spend.
const countrySql = `CASE WHEN x.uc < 0.2 THEN 'JP' WHEN x.uc < 0.38 THEN 'HK' WHEN x.uc < 0.45 THEN 'MO'
  WHEN x.uc < 0.55 THEN 'TH' WHEN x.uc < 0.63 THEN 'SG' WHEN x.uc < 0.71 THEN 'KR' WHEN x.uc < 0.81 THEN 'US'
  WHEN x.uc < 0.86 THEN 'GB' WHEN x.uc < 0.91 THEN 'FR' WHEN x.uc < 0.96 THEN 'AU' ELSE 'MY' END`;

const currencyOf = `CASE x.country WHEN 'CN' THEN 'CNY' WHEN 'JP' THEN 'JPY' WHEN 'HK' THEN 'HKD' WHEN 'MO' THEN 'MOP'
  WHEN 'TH' THEN 'THB' WHEN 'SG' THEN 'SGD' WHEN 'KR' THEN 'KRW' WHEN 'US' THEN 'USD' WHEN 'GB' THEN 'GBP'
  WHEN 'FR' THEN 'EUR' WHEN 'AU' THEN 'AUD' ELSE 'MYR' END`;

export async function createCycleTables(tx: Queryable): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_cycle_raw (account_id VARCHAR, cyc INTEGER, purchases DECIMAL(18,2),
    txns BIGINT, last_d DATE)`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_inst (account_id VARCHAR, cyc INTEGER, portion DECIMAL(18,2),
    fee DECIMAL(18,2), term INTEGER)`);
}

export async function writeTransactionBatch(tx: Queryable, params: GenerateParams, lo: number, hi: number): Promise<void> {
  const startYm = intLiteral(Number(params.start.slice(0, 4)) * 12 + Number(params.start.slice(5, 7)));
  const range = `BETWEEN ${intLiteral(lo)} AND ${intLiteral(hi)}`;
  await tx.run(`INSERT INTO transactions
    WITH e AS (
      SELECT cm.i, cm.m, cm.lo_d, cm.hi_d, cm.first_seq + 1 + unnest(range(cm.n)) AS seq
      FROM gen_cm cm WHERE cm.i ${range} AND cm.n > 0
    ),
    x AS (
      SELECT e.*, c.customer_id, c.cust_ticket, c.hours, c.mobile_share, c.qr_share, c.nfc_share, c.overseas_share,
        c.installment_share, c.has2, c.open2, c.acct1, c.acct2, c.home1, c.home2, c.sday1, c.sday2,
        CASE WHEN ${u(S.category, 'e.seq')} < mo.boost_share THEN mo.boost_idx
          WHEN ${u(S.category, 'e.seq')} < mo.boost_share + c.fav_share THEN c.fav_idx ELSE cs.cat_idx END AS cat_idx
      FROM e JOIN (SELECT * FROM gen_cust WHERE i ${range}) c USING (i) JOIN gen_month mo USING (m)
      JOIN gen_category_slot cs ON cs.key = c.persona_idx * 1000 + ${slot(S.categorySlot, 'e.seq')}
    ),
    y AS (
      SELECT x.*, ms.grp AS category, ms.merchant, ms.mcc, ms.online, ms.ln_median, ms.sd, ds.d AS day_drawn, ds.ticket_mult
      FROM x
      JOIN gen_merchant_slot ms ON ms.key = x.cat_idx * 1000 + ${slot(S.merchant, seq)}
      JOIN gen_day_slot ds ON ds.key = (x.m * 10 + CASE x.cat_idx WHEN ${onlineIdx} THEN 1 WHEN ${travelIdx} THEN 2 ELSE 0 END) * 1000
        + ${slot(S.day, seq)}
    ),
    d AS (
      SELECT x.*,
        CASE WHEN x.day_drawn BETWEEN x.lo_d AND x.hi_d THEN x.day_drawn
          ELSE (x.lo_d + to_days(floor(${u(S.dayRedraw, seq)} * (date_diff('day', x.lo_d, x.hi_d) + 1))::INTEGER))::DATE
        END AS txn_d,
        ${u(S.hour, seq)} AS uh, ${u(S.hourFine, seq)} AS uf, ${u(S.country, seq)} AS uc, ${u(S.channel, seq)} AS uch,
        ${u(S.installmentTerm, seq)} AS ut,
        x.category IN ('travel', 'dining', 'shopping', 'entertainment')
          AND ${u(S.overseas, seq)} < x.overseas_share * 3 AS is_overseas,
        ${u(S.refund, seq)} < CASE WHEN x.online THEN 0.04 ELSE 0.006 END AS refund
      FROM y AS x
    ),
    f AS (
      SELECT x.*,
        x.has2 AND x.txn_d >= x.open2 AND ${u(S.card, seq)} < CASE WHEN x.category = x.home2 THEN 0.85
          WHEN x.category = x.home1 THEN 0.15 ELSE 0.35 END AS card2,
        least(500000, round(greatest(1, exp(x.ln_median + x.sd * ${z(S.amount, seq)}) * x.cust_ticket * x.ticket_mult
          * CASE WHEN x.is_overseas THEN 1.3 ELSE 1 END), 2)) AS gross,
        CASE WHEN x.is_overseas THEN ${countrySql} ELSE 'CN' END AS country
      FROM d AS x
    )
    SELECT 'T' || lpad(x.seq::VARCHAR, 10, '0') AS txn_id,
      CASE WHEN x.card2 THEN x.acct2 ELSE x.acct1 END AS account_id,
      x.customer_id,
      -- Shanghai wall time to UTC in integer microseconds: interval arithmetic cost 5× more per row.
      make_timestamp((x.txn_d - DATE '1970-01-01') * 86400000000
        + ((${hourSql}) * 3600 + floor(${u(S.second, seq)} * 3600) - 28800)::BIGINT * 1000000) AS ts,
      (CASE WHEN x.refund THEN -x.gross ELSE x.gross END)::DECIMAL(18,2) AS amount,
      ${currencyOf} AS currency,
      x.mcc, x.category, x.merchant,
      CASE WHEN x.online THEN CASE WHEN x.uch < x.mobile_share THEN 'mobile' ELSE 'online' END
        WHEN x.is_overseas THEN 'offline'
        WHEN x.uch < x.qr_share THEN 'qr'
        WHEN x.uch < x.qr_share + x.nfc_share THEN 'mobile' ELSE 'offline' END AS channel,
      x.is_overseas, x.country,
      CASE WHEN NOT x.refund AND x.gross >= 1000 AND ${u(S.installment, seq)} < x.installment_share
          AND x.category IN ('shopping', 'online_shopping', 'automotive', 'education', 'travel', 'mother_baby')
        THEN CASE WHEN x.ut < 0.35 THEN 3 WHEN x.ut < 0.65 THEN 6 WHEN x.ut < 0.9 THEN 12 ELSE 24 END
        ELSE 0 END AS installment_months
    FROM f AS x`);
  // Statement cycles are read back from the rows just written (the batch's customers are contiguous, so zone
  // maps skip the rest): cheaper than materialising the batch in a temp table first.
  const customers = `customer_id BETWEEN 'C' || lpad('${intLiteral(lo)}', 8, '0') AND 'C' || lpad('${intLiteral(hi)}', 8, '0')`;
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_txn_batch AS
    SELECT t.account_id, t.amount, t.installment_months, t.d,
      -- A purchase after the statement day falls into next month's statement.
      (year(t.d) * 12 + month(t.d)) - ${startYm} + (day(t.d) > a.statement_day)::INTEGER AS cyc
    FROM (SELECT account_id, amount, installment_months, (ts + INTERVAL 8 HOUR)::DATE AS d FROM transactions WHERE ${customers}) t
    JOIN (SELECT account_id, statement_day FROM gen_acct WHERE i ${range}) a USING (account_id)`);
  await tx.run(`INSERT INTO gen_cycle_raw
    SELECT account_id, cyc, sum(CASE WHEN installment_months = 0 THEN amount ELSE 0 END), count(*), max(d)
    FROM gen_txn_batch GROUP BY account_id, cyc`);
  await tx.run(`INSERT INTO gen_inst
    SELECT account_id, cyc, round(amount / installment_months, 2), round(amount * 0.006, 2), installment_months
    FROM gen_txn_batch WHERE installment_months > 0`);
}

/** Per account and statement cycle: purchases, and instalment principal and fee starting (+) or ending (−). */
export async function finishCycles(tx: Queryable): Promise<void> {
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_cycle AS
    SELECT account_id, cyc, sum(purchases) AS purchases, sum(txns) AS txns, max(last_d) AS last_d,
      sum(d_portion) AS d_portion, sum(d_fee) AS d_fee
    FROM (
      SELECT account_id, cyc, purchases, txns, last_d, 0 AS d_portion, 0 AS d_fee FROM gen_cycle_raw
      UNION ALL SELECT account_id, cyc, 0, 0, NULL, portion, fee FROM gen_inst
      UNION ALL SELECT account_id, cyc + term, 0, 0, NULL, -portion, -fee FROM gen_inst
    ) GROUP BY account_id, cyc ORDER BY cyc, account_id`);
  await tx.run('DROP TABLE IF EXISTS gen_cycle_raw');
  await tx.run('DROP TABLE IF EXISTS gen_txn_batch');
}
