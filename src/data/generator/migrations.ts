import type { Migration } from '../../db';

// Ground truth planted by the demo generator. These tables are not part of the data contract: importers,
// tags and models never read them; tests and model evaluations do, to check that what was planted is found.
export const truthTableNames = ['truth_portfolio', 'truth_customers', 'truth_offer_response'] as const;

export const generatorMigrations: Migration[] = [
  {
    id: 'data/010_ground_truth',
    up: [
      `CREATE TABLE IF NOT EXISTS truth_portfolio (
        seed BIGINT, customers INTEGER, months INTEGER, history_start DATE, as_of DATE, generator_version INTEGER)`,
      `CREATE TABLE IF NOT EXISTS truth_customers (
        customer_id VARCHAR, persona VARCHAR, churn_propensity DOUBLE, churned BOOLEAN, churn_date DATE,
        activity_decline_start DATE, value_segment VARCHAR, expected_monthly_spend DOUBLE, activity_rate DOUBLE,
        risk_propensity DOUBLE, severe_delinquent BOOLEAN, revolver BOOLEAN, favourite_category VARCHAR)`,
      `CREATE TABLE IF NOT EXISTS truth_offer_response (
        customer_id VARCHAR, offer_type VARCHAR, base_response DOUBLE, uplift DOUBLE)`,
    ],
  },
];
