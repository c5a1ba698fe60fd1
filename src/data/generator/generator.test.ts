import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardwiseError } from '../../core';
import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { contractTable, contractTables } from '../contract/tables';
import { contractViolations } from './contract-check';
import { generatePortfolio } from './generate';
import { truthTableNames } from './migrations';
import { generatedStore, tableFingerprint } from './test-portfolio';

const filled = [...contractTables.map((t) => t.name).filter((n) => n !== 'messages'), ...truthTableNames];

async function fingerprints(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of filled) out[name] = await tableFingerprint(db, name);
  return out;
}

describe('generator determinism', () => {
  it('gives identical tables for the same seed and different ones for another seed', async () => {
    const options = { customers: 600, seed: 11, months: 6 };
    const a = await generatedStore(options);
    const b = await generatedStore({ ...options, batchCustomers: 250 });
    const c = await generatedStore({ ...options, seed: 12 });
    try {
      const [fa, fb, fc] = [await fingerprints(a.db), await fingerprints(b.db), await fingerprints(c.db)];
      // Batching changes how the work is cut, never what is drawn.
      expect(fb).toEqual(fa);
      for (const name of filled.filter((n) => n !== 'products')) expect(fc[name], name).not.toEqual(fa[name]);
      expect(Number(fa.transactions?.split(':')[0])).toBeGreaterThan(600 * 6 * 3);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup(), c.cleanup()]);
    }
  });

  it('refuses a database that holds customers unless asked to replace it', async () => {
    const store = await tempStore();
    try {
      await generatePortfolio(store.db, { customers: 200, seed: 1, months: 3 });
      const error = await generatePortfolio(store.db, { customers: 200, seed: 2, months: 3 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CardwiseError);
      expect((error as CardwiseError).code).toBe('conflict');
      const before = await tableFingerprint(store.db, 'transactions');
      const replaced = await generatePortfolio(store.db, { customers: 300, seed: 2, months: 3, replace: true });
      expect(replaced.counts.customers).toBe(300);
      expect(await tableFingerprint(store.db, 'transactions')).not.toBe(before);
      expect((await store.db.one<{ n: number }>('SELECT count(*)::INT AS n FROM truth_portfolio'))?.n).toBe(1);
    } finally {
      await store.cleanup();
    }
  });

  it('rejects options that are not whole numbers or real dates', async () => {
    const store = await tempStore();
    try {
      await expect(generatePortfolio(store.db, { customers: 1.5, seed: 1 })).rejects.toThrow(/customers/);
      await expect(generatePortfolio(store.db, { customers: 10, seed: -1 })).rejects.toThrow(/seed/);
      await expect(generatePortfolio(store.db, { customers: 10, seed: 1, asOf: '2026-02-30' })).rejects.toThrow(/as-of/);
    } finally {
      await store.cleanup();
    }
  });
});

describe('generated rows satisfy the data contract', () => {
  let store: Awaited<ReturnType<typeof generatedStore>>;
  beforeAll(async () => {
    store = await generatedStore({ customers: 2000, seed: 5, months: 12 });
  });
  afterAll(() => store.cleanup());

  it('fills every contract table but messages', () => {
    for (const name of filled) expect(store.result.counts[name], name).toBeGreaterThan(0);
    // About 100 transactions per customer over 18 months is the target density: ~67 in 12 months.
    const perCustomer = (store.result.counts.transactions ?? 0) / 2000;
    expect(perCustomer).toBeGreaterThan(45);
    expect(perCustomer).toBeLessThan(95);
  });

  it('violates no declared rule: required, values, ranges, patterns, references, keys', async () => {
    const violations = [];
    for (const spec of contractTables) {
      violations.push(...(await store.db.withConnection((session) => contractViolations(session, spec))));
    }
    expect(violations).toEqual([]);
  });

  it('keeps cross-table facts consistent', async () => {
    const checks = await store.db.one<Record<string, number>>(`SELECT
      (SELECT count(*) FROM transactions t JOIN accounts a USING (account_id) WHERE a.customer_id <> t.customer_id) AS foreign_card,
      (SELECT count(*) FROM transactions t JOIN mcc_categories m USING (mcc) WHERE m.category <> t.category) AS wrong_category,
      (SELECT count(*) FROM transactions t JOIN accounts a USING (account_id)
        WHERE (t.ts + INTERVAL 8 HOUR)::DATE < a.opened_at OR (t.ts + INTERVAL 8 HOUR)::DATE >= a.closed_at) AS outside_account_life,
      (SELECT count(*) FROM transactions WHERE (ts + INTERVAL 8 HOUR)::DATE > DATE '2026-10-31') AS after_as_of,
      (SELECT count(*) FROM statements WHERE paid_at < statement_date OR paid_at > DATE '2026-10-31') AS paid_out_of_order,
      (SELECT count(*) FROM statements WHERE balance > 0 AND min_due > balance) AS min_due_above_balance,
      (SELECT count(*) FROM accounts WHERE (status = 'closed') <> (closed_at IS NOT NULL)) AS closed_mismatch,
      (SELECT count(*) FROM transactions WHERE amount = 0) AS zero_amounts,
      (SELECT count(*) FROM transactions WHERE is_overseas <> (country <> 'CN')) AS overseas_mismatch`);
    expect(checks).toEqual({
      foreign_card: 0, wrong_category: 0, outside_account_life: 0, after_as_of: 0, paid_out_of_order: 0,
      min_due_above_balance: 0, closed_mismatch: 0, zero_amounts: 0, overseas_mismatch: 0,
    });
  });

  it('spreads values the way a card portfolio does', async () => {
    const mix = await store.db.one<Record<string, number>>(`SELECT
      avg((amount < 0)::INT) AS refunds, avg(is_overseas::INT) AS overseas, avg((installment_months > 0)::INT) AS instalments,
      count(DISTINCT channel) AS channels, count(DISTINCT category) AS categories,
      (SELECT count(DISTINCT product_code) FROM accounts) AS products,
      (SELECT avg((n = 2)::INT) FROM (SELECT count(*) AS n FROM accounts GROUP BY customer_id)) AS two_cards,
      (SELECT count(DISTINCT status) FROM accounts) AS statuses,
      (SELECT avg(revolving::INT) FROM statements) AS revolving
    FROM transactions`);
    if (!mix) throw new Error('no result');
    expect(mix.refunds).toBeGreaterThan(0.003);
    expect(mix.refunds).toBeLessThan(0.05);
    expect(mix.overseas).toBeGreaterThan(0.002);
    expect(mix.instalments).toBeGreaterThan(0.002);
    expect(mix.channels).toBe(4);
    expect(mix.categories).toBeGreaterThanOrEqual(15);
    expect(mix.products).toBeGreaterThanOrEqual(6);
    expect(mix.two_cards).toBeGreaterThan(0.1);
    expect(mix.statuses).toBeGreaterThanOrEqual(4);
    expect(mix.revolving).toBeGreaterThan(0.05);
  });

  it('splits spend by category the way a Chinese card portfolio does (README: Spend mix)', async () => {
    // Plausible bands for the share of spend by amount, wide enough for a 2,000-customer sample (shares move
    // by about a point between seeds) and narrow enough to catch the old calibration (education 17 %, dining 3 %).
    const bands: Record<string, readonly [number, number]> = {
      online_shopping: [0.12, 0.25], shopping: [0.1, 0.22], travel: [0.1, 0.22], dining: [0.07, 0.15],
      supermarket: [0.06, 0.14], education: [0.02, 0.06], mother_baby: [0.015, 0.06], entertainment: [0.02, 0.06],
      automotive: [0.02, 0.06], fuel: [0.02, 0.06], health: [0.015, 0.05], financial: [0.01, 0.05], cash: [0.005, 0.04],
      transport: [0.01, 0.04], utilities: [0.005, 0.04], other: [0.003, 0.03],
    };
    const rows = await store.db.all<{ category: string; share: number }>(
      'SELECT category, sum(amount)::DOUBLE / sum(sum(amount)::DOUBLE) OVER () AS share FROM transactions GROUP BY category',
    );
    const outside = rows.filter(({ category, share }) => {
      const [lo, hi] = bands[category] ?? [0, 0];
      return share < lo || share > hi;
    });
    expect(outside.map((r) => `${r.category} ${(100 * r.share).toFixed(1)} %`)).toEqual([]);
    expect(rows.map((r) => r.category).sort()).toEqual(Object.keys(bands).sort());
    const leaders = ['dining', 'travel', 'shopping', 'online_shopping', 'supermarket'];
    expect(rows.filter((r) => leaders.includes(r.category)).reduce((sum, r) => sum + r.share, 0)).toBeGreaterThan(0.6);
  });

  it('keeps the planted truth out of the data contract', async () => {
    for (const name of truthTableNames) expect(contractTable(name)).toBeUndefined();
    expect(contractTables.some((t) => t.name.startsWith('truth_'))).toBe(false);
    const truth = await store.db.one<{ n: number; p: number }>(
      'SELECT count(*)::INT AS n, avg(churn_propensity) AS p FROM truth_customers');
    expect(truth?.n).toBe(2000);
    expect(truth?.p).toBeGreaterThan(0.05);
    expect(truth?.p).toBeLessThan(0.4);
  });
});
