import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedStore } from './test-portfolio';

// The planted signals every later model, tag and segment is demonstrated on. Each assertion compares
// groups with a margin wide enough for a 2,000-customer sample and narrow enough to fail if a signal is
// lost (e.g. with the churn decline switched off, the churner ratio is about 1.0, far above 0.75).

const local = "(t.ts + INTERVAL 8 HOUR)";

describe('planted signals', () => {
  let store: Awaited<ReturnType<typeof generatedStore>>;
  beforeAll(async () => {
    store = await generatedStore({ customers: 2000, seed: 3, months: 12 });
  });
  afterAll(() => store.cleanup());

  it("churners' monthly transactions fall in the three months before the churn date; others' do not", async () => {
    // Transactions in the 3 months before a reference date vs months 6–9 before it. Churners use their churn
    // date; everyone else the same date two weeks before the as-of date.
    const rows = await store.db.all<{ churner: boolean; customers: number; recent: number; earlier: number }>(`
      WITH ref AS (
        SELECT tc.customer_id, tc.churned AS churner,
          CASE WHEN tc.churned THEN tc.churn_date ELSE DATE '2026-10-17' END AS ref_date
        FROM truth_customers tc JOIN customers c USING (customer_id)
        WHERE (tc.churned AND tc.churn_date >= DATE '2026-08-05') OR tc.churn_date IS NULL
      ),
      eligible AS (SELECT r.* FROM ref r JOIN customers c USING (customer_id) WHERE c.customer_since < r.ref_date - 280)
      SELECT e.churner, count(DISTINCT e.customer_id)::INT AS customers,
        count(t.txn_id) FILTER (WHERE ${local} >= e.ref_date - 90 AND ${local} < e.ref_date)::INT AS recent,
        count(t.txn_id) FILTER (WHERE ${local} >= e.ref_date - 270 AND ${local} < e.ref_date - 180)::INT AS earlier
      FROM eligible e LEFT JOIN transactions t USING (customer_id)
      GROUP BY e.churner`);
    const churners = rows.find((r) => r.churner);
    const others = rows.find((r) => !r.churner);
    expect(churners?.customers).toBeGreaterThan(20);
    const churnRatio = (churners?.recent ?? 0) / (churners?.earlier ?? 1);
    const otherRatio = (others?.recent ?? 0) / (others?.earlier ?? 1);
    expect(churnRatio).toBeLessThan(0.75);
    expect(otherRatio).toBeGreaterThan(0.85);
    expect(otherRatio).toBeLessThan(1.2);
  });

  it('churners ask to cancel and complain more, mostly shortly before they close', async () => {
    const r = await store.db.one<Record<string, number>>(`
      WITH s AS (
        SELECT tc.customer_id, tc.churned, tc.churn_date,
          count(si.interaction_id) FILTER (WHERE si.category = 'cancellation_request') AS cancels,
          count(si.interaction_id) FILTER (WHERE si.category = 'cancellation_request'
            AND (si.ts + INTERVAL 8 HOUR)::DATE >= tc.churn_date - 60) AS cancels_late,
          count(si.interaction_id) FILTER (WHERE si.category = 'complaint') AS complaints
        FROM truth_customers tc LEFT JOIN service_interactions si USING (customer_id)
        WHERE tc.churned OR tc.churn_date IS NULL GROUP BY ALL
      )
      SELECT avg((cancels > 0)::INT) FILTER (WHERE churned) AS churner_cancel,
        avg((cancels > 0)::INT) FILTER (WHERE NOT churned) AS other_cancel,
        avg(complaints) FILTER (WHERE churned) AS churner_complaints,
        avg(complaints) FILTER (WHERE NOT churned) AS other_complaints,
        sum(cancels_late) FILTER (WHERE churned) / sum(cancels) FILTER (WHERE churned) AS late_share
      FROM s`);
    expect(r?.churner_cancel).toBeGreaterThan(0.4);
    expect(r?.churner_cancel).toBeGreaterThan(5 * (r?.other_cancel ?? 1));
    expect(r?.churner_complaints).toBeGreaterThan(3 * (r?.other_complaints ?? 1));
    expect(r?.late_share).toBeGreaterThan(0.9);
  });

  it('app logins fade for churners too', async () => {
    const r = await store.db.one<{ recent: number; earlier: number }>(`
      SELECT count(*) FILTER (WHERE (e.ts + INTERVAL 8 HOUR)::DATE >= tc.churn_date - 90)::INT AS recent,
             count(*) FILTER (WHERE (e.ts + INTERVAL 8 HOUR)::DATE BETWEEN tc.churn_date - 270 AND tc.churn_date - 181)::INT AS earlier
      FROM truth_customers tc JOIN customers c USING (customer_id) JOIN app_events e USING (customer_id)
      WHERE tc.churned AND tc.churn_date >= DATE '2026-08-05' AND c.customer_since < tc.churn_date - 280`);
    expect((r?.recent ?? 0) / (r?.earlier ?? 1)).toBeLessThan(0.75);
  });

  it('Double 11 and Golden Week stand out of their months', async () => {
    const r = await store.db.one<Record<string, number>>(`
      WITH d AS (
        SELECT ${local}::DATE AS day, category, sum(amount)::DOUBLE AS spend, count(*) AS n
        FROM transactions t GROUP BY ALL
      )
      SELECT
        sum(spend) FILTER (WHERE category = 'online_shopping' AND day = DATE '2025-11-11') AS d11,
        sum(spend) FILTER (WHERE category = 'online_shopping' AND month(day) = 11 AND year(day) = 2025) / 30 AS nov_avg,
        sum(n) FILTER (WHERE category = 'travel' AND day BETWEEN DATE '2026-10-01' AND DATE '2026-10-07') / 7 AS gw_daily,
        sum(n) FILTER (WHERE category = 'travel' AND day BETWEEN DATE '2026-10-08' AND DATE '2026-10-31') / 24 AS oct_daily
      FROM d`);
    expect(r?.d11).toBeGreaterThan(4 * (r?.nov_avg ?? 0));
    expect(r?.gw_daily).toBeGreaterThan(2 * (r?.oct_daily ?? 0));
  });

  it('personas differ in what they buy and how they pay', async () => {
    const r = await store.db.one<Record<string, number>>(`
      WITH s AS (
        SELECT tc.persona, avg((t.category = 'dining')::INT) AS dining, avg((t.category = 'travel')::INT) AS travel,
          avg((t.category = 'online_shopping')::INT) AS online
        FROM transactions t JOIN truth_customers tc USING (customer_id) GROUP BY ALL
      ),
      p AS (
        SELECT tc.persona, avg(st.revolving::INT) AS revolving
        FROM statements st JOIN accounts a USING (account_id) JOIN truth_customers tc USING (customer_id) GROUP BY ALL
      )
      SELECT
        (SELECT dining FROM s WHERE persona = 'foodie') AS foodie_dining,
        (SELECT max(dining) FROM s WHERE persona <> 'foodie') AS other_dining,
        (SELECT travel FROM s WHERE persona = 'business_traveller') AS business_travel,
        (SELECT avg(travel) FROM s WHERE persona NOT IN ('business_traveller', 'high_value')) AS other_travel,
        (SELECT online FROM s WHERE persona = 'young_online_shopper') AS young_online,
        (SELECT avg(online) FROM s WHERE persona <> 'young_online_shopper') AS other_online,
        (SELECT revolving FROM p WHERE persona = 'revolver') AS revolver_revolving,
        (SELECT revolving FROM p WHERE persona = 'transactor') AS transactor_revolving`);
    expect(r?.foodie_dining).toBeGreaterThan(1.4 * (r?.other_dining ?? 1));
    expect(r?.business_travel).toBeGreaterThan(3 * (r?.other_travel ?? 1));
    expect(r?.young_online).toBeGreaterThan(1.8 * (r?.other_online ?? 1));
    expect(r?.revolver_revolving).toBeGreaterThan(3 * (r?.transactor_revolving ?? 1));
  });

  it('families spend more on education and mother-and-baby than others, but not most of their money', async () => {
    const r = await store.db.one<Record<string, number>>(`
      WITH s AS (
        SELECT tc.persona = 'young_family' AS family,
          sum(t.amount) FILTER (WHERE t.category = 'education')::DOUBLE / sum(t.amount)::DOUBLE AS education,
          sum(t.amount) FILTER (WHERE t.category = 'mother_baby')::DOUBLE / sum(t.amount)::DOUBLE AS mother_baby
        FROM transactions t JOIN truth_customers tc USING (customer_id) GROUP BY ALL
      )
      SELECT (SELECT education FROM s WHERE family) AS family_education, (SELECT education FROM s WHERE NOT family) AS other_education,
        (SELECT mother_baby FROM s WHERE family) AS family_baby, (SELECT mother_baby FROM s WHERE NOT family) AS other_baby`);
    expect(r?.family_education).toBeGreaterThan(2 * (r?.other_education ?? 1));
    expect(r?.family_education).toBeLessThan(0.16);
    expect(r?.family_baby).toBeGreaterThan(4 * (r?.other_baby ?? 1));
    expect(r?.family_baby).toBeLessThan(0.3);
  });

  it('offer response and uplift depend on what a model can observe', async () => {
    const r = await store.db.one<Record<string, number>>(`
      SELECT
        avg(uplift) FILTER (WHERE o.offer_type = 'cashback_dining' AND tc.persona = 'foodie') AS foodie_dining,
        avg(uplift) FILTER (WHERE o.offer_type = 'cashback_dining' AND tc.persona <> 'foodie') AS other_dining,
        avg(uplift) FILTER (WHERE o.offer_type = 'installment' AND tc.persona = 'transactor') AS transactor_instalment,
        avg(base_response) FILTER (WHERE o.offer_type = 'travel_miles' AND tc.persona = 'business_traveller') AS business_miles,
        avg(base_response) FILTER (WHERE o.offer_type = 'travel_miles' AND tc.persona = 'young_family') AS family_miles,
        min(base_response) AS lo, max(base_response + uplift) AS hi
      FROM truth_offer_response o JOIN truth_customers tc USING (customer_id)`);
    expect(r?.foodie_dining).toBeGreaterThan(2 * (r?.other_dining ?? 1));
    expect(r?.transactor_instalment).toBeLessThan(0);
    expect(r?.business_miles).toBeGreaterThan(2 * (r?.family_miles ?? 1));
    expect(r?.lo).toBeGreaterThanOrEqual(0);
    expect(r?.hi).toBeLessThanOrEqual(1);
  });
});
