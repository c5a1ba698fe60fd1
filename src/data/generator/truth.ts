import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { S, z } from './random-sql';

// The planted truth, written for tests and model evaluations (never for models to train on).
// Offer response: base_response = P(convert | no offer) = sigmoid(base logit + 0.4 noise); uplift =
// P(convert | offer) − base_response, where the offer adds an effect to the logit that depends on what a
// model can observe (persona through behaviour, age, favourite category, card fee, churn risk) plus 0.3
// noise. Transactors offered instalments respond less than untreated (negative uplift: "sleeping dogs").

export const generatorVersion = 1;

export async function writeTruth(tx: Queryable, params: GenerateParams): Promise<void> {
  await tx.run('INSERT INTO truth_portfolio VALUES ($1, $2, $3, $4::DATE, $5::DATE, $6)', [
    params.seed, params.customers, params.months, params.start, params.asOf, generatorVersion,
  ]);
  await tx.run(`INSERT INTO truth_customers
    SELECT customer_id, persona, churn_p, churned, churn_date, decline_start,
      CASE WHEN decile = 10 THEN 'high' WHEN decile >= 7 THEN 'medium' ELSE 'low' END,
      expected_monthly_spend, activity, risk_p, severe, revolver, fav
    FROM (SELECT *, ntile(10) OVER (ORDER BY expected_monthly_spend, i) AS decile FROM gen_cust)
    ORDER BY i`);
  const id = 'c.i * 8 + o.k';
  await tx.run(`INSERT INTO truth_offer_response
    WITH o(offer_type, k) AS (VALUES ('installment', 0), ('cashback_dining', 1), ('travel_miles', 2),
      ('annual_fee_waiver', 3), ('limit_increase', 4), ('supermarket_coupon', 5)),
    x AS (
      SELECT c.i, c.customer_id, o.offer_type, o.k,
        CASE o.offer_type
          WHEN 'installment' THEN -3.2 + 1.2 * c.revolver::INT + 0.8 * (c.persona = 'young_online_shopper')::INT
            + 0.5 * (c.persona = 'young_family')::INT - 0.02 * (c.age - 35)
          WHEN 'cashback_dining' THEN -3.0 + 1.4 * (c.persona = 'foodie')::INT + 0.5 * (c.age < 30)::INT
            + 0.6 * (c.fav = 'dining')::INT
          WHEN 'travel_miles' THEN -3.3 + 1.5 * (c.persona = 'business_traveller')::INT
            + 1.0 * (c.persona = 'high_value')::INT + 0.6 * (c.fav = 'travel')::INT
          WHEN 'annual_fee_waiver' THEN -3.5 + 1.2 * (p.annual_fee > 0)::INT + 0.8 * (c.income_idx <= 1)::INT
          WHEN 'limit_increase' THEN -3.0 + 1.3 * c.revolver::INT + 0.5 * (c.age < 30)::INT + 0.4 * (c.income_idx >= 2)::INT
          ELSE -3.0 + 1.3 * (c.persona = 'young_family')::INT + 0.6 * (c.fav = 'supermarket')::INT
            + 0.3 * (c.persona = 'dormant')::INT
        END + 0.4 * ${z(S.offerBase, id)} AS base_logit,
        CASE o.offer_type
          WHEN 'installment' THEN 0.3 + 0.8 * c.revolver::INT + 0.6 * (c.persona = 'young_online_shopper')::INT
            - 0.9 * (c.persona = 'transactor')::INT
          WHEN 'cashback_dining' THEN 0.2 + 1.0 * (c.persona = 'foodie')::INT + 0.4 * (c.age < 30)::INT
          WHEN 'travel_miles' THEN 0.1 + 1.1 * (c.persona = 'business_traveller')::INT + 0.5 * (c.persona = 'high_value')::INT
          WHEN 'annual_fee_waiver' THEN 0.1 + 3.0 * c.churn_p * (p.annual_fee > 0)::INT
          WHEN 'limit_increase' THEN 0.3 + 0.9 * c.revolver::INT - 0.8 * c.severe::INT
          ELSE 0.2 + 0.9 * (c.persona = 'young_family')::INT + 0.5 * (c.fav = 'supermarket')::INT
        END + 0.3 * ${z(S.offerLift, id)} AS effect
      FROM gen_cust c JOIN gen_product p ON p.product_code = c.product1 CROSS JOIN o
    )
    SELECT customer_id, offer_type, gen_sigmoid(base_logit), gen_sigmoid(base_logit + effect) - gen_sigmoid(base_logit)
    FROM x ORDER BY i, k`);
}
