// An on-demand tag for tests of its computation (`tags compute`, the tag_compute job, `jobs run
// tag-compute`): a daily tag and its on-demand twin, and how many customers the tag gives a value, found by
// SQL over the raw transactions rather than by the tag engine.
import type { Queryable } from '../db';

/**
 * The largest travel payment in the 30 days to the as-of date: empty for a customer who bought no travel in
 * the window (a sum would be 0), so the customers given a value are those with travel rows in the window.
 */
export const dailyTravelMax = {
  code: 'travel_max_30d',
  name_zh: '最大差旅消费（近30天）',
  name_en: 'Largest travel payment, 30d',
  dimension: 'behaviour',
  type: 'number',
  spec: {
    kind: 'dynamic',
    source: 'txn',
    aggregate: 'max',
    field: 'amount',
    filter: "category = 'travel'",
    window: '30d',
  },
  description: 'The largest travel payment in the 30 days to the as-of date.',
};

/** The same, computed only when someone asks. */
export const onDemandTravelMax = {
  ...dailyTravelMax,
  code: 'travel_max_od_30d',
  name_zh: '最大差旅消费（近30天，按需）',
  name_en: 'Largest travel payment, 30d (on demand)',
  refresh: 'on_demand',
};

/** Customers with a travel payment on a Shanghai day in the 30 days to `asOf`, and all customers. */
export async function customersWithTravel(
  db: Pick<Queryable, 'one'>,
  asOf: string,
): Promise<{ withTravel: number; customers: number }> {
  const row = await db.one<{ withTravel: number; customers: number }>(
    `SELECT count(DISTINCT t.customer_id)::INTEGER AS "withTravel", (SELECT count(*)::INTEGER FROM customers) AS customers
     FROM transactions t JOIN customers c USING (customer_id)
     WHERE t.category = 'travel' AND CAST(t.ts + INTERVAL 8 HOUR AS DATE) BETWEEN $1::DATE - 29 AND $1::DATE`,
    [asOf],
  );
  return row ?? { withTravel: 0, customers: 0 };
}
