import type { Database } from '../db';

// A hand-made portfolio whose tag values are worked out by hand in refresh.test.ts. The as-of date is
// 2025-06-30 (Shanghai): the latest transaction is at 23:00 Shanghai that day. Times are UTC, so
// '2025-05-31 16:30' is 00:30 on 1 June in Shanghai: inside the 30-day window, while 15:30 is outside.

const products = [
  ['P1', '经典卡', 'Classic', 'classic', 'none', 0],
  ['P2', '白金卡', 'Platinum', 'platinum', 'airline', 1000],
];
const customers = [
  ['C1', 'F', '1990-06-15', 1, 'married', '2020-01-01'],
  ['C2', 'M', '2000-01-01', 2, 'single', '2025-06-01'],
  ['C3', 'M', '1970-03-01', 3, 'married', '2015-01-01'],
];
const accounts = [
  ['A1', 'C1', 'P1', 10000, '2020-01-01', 'active', true],
  ['A2', 'C1', 'P2', 20000, '2022-01-01', 'active', false],
  ['A3', 'C2', 'P1', 5000, '2025-06-01', 'active', false],
  ['A4', 'C3', 'P1', 8000, '2015-01-01', 'closed', false],
];
// txn_id, account, customer, ts (UTC), amount, mcc, category, channel, overseas, instalment months
export const scenarioTransactions: ReadonlyArray<readonly [string, string, string, string, number, string, string, string, boolean, number]> = [
  ['T1', 'A1', 'C1', '2025-06-30 15:00:00', 100, '5812', 'dining', 'offline', false, 0],
  ['T2', 'A2', 'C1', '2025-05-31 16:30:00', 200, '4511', 'travel', 'online', true, 0],
  ['T3', 'A1', 'C1', '2025-05-31 15:30:00', 300, '5311', 'shopping', 'mobile', false, 0],
  ['T4', 'A1', 'C1', '2025-06-10 02:00:00', -50, '5812', 'dining', 'offline', false, 0],
  ['T5', 'A2', 'C1', '2025-03-01 04:00:00', 1000, '5311', 'shopping', 'online', false, 6],
  ['T6', 'A1', 'C1', '2024-07-01 04:00:00', 400, '5411', 'supermarket', 'qr', false, 0],
  ['T7', 'A1', 'C1', '2024-06-30 04:00:00', 500, '5541', 'fuel', 'offline', false, 0],
  ['T8', 'A3', 'C2', '2025-06-15 04:00:00', 500, '5964', 'online_shopping', 'online', false, 0],
];
const statements = [
  ['A1', '2025-06', '2025-06-20', '2025-07-10', 1000, 100, 100, 0, 10, 0, true],
  ['A1', '2025-05', '2025-05-20', '2025-06-10', 800, 80, 800, 0, 0, 0, false],
  ['A1', '2025-04', '2025-04-20', '2025-05-10', 900, 90, 90, 5, 12, 0, true],
  ['A1', '2024-06', '2024-06-20', '2024-07-10', 100, 10, 10, 60, 0, 0, false],
];

export async function loadScenario(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const p of products) await tx.run('INSERT INTO products VALUES ($1, $2, $3, $4, $5, $6)', p);
    for (const [id, g, birth, tier, marital, since] of customers) {
      await tx.run(
        `INSERT INTO customers (customer_id, gender, birth_date, city_tier, marital_status, customer_since, income_band)
         VALUES ($1, $2, $3::DATE, $4, $5, $6::DATE, '10k-20k')`,
        [id, g, birth, tier, marital, since] as (string | number)[],
      );
    }
    for (const [id, c, p, limit, opened, status, autopay] of accounts) {
      await tx.run(
        'INSERT INTO accounts (account_id, customer_id, product_code, credit_limit, opened_at, status, statement_day, autopay) VALUES ($1, $2, $3, $4, $5::DATE, $6, 20, $7)',
        [id, c, p, limit, opened, status, autopay] as (string | number | boolean)[],
      );
    }
    for (const t of scenarioTransactions) await insertTxn(tx, t);
    for (const s of statements) {
      await tx.run(
        `INSERT INTO statements (account_id, period, statement_date, due_date, balance, min_due, paid_amount, overdue_days, interest, fees, revolving)
         VALUES ($1, $2, $3::DATE, $4::DATE, $5, $6, $7, $8, $9, $10, $11)`,
        s as (string | number | boolean)[],
      );
    }
    const events = [
      ['C1', '2025-06-29 10:00:00', 'login'],
      ['C1', '2025-05-20 10:00:00', 'login'],
      ['C1', '2025-06-29 10:05:00', 'view_offer'],
    ];
    for (const e of events) await tx.run('INSERT INTO app_events (customer_id, ts, event) VALUES ($1, $2::TIMESTAMP, $3)', e);
    const interactions = [
      ['I1', 'C1', '2025-06-01 02:00:00', 'complaint', -0.5],
      ['I2', 'C1', '2025-03-15 02:00:00', 'cancellation_request', -0.8],
    ];
    for (const i of interactions) {
      await tx.run('INSERT INTO service_interactions (interaction_id, customer_id, ts, channel, category, sentiment) VALUES ($1, $2, $3::TIMESTAMP, \'phone\', $4, $5)', i);
    }
    const bureau = [
      ['C1', '2025-01-01', 700],
      ['C1', '2025-06-01', 760],
      ['C1', '2025-07-15', 500],
    ];
    for (const b of bureau) await tx.run('INSERT INTO bureau (customer_id, as_of, score) VALUES ($1, $2::DATE, $3)', b);
    for (const [c, ch, rank] of [['C1', 'wechat', 2], ['C1', 'sms', 1]]) {
      await tx.run('INSERT INTO channel_preferences (customer_id, channel, preference_rank) VALUES ($1, $2, $3)', [c, ch, rank] as (string | number)[]);
    }
  });
}

type Txn = (typeof scenarioTransactions)[number];

export async function insertTxn(tx: { run(sql: string, params?: readonly (string | number | boolean)[]): Promise<void> }, t: Txn): Promise<void> {
  await tx.run(
    `INSERT INTO transactions (txn_id, account_id, customer_id, ts, amount, mcc, category, channel, is_overseas, installment_months, currency)
     VALUES ($1, $2, $3, $4::TIMESTAMP, $5, $6, $7, $8, $9, $10, 'CNY')`,
    [...t],
  );
}
