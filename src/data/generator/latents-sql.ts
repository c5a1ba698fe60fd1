import { daysBetween } from '../../core';
import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { S, slot, u, z } from './random-sql';
import { dateLiteral, intLiteral } from './sql-values';

// gen_cust: the latent parameters that drive each customer's behaviour. This is where the planted truth is
// decided (see README.md in this folder):
// - activity: persona rate × a lognormal factor (mean 1, log-sd 0.5);
// - churn_p = sigmoid(persona intercept + 0.7 new + 0.5 fee card on a low income + 0.4 premium fee on a middle
//   income + 0.25 under 28 − 0.5 second card + 0.5 noise); churner ~ Bernoulli(churn_p) (never a severe
//   delinquent, whom the bank closes instead); churn_date uniform from 4 months into the history to 6 months
//   after the as-of date; activity declines linearly from decline_start (3–6 months before) down to 15%;
// - a non-churner lull (8%: three months at half activity) so that a dip alone does not mean churn;
// - risk_z (latent credit risk) drives missed payments, severe delinquency and the bureau score.

export async function buildLatentTable(tx: Queryable, params: GenerateParams): Promise<void> {
  const start = dateLiteral(params.start);
  const asOf = dateLiteral(params.asOf);
  const windowDays = intLiteral(daysBetween(params.start, params.asOf) + 1);
  const months = intLiteral(params.months);
  const id = 'c.i';
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_cust AS
    SELECT c.i, c.customer_id, 'A' || lpad(c.i::VARCHAR, 8, '0') || '1' AS acct1, 'A' || lpad(c.i::VARCHAR, 8, '0') || '2' AS acct2,
      c.persona, c.persona_idx, c.age, c.income_idx, c.tier, c.customer_since, c.is_new,
      c.mobile_share, c.qr_share, c.nfc_share, c.overseas_share, c.installment_share, c.hours, c.affinity,
      c.favourite_share AS fav_share,
      -- 0.93 calibrates the portfolio to ~100 transactions per customer over 18 months.
      0.93 * c.txn_rate * exp(0.5 * ${z(S.activity, id)} - 0.125) AS activity,
      greatest(0.3, c.ticket * exp(0.35 * ${z(S.ticket, id)} - 0.06) * (1 + 0.12 * (c.income_idx - 1.5))) AS cust_ticket,
      c.risk + 0.9 * ${z(S.risk, id)} - 0.15 * (c.income_idx - 1.5) AS risk_z,
      gen_sigmoid(-3 + 1.2 * risk_z) AS risk_p,
      ${u(S.severe, id)} < risk_p * 0.3 AS severe,
      floor(${u(S.severeMonth, id)} * (${months} - 1))::INTEGER AS severe_m,
      gen_clamp(c.full_pay + 0.1 * ${z(S.fullPay, id)}, 0.02, 0.99) AS cust_full_pay,
      cust_full_pay < 0.5 AS revolver,
      fav.category AS fav, fav.cat_idx AS fav_idx,
      p1.product_code AS product1,
      ${u(S.hasSecond, id)} < c.second_card AS has2_raw,
      CASE WHEN NOT has2_raw THEN NULL WHEN p2.product_code <> p1.product_code THEN p2.product_code
        WHEN p1.product_code = 'CW-GLD' THEN 'CW-CLS' ELSE 'CW-GLD' END AS product2,
      1 + floor(${u(S.statementDay1, id)} * 28)::INTEGER AS sday1,
      1 + floor(${u(S.statementDay2, id)} * 28)::INTEGER AS sday2,
      ${u(S.autopay, id)} < 0.3 + 0.4 * cust_full_pay AS autopay,
      [0.5, 0.8, 1.0, 1.6, 2.5][c.income_idx + 1] AS income_factor,
      greatest(2000, round(prod1.base_limit * income_factor * exp(0.3 * ${z(S.limit1, id)}), -3)) AS limit1,
      greatest(2000, round(coalesce(prod2.base_limit, 0) * income_factor * exp(0.3 * ${z(S.limit2, id)}), -3)) AS limit2,
      prod1.home_category AS home1, coalesce(prod2.home_category, 'none') AS home2,
      gen_sigmoid(c.churn_logit + 0.7 * c.is_new::INT
        + 0.5 * (prod1.annual_fee > 0 AND c.income_idx <= 1)::INT
        + 0.4 * (prod1.annual_fee >= 900 AND c.income_idx <= 2)::INT
        + 0.25 * (c.age < 28)::INT - 0.5 * has2_raw::INT + 0.5 * ${z(S.churnNoise, id)}) AS churn_p,
      NOT severe AND ${u(S.churn, id)} < churn_p AS churner,
      CASE WHEN churner THEN greatest(c.customer_since + 180,
        ${start} + to_days((120 + floor(${u(S.churnDate, id)} * (${windowDays} - 120 + 183)))::INTEGER))::DATE END AS churn_date,
      CASE WHEN churner THEN (churn_date - to_days((90 + floor(${u(S.decline, id)} * 91))::INTEGER))::DATE END AS decline_start,
      coalesce(churn_date <= ${asOf}, false) AS churned,
      coalesce(churn_date, DATE '9999-12-31') AS stop_date,
      -- A second card opens after the first and at least three months before the customer leaves.
      least(${asOf} - 60, stop_date - 90) AS open2_limit,
      has2_raw AND open2_limit > c.customer_since AS has2,
      CASE WHEN has2 THEN (c.customer_since
        + to_days(floor(${u(S.open2, id)} * date_diff('day', c.customer_since, open2_limit))::INTEGER))::DATE END AS open2,
      NOT churner AND ${u(S.lull, id)} < 0.08 AS lull,
      floor(${u(S.lullMonth, id)} * ${months})::INTEGER AS lull_m,
      c.app_rate * exp(0.5 * ${z(S.appRate, id)} - 0.125)
        * CASE WHEN c.age < 30 THEN 1.2 WHEN c.age > 55 THEN 0.6 ELSE 1 END AS cust_app_rate,
      ['ios', 'android', 'harmony'][1 + (CASE WHEN ${u(S.os, id)} < 0.45 THEN 0 WHEN ${u(S.os, id)} < 0.85 THEN 1 ELSE 2 END)] AS os,
      -- What the customer is worth a month in spend, before churn: the truth behind value tiers and CLV.
      activity * cust_ticket * 180 AS expected_monthly_spend
    FROM gen_people c
    JOIN gen_category_slot fav ON fav.key = c.persona_idx * 1000 + ${slot(S.favourite, id)}
    JOIN gen_product_slot p1 ON p1.key = c.persona_idx * 1000 + ${slot(S.product1, id)}
    JOIN gen_product_slot p2 ON p2.key = c.persona_idx * 1000 + ${slot(S.product2, id)}
    JOIN gen_product prod1 ON prod1.product_code = p1.product_code
    LEFT JOIN gen_product prod2 ON prod2.product_code = (CASE WHEN NOT (${u(S.hasSecond, id)} < c.second_card) THEN NULL
        WHEN p2.product_code <> p1.product_code THEN p2.product_code WHEN p1.product_code = 'CW-GLD' THEN 'CW-CLS'
        ELSE 'CW-GLD' END)
    ORDER BY c.i`);
}
