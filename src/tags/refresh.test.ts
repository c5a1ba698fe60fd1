import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import type { Database } from '../db';
import { refreshProfile } from './refresh';
import { loadScenario } from './scenario-fixture';

// Scenario table: hand-computed values at as-of 2025-06-30, across window edges, refunds, overseas,
// instalments and customers with no behaviour at all.
const expected: ReadonlyArray<readonly [string, string, unknown]> = [
  ['C1', 'spend_30d', 250],
  ['C1', 'txn_count_30d', 2],
  ['C1', 'spend_90d', 550],
  ['C1', 'txn_count_90d', 3],
  ['C1', 'spend_365d', 1950],
  ['C1', 'txn_count_365d', 5],
  ['C1', 'spend_dining_90d', 50],
  ['C1', 'spend_share_dining_365d', 50 / 1950],
  ['C1', 'spend_airline_hotel_90d', 200],
  ['C1', 'spend_travel_90d', 200],
  ['C1', 'overseas_spend_365d', 200],
  ['C1', 'overseas_txn_count_365d', 1],
  ['C1', 'max_purchase_365d', 1000],
  ['C1', 'avg_ticket_365d', 400],
  ['C1', 'refund_amount_90d', -50],
  ['C1', 'installment_count_12m', 1],
  ['C1', 'installment_amount_12m', 1000],
  ['C1', 'days_since_last_txn', 0],
  ['C1', 'active_months_12m', 4],
  ['C1', 'rfm_r_score', 5],
  ['C2', 'rfm_r_score', 3],
  ['C3', 'rfm_r_score', 1],
  ['C3', 'rfm_f_score', 1],
  ['C1', 'top_category_365d', 'shopping'],
  ['C1', 'spend_share_online_365d', 1200 / 1950],
  ['C1', 'spend_share_qr_365d', 400 / 1950],
  ['C1', 'preferred_txn_channel_365d', 'online'],
  ['C1', 'spend_prev_90d', 1000],
  ['C1', 'spend_trend_90d', -0.45],
  ['C1', 'statement_balance_30d', 1000],
  ['C1', 'utilisation', 1000 / 30000],
  ['C1', 'revolve_months_12m', 2],
  ['C1', 'min_payment_months_12m', 2],
  ['C1', 'worst_overdue_days_12m', 5],
  ['C1', 'overdue_count_12m', 1],
  ['C1', 'statement_count_12m', 3],
  ['C1', 'interest_365d', 22],
  ['C1', 'repayment_type', 'transactor'],
  ['C1', 'app_login_count_30d', 1],
  ['C1', 'days_since_last_login', 1],
  ['C1', 'complaint_count_90d', 1],
  ['C1', 'cancellation_request_count_90d', 0],
  ['C1', 'bureau_score', 760],
  ['C1', 'bureau_score_band', 'excellent'],
  ['C1', 'preferred_contact_channel', 'sms'],
  ['C1', 'age', 35],
  ['C1', 'age_band', '35-44'],
  ['C1', 'card_tier', 'platinum'],
  ['C1', 'credit_limit', 30000],
  ['C1', 'open_card_count', 2],
  ['C1', 'autopay', true],
  ['C1', 'gender', 'F'],
  ['C1', 'lifecycle_stage', 'active'],
  ['C2', 'age', 25],
  ['C2', 'age_band', '25-34'],
  ['C2', 'tenure_months', 0],
  ['C2', 'lifecycle_stage', 'activated'],
  ['C2', 'spend_share_online_shopping_365d', 1],
  // All of C2's spend is online shopping, but one purchase is not a habit: the tag asks for 12 a year.
  ['C2', 'online_shopper', false],
  ['C3', 'spend_30d', 0],
  ['C3', 'days_since_last_txn', null],
  ['C3', 'spend_share_dining_365d', null],
  ['C3', 'open_card_count', 0],
  ['C3', 'lifecycle_stage', 'churned'],
  ['C3', 'card_tier', null],
  ['C3', 'top_category_365d', null],
];

describe('tag refresh on a hand-made portfolio', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let profile: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    await loadScenario(db);
    const result = await refreshProfile(db, { snapshot: false });
    expect(result.asOf).toBe('2025-06-30');
    const rows = await db.all<Record<string, unknown>>('SELECT * FROM profile');
    profile = new Map(rows.map((r) => [r.customer_id as string, r]));
  });
  afterAll(async () => store.cleanup());

  it('has one row per customer with the as-of date', () => {
    expect([...profile.keys()].sort()).toEqual(['C1', 'C2', 'C3']);
    expect(profile.get('C1')?.as_of).toBe('2025-06-30');
  });

  it('stores whole-number tags as INTEGER, other numbers as DOUBLE and enums as ENUMs of their values', async () => {
    const types = await db.all<{ column_name: string; data_type: string }>(
      "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'profile' AND column_name IN ('txn_count_90d', 'age', 'rfm_r_score', 'spend_90d', 'utilisation', 'card_tier')",
    );
    expect(Object.fromEntries(types.map((t) => [t.column_name, t.data_type]))).toEqual({
      txn_count_90d: 'INTEGER',
      age: 'INTEGER',
      rfm_r_score: 'INTEGER',
      spend_90d: 'DOUBLE',
      utilisation: 'DOUBLE',
      card_tier: "ENUM('classic', 'gold', 'platinum', 'diamond')",
    });
  });

  it.each(expected)('%s %s = %s', (customer, tag, value) => {
    const actual = profile.get(customer)?.[tag];
    if (typeof value === 'number') expect(actual).toBeCloseTo(value, 6);
    else expect(actual).toBe(value);
  });
});
