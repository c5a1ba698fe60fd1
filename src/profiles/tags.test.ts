import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../core';
import { quoteIdent } from '../db';
import { refreshProfile } from '../tags';
import { customerViewSchema, tagExplanationSchema, tagsSectionSchema } from './schema';
import { profileFixture, type ProfileFixture } from './test-fixture';

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

  it('explains a behaviour tag with its window and input rows', async () => {
    const e = tagExplanationSchema.parse(await get('/tags/spend_90d/explain'));
    expect(e.definition.code).toBe('spend_90d');
    expect(e.window?.until).toBeDefined();
    expect(e.inputs.length).toBeGreaterThan(0);
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
