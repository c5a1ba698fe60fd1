import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../core';
import { quoteIdent } from '../db';
import { computeOnDemandTag, refreshProfile, saveTag } from '../tags';
import { customerViewSchema, tagExplanationSchema, tagsSectionSchema } from './schema';
import { profileFixture, type ProfileFixture } from './test-fixture';

const shanghaiDay = "CAST(timezone('Asia/Shanghai', timezone('UTC', ts)) AS DATE)";

// Tags in the 360° view, read from the tag capability's profile and snapshots after two real refreshes
// (a month apart, each keeping a snapshot), and explanations with personal fields left out.
describe('tags in the 360° view over HTTP', () => {
  let fx: ProfileFixture;
  let customerId: string;
  let asOf: string;
  let earlier: string;

  beforeAll(async () => {
    fx = await profileFixture();
    const first = await refreshProfile(fx.server.db);
    asOf = first.asOf;
    earlier = addDays(asOf, -30);
    await refreshProfile(fx.server.db, { asOf: earlier });
    await refreshProfile(fx.server.db);
    const row = await fx.server.db.one<{ customer_id: string }>(
      `SELECT customer_id FROM service_interactions GROUP BY 1 HAVING count(*) >= 2
       INTERSECT SELECT customer_id FROM transactions WHERE ts >= $from::TIMESTAMP ORDER BY 1 LIMIT 1`,
      { from: addDays(asOf, -20) },
    );
    customerId = row?.customer_id as string;
  });
  afterAll(() => fx.close());

  const get = async (path: string) => {
    const { status, body } = await fx.get('analyst', `/api/customers/${customerId}${path}`, 'en-US');
    expect(status, JSON.stringify(body)).toBe(200);
    return body;
  };

  it('shows the current values grouped by dimension, equal to the profile row', async () => {
    const view = customerViewSchema.parse(await get(''));
    if (!view.tags.available) throw new Error(`tags unavailable: ${view.tags.reason['en-US']}`);
    expect(view.tags.asOf).toBe(asOf);
    const profile = await fx.server.db.one<Record<string, unknown>>('SELECT * FROM profile WHERE customer_id = $id', { id: customerId });
    const tags = view.tags.groups.flatMap((g) => g.tags);
    expect(tags.length).toBeGreaterThanOrEqual(60);
    expect(new Set(view.tags.groups.map((g) => g.dimension)).size).toBe(view.tags.groups.length);
    for (const t of tags.filter((x) => x.type === 'number')) {
      const expected = profile?.[t.code];
      if (typeof expected === 'number') expect(t.value, t.code).toBeCloseTo(expected, 6);
      else expect(t.value, t.code).toBeNull();
    }
  });

  it('gives each tag its values across snapshots, oldest first (sparklines)', async () => {
    const section = tagsSectionSchema.parse(await get('/tags'));
    if (!section.available) throw new Error('tags unavailable');
    expect(section.snapshots).toBe(2);
    const spend = section.groups.flatMap((g) => g.tags).find((t) => t.code === 'spend_90d');
    expect(spend?.history.map((h) => h.asOf)).toEqual([earlier, asOf]);
    expect(spend?.history[1]?.value).toEqual(spend?.value);
    const snapshot = await fx.server.db.one<{ table_name: string }>('SELECT table_name FROM profile_snapshots WHERE as_of = $d::DATE', { d: earlier });
    const then = await fx.server.db.one<{ v: number | null }>(
      `SELECT spend_90d::DOUBLE AS v FROM ${quoteIdent(snapshot?.table_name as string)} WHERE customer_id = $id`,
      { id: customerId },
    );
    expect(spend?.history[0]?.value).toBeCloseTo(then?.v ?? NaN, 6);
  });

  // The explanation is checked against the raw transactions, with the Shanghai day taken through ICU's time
  // zone rules (the engine uses integer arithmetic on a fixed +8 offset), so a wrong window, a dropped filter
  // or rows from the wrong day make the two disagree.
  describe('explains a behaviour tag from the raw transactions', () => {
    // spend_90d: net spend (refunds count, negative) over the 90 Shanghai days ending at the as-of date.
    const inWindow = `customer_id = $id AND ${shanghaiDay} BETWEEN $from::DATE AND $to::DATE`;
    let windowed: string;

    beforeAll(async () => {
      // A customer whose 90 days hold a refund and who also bought on the day just before the window, so a
      // window one day too wide or a filter on refunds changes the explanation; fewer than 100 rows, so
      // the explanation lists them all.
      const row = await fx.server.db.one<{ customer_id: string }>(
        `SELECT customer_id FROM transactions GROUP BY 1
         HAVING count(*) FILTER (WHERE ${shanghaiDay} BETWEEN $from::DATE AND $to::DATE AND amount < 0) > 0
            AND count(*) FILTER (WHERE ${shanghaiDay} = $before::DATE) > 0
            AND count(*) FILTER (WHERE ${shanghaiDay} BETWEEN $from::DATE AND $to::DATE) BETWEEN 2 AND 100
         ORDER BY 1 LIMIT 1`,
        { from: addDays(asOf, -89), to: asOf, before: addDays(asOf, -90) },
      );
      if (!row) throw new Error('the portfolio has no customer with a refund in 90 days and a purchase the day before');
      windowed = row.customer_id;
    });

    const explain = async (code: string) => {
      const { status, body } = await fx.get('analyst', `/api/customers/${windowed}/tags/${code}/explain`, 'en-US');
      expect(status, JSON.stringify(body)).toBe(200);
      return tagExplanationSchema.parse(body);
    };
    const rawRows = async (extra = '') =>
      fx.server.db.all<{ ts: Date; amount: number }>(
        `SELECT ts, amount::DOUBLE AS amount FROM transactions WHERE ${inWindow} ${extra} ORDER BY ts, amount`,
        { id: windowed, from: addDays(asOf, -89), to: asOf },
      );
    // An input row as (timestamp, amount), sorted, to compare with the raw rows regardless of order.
    const keyed = (rows: ReadonlyArray<Record<string, unknown>>) =>
      rows.map((r) => `${new Date(r.ts as string | Date).toISOString()} ${Number(r.amount).toFixed(2)}`).sort();

    it('spend_90d: the 90-day window, every transaction in it (refunds too), summing to the profile value', async () => {
      const e = await explain('spend_90d');
      expect(e.customerId).toBe(windowed);
      expect(e.asOf).toBe(asOf);
      expect(e.definition.spec).toEqual({ kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', window: '90d' });
      // `from` inclusive, `until` exclusive: the 90 days asOf−89 … asOf.
      expect(e.window).toEqual({ from: addDays(asOf, -89), until: addDays(asOf, 1) });
      expect(e.inputsTruncated).toBe(false);

      const raw = await rawRows();
      expect(keyed(e.inputs)).toEqual(keyed(raw));
      expect(e.inputs.every((r) => typeof r.day === 'string' && r.day >= addDays(asOf, -89) && r.day <= asOf)).toBe(true);
      expect(e.inputs.some((r) => Number(r.amount) < 0)).toBe(true);

      const independent = await fx.server.db.one<{ v: number }>(
        `SELECT sum(amount)::DOUBLE AS v FROM transactions WHERE ${inWindow}`,
        { id: windowed, from: addDays(asOf, -89), to: asOf },
      );
      const profile = await fx.server.db.one<{ v: number }>('SELECT spend_90d::DOUBLE AS v FROM profile WHERE customer_id = $id', {
        id: windowed,
      });
      expect(independent?.v).toBeCloseTo(profile?.v ?? NaN, 2);
      expect(e.value).toBeCloseTo(independent?.v ?? NaN, 2);
      expect(e.inputs.reduce((s, r) => s + Number(r.amount), 0)).toBeCloseTo(independent?.v ?? NaN, 2);
    });

    it('txn_count_90d: only the rows its filter keeps (purchases), as many as the profile counts', async () => {
      const e = await explain('txn_count_90d');
      expect(e.definition.spec).toEqual({ kind: 'dynamic', source: 'txn', aggregate: 'count', filter: 'not is_refund', window: '90d' });
      expect(e.window).toEqual({ from: addDays(asOf, -89), until: addDays(asOf, 1) });
      const purchases = await rawRows('AND amount >= 0');
      expect(keyed(e.inputs)).toEqual(keyed(purchases));
      expect(e.value).toBe(purchases.length);
      const profile = await fx.server.db.one<{ v: number }>('SELECT txn_count_90d::DOUBLE AS v FROM profile WHERE customer_id = $id', {
        id: windowed,
      });
      expect(profile?.v).toBe(purchases.length);
    });
  });

  it('leaves what the customer said out of an explanation, whatever the role', async () => {
    const contacted = await fx.server.db.one<{ customer_id: string }>(
      'SELECT customer_id FROM service_interactions WHERE ts >= $from::TIMESTAMP ORDER BY 1 LIMIT 1',
      { from: addDays(asOf, -60) },
    );
    const { status, body } = await fx.get('agent', `/api/customers/${contacted?.customer_id}/tags/service_contact_count_90d/explain`);
    expect(status).toBe(200);
    const e = tagExplanationSchema.parse(body);
    expect(e.inputs.length).toBeGreaterThan(0);
    expect(e.inputs.every((row) => !('text' in row) && 'category' in row)).toBe(true);
  });

  it('still reads the profile after a refresh swaps the table under a prepared statement', async () => {
    customerViewSchema.parse(await get(''));
    await refreshProfile(fx.server.db, { asOf: addDays(asOf, -1) });
    const view = customerViewSchema.parse(await get(''));
    if (!view.tags.available) throw new Error('tags unavailable');
    expect(view.tags.asOf).toBe(addDays(asOf, -1));
    const row = await fx.server.db.one<{ v: number }>('SELECT spend_90d::DOUBLE AS v FROM profile WHERE customer_id = $id', { id: customerId });
    const shown = view.tags.groups.flatMap((g) => g.tags).find((t) => t.code === 'spend_90d');
    expect(shown?.value).toBeCloseTo(row?.v ?? NaN, 6);
  });

  it('answers an unknown customer or tag with 404', async () => {
    expect((await fx.get('analyst', '/api/customers/C99999999/tags')).status).toBe(404);
    expect((await fx.get('analyst', '/api/customers/C99999999/tags/spend_90d/explain')).status).toBe(404);
    expect((await fx.get('analyst', `/api/customers/${customerId}/tags/no_such_tag/explain`)).status).toBe(404);
  });
});

describe('segments in the 360° view', () => {
  let fx: ProfileFixture;
  beforeAll(async () => {
    fx = await profileFixture();
    await refreshProfile(fx.server.db);
  });
  afterAll(() => fx.close());

  it("lists the built-in lifecycle segment that matches the customer's lifecycle stage, and only that one", async () => {
    const row = await fx.server.db.one<{ customer_id: string; stage: string }>(
      'SELECT customer_id, lifecycle_stage AS stage FROM profile WHERE lifecycle_stage IS NOT NULL ORDER BY customer_id LIMIT 1',
    );
    const lifecycle = await fx.server.db.all<{ id: string; rule: string }>(
      "SELECT segment_id AS id, rule FROM segments WHERE deleted_at IS NULL AND rule LIKE 'lifecycle_stage = %'",
    );
    expect(lifecycle.length).toBeGreaterThan(1);
    const { status, body } = await fx.get('analyst', `/api/customers/${row?.customer_id}`, 'en-US');
    expect(status).toBe(200);
    const view = customerViewSchema.parse(body);
    if (!view.segments.available) throw new Error(`segments unavailable: ${view.segments.reason['en-US']}`);
    const ids = new Set(view.segments.items.map((s) => s.segmentId));
    const expected = lifecycle.filter((s) => s.rule === `lifecycle_stage = '${row?.stage}'`).map((s) => s.id);
    expect(expected).toHaveLength(1);
    expect(lifecycle.filter((s) => ids.has(s.id)).map((s) => s.id)).toEqual(expected);
  });
});

describe('on-demand tags in the 360° view', () => {
  let fx: ProfileFixture;
  const onDemand = {
    code: 'dining_max_od_90d',
    name_zh: '最大餐饮消费（近90天，按需）',
    name_en: 'Largest dining payment, 90d (on demand)',
    dimension: 'behaviour',
    type: 'number',
    refresh: 'on_demand',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'max', field: 'amount', filter: "category = 'dining'", window: '90d' },
    description: 'The largest dining payment in 90 days, computed when asked.',
  };
  beforeAll(async () => {
    fx = await profileFixture();
    await saveTag(fx.server.db, onDemand, 'ana', 'create');
  });
  afterAll(() => fx.close());

  const viewOf = async (customerId: string) => {
    const { status, body } = await fx.get('analyst', `/api/customers/${customerId}`, 'en-US');
    expect(status).toBe(200);
    const view = customerViewSchema.parse(body);
    if (!view.tags.available) throw new Error(`tags unavailable: ${view.tags.reason['en-US']}`);
    return { asOf: view.tags.asOf, tags: new Map(view.tags.groups.flatMap((g) => g.tags).map((t) => [t.code, t])) };
  };

  it("dates an on-demand tag's value by its computation, not by the profile, and explains it over its own window", async () => {
    const { asOf } = await refreshProfile(fx.server.db);
    const diner = await fx.server.db.one<{ customer_id: string }>(
      `SELECT customer_id FROM transactions WHERE category = 'dining' AND ${shanghaiDay} > $1::DATE - 30 ORDER BY customer_id LIMIT 1`,
      [asOf],
    );
    const id = diner?.customer_id as string;
    const before = await viewOf(id);
    expect(before.tags.get(onDemand.code)).toMatchObject({ value: null, computedAsOf: null });
    expect(before.tags.get('spend_90d')).not.toHaveProperty('computedAsOf');

    await computeOnDemandTag(fx.server.db, onDemand.code, { by: 'ana' });
    // A backfill to an earlier day must not see values computed later: they read as empty, undated.
    const earlier = addDays(asOf, -10);
    await refreshProfile(fx.server.db, { asOf: earlier });
    const backfilled = await viewOf(id);
    expect(backfilled.asOf).toBe(earlier);
    expect(backfilled.tags.get(onDemand.code)).toMatchObject({ value: null, computedAsOf: null });
    // A later refresh reads them, dated by their computation.
    const later = addDays(asOf, 1);
    await refreshProfile(fx.server.db, { asOf: later });
    const after = await viewOf(id);
    expect(after.asOf).toBe(later);
    const truth = await fx.server.db.one<{ v: number }>(
      `SELECT max(amount)::DOUBLE AS v FROM transactions
       WHERE customer_id = $1 AND category = 'dining' AND ${shanghaiDay} BETWEEN $2::DATE - 89 AND $2::DATE`,
      [id, asOf],
    );
    expect(after.tags.get(onDemand.code)).toMatchObject({ computedAsOf: asOf, value: truth?.v });

    const { status, body } = await fx.get('analyst', `/api/customers/${id}/tags/${onDemand.code}/explain`);
    expect(status).toBe(200);
    const explanation = tagExplanationSchema.parse(body);
    expect(explanation.asOf).toBe(asOf);
    expect(explanation.window?.until).toBe(addDays(asOf, 1));
  });
});
