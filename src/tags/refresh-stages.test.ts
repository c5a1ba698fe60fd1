import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test-support/temp-store';
import type { Database } from '../db';
import { refreshProfile } from './refresh';
import { insertTxn, scenarioTransactions } from './scenario-fixture';

// A second hand-made portfolio, for what refresh.test.ts reaches only indirectly: every lifecycle stage, the
// contribution formula (src/tags/README.md, "Value contribution") worked out by hand, the value tier bands,
// and the interest tags that hold. As-of 2025-06-30 (Shanghai), set by V2's purchase at noon that day.
// Windows at that date: 30d from 06-01, 90d from 04-02, the 90 days before those from 01-02 to 04-01, 365d
// from 2024-07-01. Times are UTC 04:00, noon in Shanghai, so that no day is in doubt.

type Txn = (typeof scenarioTransactions)[number];

const customers: ReadonlyArray<readonly [id: string, birth: string, since: string]> = [
  ['NEW', '1992-02-02', '2025-05-15'],
  ['DORM', '1980-01-01', '2020-01-01'],
  ['FEW', '1985-05-05', '2020-01-01'],
  ['V1', '1975-03-03', '2018-01-01'],
  ['TRAV', '1995-01-01', '2019-01-01'],
  ['V2', '1960-01-01', '2015-01-01'],
];

let txnNo = 0;
const txn = (
  customer: string,
  day: string,
  amount: number,
  category: string,
  mcc: string,
  overseas = false,
): Txn => {
  txnNo += 1;
  return [
    `S${txnNo}`,
    `A-${customer}`,
    customer,
    `${day} 04:00:00`,
    amount,
    mcc,
    category,
    'offline',
    overseas,
    0,
  ];
};

const transactions: Txn[] = [
  // Dormant: the last purchase 121 days before the as-of date.
  txn('DORM', '2025-03-01', 100, 'dining', '5812'),
  // At risk by activity: one purchase this month and none in the 11 before it (1 active month of 12).
  txn('FEW', '2025-06-20', 100, 'shopping', '5311'),
  // High value at risk by falling spend: 62,000 in the prior 90 days against 10,000 now, over 5 active months.
  txn('V1', '2024-09-15', 2000, 'dining', '5812'),
  txn('V1', '2024-11-15', 2000, 'dining', '5812'),
  txn('V1', '2025-01-15', 2000, 'dining', '5812'),
  txn('V1', '2025-03-10', 60000, 'dining', '5812'),
  txn('V1', '2025-06-25', 10000, 'dining', '5812'),
  // Eight overseas airline tickets over a year, and one mother-and-baby purchase.
  ...[
    '2024-08-10',
    '2024-09-10',
    '2024-10-10',
    '2024-11-10',
    '2024-12-10',
    '2025-01-10',
    '2025-02-10',
    '2025-04-10',
  ].map((day) => txn('TRAV', day, 1000, 'travel', '4511', true)),
  txn('TRAV', '2025-06-10', 1000, 'mother_baby', '5641'),
  txn('V2', '2025-06-30', 500, 'supermarket', '5411'),
];

// account, statement date, balance, interest, fees, overdue days
const statements: ReadonlyArray<readonly [string, string, number, number, number, number]> = [
  ['A-V1', '2025-06-20', 20000, 800, 200, 0],
  ['A-V1', '2025-05-20', 15000, 600, 0, 0],
  ['A-V2', '2025-06-20', 5000, 300, 100, 95],
];

async function load(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run("INSERT INTO products VALUES ('P1', '经典卡', 'Classic', 'classic', 'none', 0)");
    for (const [id, birth, since] of customers) {
      await tx.run(
        `INSERT INTO customers (customer_id, gender, birth_date, city_tier, marital_status, customer_since, income_band)
         VALUES ($1, 'F', $2::DATE, 1, 'married', $3::DATE, '10k-20k')`,
        [id, birth, since],
      );
      await tx.run(
        "INSERT INTO accounts (account_id, customer_id, product_code, credit_limit, opened_at, status, statement_day, autopay) VALUES ($1, $2, 'P1', 50000, $3::DATE, 'active', 20, false)",
        [`A-${id}`, id, since],
      );
    }
    for (const t of transactions) await insertTxn(tx, t);
    for (const [account, cut, balance, interest, fees, overdue] of statements) {
      await tx.run(
        `INSERT INTO statements (account_id, period, statement_date, due_date, balance, min_due, paid_amount, overdue_days, interest, fees, revolving)
         VALUES ($1, strftime($2::DATE, '%Y-%m'), $2::DATE, $2::DATE + 20, $3, $3 / 10, $3, $4, $5, $6, false)`,
        [account, cut, balance, overdue, interest, fees],
      );
    }
  });
}

/** The contribution formula of src/tags/README.md, written out again from the document. */
function contribution(p: {
  spend: number;
  interest: number;
  fees: number;
  cards: number;
  balance: number;
  worstOverdue: number;
}): number {
  const interchange = 0.0045 * p.spend;
  const rewards = 0.002 * p.spend;
  const servicing = 40 * p.cards;
  const funding = 0.03 * p.balance;
  const risk = (p.worstOverdue >= 90 ? 0.2 : 0.01) * p.balance;
  return interchange + p.interest + p.fees - rewards - servicing - funding - risk;
}

const contributions: Record<string, number> = {
  NEW: contribution({ spend: 0, interest: 0, fees: 0, cards: 1, balance: 0, worstOverdue: 0 }),
  DORM: contribution({ spend: 100, interest: 0, fees: 0, cards: 1, balance: 0, worstOverdue: 0 }),
  FEW: contribution({ spend: 100, interest: 0, fees: 0, cards: 1, balance: 0, worstOverdue: 0 }),
  // Both statements are within 365 days; only June's (cut 10 days before the as-of) is within 30.
  V1: contribution({ spend: 76000, interest: 1400, fees: 200, cards: 1, balance: 20000, worstOverdue: 0 }),
  TRAV: contribution({ spend: 9000, interest: 0, fees: 0, cards: 1, balance: 0, worstOverdue: 0 }),
  V2: contribution({ spend: 500, interest: 300, fees: 100, cards: 1, balance: 5000, worstOverdue: 95 }),
};

describe('lifecycle stages, contribution, value tiers and interest tags on a hand-made portfolio', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let profile: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    store = await tempStore();
    await load(store.db);
    const result = await refreshProfile(store.db, { snapshot: false });
    expect(result.asOf).toBe('2025-06-30');
    const rows = await store.db.all<Record<string, unknown>>('SELECT * FROM profile');
    profile = new Map(rows.map((r) => [r.customer_id as string, r]));
  });
  afterAll(async () => store.cleanup());

  const tag = (customer: string, code: string) => profile.get(customer)?.[code];

  it('puts each customer in the lifecycle stage the definition gives by hand', () => {
    expect(Object.fromEntries([...profile.keys()].sort().map((c) => [c, tag(c, 'lifecycle_stage')]))).toEqual(
      {
        DORM: 'dormant', // 121 days since the last purchase: more than 90, not more than 180
        FEW: 'at_risk', // active in 1 month of 12
        NEW: 'new', // joined 46 days ago, no purchase
        TRAV: 'active', // 9 active months, spend level (2,000 against 2,000)
        V1: 'at_risk', // spend down 84 %, though active in 5 months
        V2: 'at_risk', // bought today, but active in 1 month of 12 (no prior spend, so no trend either)
      },
    );
  });

  it('computes the inputs the stages read', () => {
    expect(tag('DORM', 'days_since_last_txn')).toBe(121);
    expect(tag('FEW', 'active_months_12m')).toBe(1);
    expect(tag('V1', 'active_months_12m')).toBe(5);
    expect(tag('V1', 'spend_90d')).toBe(10000);
    expect(tag('V1', 'spend_prev_90d')).toBe(62000);
    expect(tag('V1', 'spend_trend_90d')).toBeCloseTo((10000 - 62000) / 62000, 9);
    expect(tag('TRAV', 'spend_trend_90d')).toBe(0);
    expect(tag('V2', 'spend_trend_90d')).toBeNull();
    expect(tag('NEW', 'tenure_months')).toBe(1);
  });

  it('computes the contribution of every customer by the documented formula', () => {
    for (const [customer, value] of Object.entries(contributions))
      expect(tag(customer, 'contribution_365d'), customer).toBeCloseTo(value, 6);
    // The figures the formula gives, written down once so that a change of rates shows here too.
    expect(contributions.V1).toBeCloseTo(950, 9);
    expect(contributions.V2).toBeCloseTo(-788.75, 9);
    expect(tag('V1', 'interest_365d')).toBe(1400);
    expect(tag('V1', 'statement_balance_30d')).toBe(20000);
    expect(tag('V2', 'worst_overdue_days_12m')).toBe(95);
  });

  it('bands the contribution into value tiers at the fixed edges', () => {
    expect(tag('V1', 'value_tier')).toBe('high'); // 950: at least 400, under 1,000
    expect(tag('V2', 'value_tier')).toBe('loss'); // the 90-day overdue balance costs 20 %, not 1 %
    expect(tag('TRAV', 'value_tier')).toBe('loss'); // −17.5: interchange does not cover the card's cost
    expect(tag('NEW', 'value_tier')).toBe('loss');
  });

  it('sets the interest tags that hold, and only those', () => {
    const interests = [
      'foodie',
      'frequent_traveller',
      'online_shopper',
      'young_family',
      'overseas_traveller',
      'high_value_at_risk',
    ];
    const held = (customer: string) => interests.filter((code) => tag(customer, code) === true);
    expect(held('V1')).toEqual(['foodie', 'high_value_at_risk']);
    expect(held('TRAV')).toEqual(['frequent_traveller', 'young_family', 'overseas_traveller']);
    // DORM dines too, but ¥100 a year ago is not ¥300 in 90 days.
    expect(held('DORM')).toEqual([]);
    expect(held('NEW')).toEqual([]);
    expect(tag('TRAV', 'txn_count_airline_hotel_365d')).toBe(8);
    expect(tag('TRAV', 'spend_share_mother_baby_365d')).toBeCloseTo(1000 / 9000, 9);
  });
});
