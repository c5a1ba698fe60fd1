import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFamilies } from './definition-schema';
import { countRule } from './count';
import { createSegment, getSegment, listSegments } from './definition-store';
import { customerSegments } from './customer-segments';
import { computePersonas } from './personas/compute';
import { snapshotAllSegments } from './snapshot-store';
import { generatedStore, type Store } from './test-fixture';

// On a generated portfolio with a real tag refresh: counts against SQL written by hand over the raw tables,
// the built-in families as partitions, and personas against the generator's planted truth.

const asOf = "(SELECT max(CAST(ts + INTERVAL 8 HOUR AS DATE)) FROM transactions)";
const txnDays = `(SELECT customer_id, CAST(ts + INTERVAL 8 HOUR AS DATE) AS day, amount, category, is_overseas FROM transactions)`;

const independent: ReadonlyArray<readonly [rule: string, sql: string]> = [
  [
    'spend_90d >= 3000 and txn_count_30d >= 2',
    `SELECT count(*) AS n FROM (
       SELECT customer_id, sum(amount) AS spend, count(*) FILTER (WHERE day > ${asOf} - 30 AND amount >= 0) AS purchases
       FROM ${txnDays} WHERE day > ${asOf} - 90 GROUP BY customer_id)
     WHERE spend >= 3000 AND purchases >= 2`,
  ],
  [
    "count(txn where category = 'travel' and is_overseas, 90d) >= 1 and spend_90d >= 1000",
    `SELECT count(*) AS n FROM (
       SELECT customer_id, sum(amount) AS spend, count(*) FILTER (WHERE category = 'travel' AND is_overseas) AS trips
       FROM ${txnDays} WHERE day > ${asOf} - 90 GROUP BY customer_id)
     WHERE trips >= 1 AND spend >= 1000`,
  ],
  [
    "card_tier in ('platinum', 'diamond')",
    `SELECT count(DISTINCT a.customer_id) AS n FROM accounts a JOIN products p USING (product_code)
     WHERE a.status <> 'closed' AND p.tier IN ('platinum', 'diamond')`,
  ],
  [
    'days_since_last_txn > 60 or days_since_last_txn is null',
    `SELECT count(*) AS n FROM customers c LEFT JOIN (
       SELECT customer_id, max(day) AS last FROM ${txnDays} WHERE amount >= 0 GROUP BY customer_id) t USING (customer_id)
     WHERE t.last IS NULL OR ${asOf} - t.last > 60`,
  ],
];

/** Adjusted Rand index of two labellings of the same items (1 = identical partitions, 0 = chance). */
function adjustedRand(a: readonly string[], b: readonly string[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const tally = (keys: readonly string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + pairs(v), 0);
  const joint = sum(tally(a.map((x, i) => `${x}\u0000${b[i]}`)));
  const [sa, sb] = [sum(tally(a)), sum(tally(b))];
  const expected = (sa * sb) / pairs(a.length);
  return (joint - expected) / ((sa + sb) / 2 - expected);
}

describe('segments on a generated portfolio', () => {
  let store: Store;
  beforeAll(async () => {
    store = await generatedStore(1500, 7);
  }, 300_000);
  afterAll(() => store.cleanup());

  it.each(independent)('counts %s as SQL over the raw tables does', async (rule, sql) => {
    const expected = (await store.db.one<{ n: number }>(sql))?.n;
    const result = await countRule(store.db, rule);
    expect(result.count).toBe(expected);
    expect(result.count).toBeGreaterThan(0);
    expect(result.total).toBe(1500);
    expect(result.asOf).toBe('2026-10-31');
  });

  it('recovers the planted personas with k-means on spend shares, and names them for marketers', async () => {
    const run = await computePersonas(store.db, { seed: 20261 });
    expect(run.customers).toBe(1500);
    expect(run.clusters.reduce((s, c) => s + c.size, 0)).toBe(1500);
    const rows = await store.db.all<{ persona: string; truth: string }>(
      'SELECT cp.persona, t.persona AS truth FROM customer_personas cp JOIN truth_customers t USING (customer_id) ORDER BY customer_id',
    );
    const byCluster = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const m = byCluster.get(r.persona) ?? new Map<string, number>();
      byCluster.set(r.persona, m.set(r.truth, (m.get(r.truth) ?? 0) + 1));
    }
    const purity = [...byCluster.values()].reduce((s, m) => s + Math.max(...m.values()), 0) / rows.length;
    const ari = adjustedRand(rows.map((r) => r.persona), rows.map((r) => r.truth));
    // Measured on this portfolio (seed 7, 1,500 customers): purity 0.77, adjusted Rand 0.53 (README: Personas).
    expect(purity).toBeGreaterThanOrEqual(0.7);
    expect(ari).toBeGreaterThanOrEqual(0.45);
    // The cluster most of each clearly planted persona lands in carries the name a marketer would give it.
    const home = (truth: string) => {
      const counts = new Map<string, number>();
      for (const r of rows) if (r.truth === truth) counts.set(r.persona, (counts.get(r.persona) ?? 0) + 1);
      return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
    };
    expect({
      foodie: home('foodie'),
      business_traveller: home('business_traveller'),
      young_family: home('young_family'),
      revolver: home('revolver'),
      dormant: home('dormant'),
    }).toEqual({
      foodie: 'foodie',
      business_traveller: 'business_traveller',
      young_family: 'family',
      revolver: 'revolver',
      dormant: 'dormant',
    });
    // Online shoppers may fill two clusters (told apart by spend); premium spenders travel a lot too and at
    // k = 8 sometimes share the travellers' cluster (measured across seeds: README, Personas).
    expect(home('young_online_shopper')).toMatch(/^online_shopper/);
    expect(['premium', 'business_traveller']).toContain(home('high_value'));
    const foodie = run.clusters.find((c) => c.code === 'foodie');
    expect(foodie).toMatchObject({ nameZh: '美食达人', nameEn: 'Foodie', method: 'kmeans', segmentId: 'seg_persona_foodie' });
    expect(foodie?.profile.topCategories).toContain('dining');
    // Its segment says what sets it apart in both languages, from the same categories.
    const foodieSegment = await getSegment(store.db, 'seg_persona_foodie');
    expect(foodieSegment.description).toMatch(/^Spends more than the portfolio on .*dining/);
    expect(foodieSegment.descriptionZh).toMatch(/餐饮美食.*消费占比高于全体客户。$/);
    // Same profile, same seed: the same assignment.
    const again = await computePersonas(store.db, { seed: 20261 });
    expect(again.clusters.map((c) => [c.code, c.size])).toEqual(run.clusters.map((c) => [c.code, c.size]));
  }, 120_000);

  it('makes each built-in family a partition of the customers', async () => {
    const { snapshots, failed } = await snapshotAllSegments(store.db);
    expect(failed).toEqual([]);
    for (const family of builtinFamilies) {
      const ids = new Set((await listSegments(store.db, { family })).map((s) => s.id));
      const sizes = snapshots.filter((s) => ids.has(s.segmentId)).map((s) => s.size);
      const distinct = await store.db.one<{ n: number }>(
        `SELECT count(DISTINCT customer_id)::INT AS n FROM segment_memberships
         WHERE snapshot_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
        [JSON.stringify(snapshots.filter((s) => ids.has(s.segmentId)).map((s) => s.snapshotId))],
      );
      expect([family, sizes.reduce((a, b) => a + b, 0), distinct?.n]).toEqual([family, 1500, 1500]);
    }
  }, 120_000);

  it('puts each customer in the RFM segment their rfm_segment tag names', async () => {
    const { snapshots } = await snapshotAllSegments(store.db);
    const rfm = (await listSegments(store.db, { family: 'rfm' })).map((seg) => seg.id);
    expect(rfm.length).toBe(11);
    // Each customer's RFM segment (one: the family is a partition) beside their tag value, from the stores.
    const rows = await store.db.all<{ customer_id: string; segment: string; tag: string | null }>(
      `SELECT m.customer_id, replace(m.segment_id, 'seg_rfm_', '') AS segment, p.rfm_segment::VARCHAR AS tag
       FROM segment_memberships m JOIN profile p USING (customer_id)
       WHERE m.snapshot_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))`,
      [JSON.stringify(snapshots.filter((x) => rfm.includes(x.segmentId)).map((x) => x.snapshotId))],
    );
    expect(rows.length).toBe(1500);
    expect(rows.filter((row) => row.segment !== row.tag)).toEqual([]);
    // Not one group for everybody: the grid spreads a real portfolio over most of its cells.
    expect(new Set(rows.map((row) => row.tag)).size).toBeGreaterThanOrEqual(8);
  }, 120_000);

  it('gives each customer in the 360° exactly the segments whose snapshot holds them', async () => {
    // Interpreted rules (tags only) and SQL ones (a window, the persona) side by side with built-ins.
    await createSegment(store.db, { nameZh: '境外旅行', nameEn: 'Overseas travel', rule: "count(txn where category = 'travel' and is_overseas, 90d) >= 1" }, 'test');
    const persona = (await store.db.one<{ code: string }>('SELECT persona AS code FROM customer_personas LIMIT 1'))?.code ?? '';
    await createSegment(store.db, { nameZh: '画像', nameEn: 'Persona', rule: `persona = '${persona}' and spend_90d > 0` }, 'test');
    await createSegment(store.db, { nameZh: '金卡活跃', nameEn: 'Gold active', rule: "card_tier in ('gold', 'platinum') and days_since_last_txn <= 30 and age between 25 and 45" }, 'test');
    const { snapshots, failed } = await snapshotAllSegments(store.db);
    expect(failed).toEqual([]);
    const members = await store.db.all<{ customer_id: string; ids: string[] }>(
      `SELECT c.customer_id, list(s.segment_id ORDER BY s.segment_id) FILTER (WHERE s.segment_id IS NOT NULL) AS ids
       FROM (SELECT customer_id FROM customers ORDER BY hash(customer_id) LIMIT 60) c
       LEFT JOIN (SELECT customer_id, segment_id FROM segment_memberships
                  WHERE snapshot_id IN (SELECT unnest(from_json($1, '["VARCHAR"]')))) s USING (customer_id)
       GROUP BY c.customer_id`,
      [JSON.stringify(snapshots.map((s) => s.snapshotId))],
    );
    let kinds = 0;
    for (const { customer_id, ids } of members) {
      const got = (await customerSegments(store.db, customer_id)).map((s) => s.id).sort();
      expect([customer_id, got]).toEqual([customer_id, ids ?? []]);
      kinds += got.length;
    }
    expect(kinds).toBeGreaterThan(60 * 4); // every customer is in one group of each of the four families at least
  }, 120_000);
});
