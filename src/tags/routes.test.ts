import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/schema';
import { addUser, loginCookie, startTestServer, type TestServer } from '../test-support/test-server';
import { callAs, jsonOf } from '../test-support/api-calls';
import type { TagDefinitionInput } from './definition-schema';
import { builtinTags } from './library';
import { refreshProfile } from './refresh';
import { loadScenario } from './scenario-fixture';

// The tag catalogue's HTTP edge over the hand-made portfolio of refresh.test.ts (as of 2025-06-30), through a
// real server on loopback: the catalogue, a refused definition with its position, a preview, and roles.

let server: TestServer;
const cookies = new Map<Role, string>();

const call = callAs(() => server.base, cookies);

const dining30d: TagDefinitionInput = {
  code: 'spend_dining_net_30d',
  name_zh: '餐饮净消费（近30天）',
  name_en: 'Net dining spend, 30d',
  dimension: 'behaviour',
  type: 'number',
  spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', filter: "category = 'dining'", window: '30d' },
  description: 'Dining purchases less refunds in the 30 days to the as-of date.',
};

interface Refusal {
  error: { code: string; message: string; details: { issues: Array<{ field: string; position?: number; message: string }> } };
}

beforeAll(async () => {
  server = await startTestServer();
  await loadScenario(server.db);
  await refreshProfile(server.db);
  for (const role of ['admin', 'analyst', 'agent', 'auditor'] as const) {
    await addUser(server.db, `${role}1`, role);
    cookies.set(role, await loginCookie(server.base, `${role}1`));
  }
}, 60_000);
afterAll(async () => server?.close());

describe('tag routes over HTTP', () => {
  it('lists the whole catalogue with coverage to every role, and filters by dimension', async () => {
    const all = await jsonOf<{ asOf: string; tags: Array<{ code: string; dimension: string; coverage: number | null }> }>(
      await call('auditor', 'GET', '/api/tags'),
    );
    expect(all.asOf).toBe('2025-06-30');
    expect(all.tags.map((t) => t.code).sort()).toEqual(builtinTags.map((t) => t.code).sort());
    // Card tier is the best open card: C3's only card is closed, so 2 customers of 3 have one.
    expect(all.tags.find((t) => t.code === 'card_tier')?.coverage).toBeCloseTo(2 / 3, 9);
    const risk = await jsonOf<{ tags: Array<{ dimension: string }> }>(await call('agent', 'GET', '/api/tags?dimension=risk'));
    expect(risk.tags.length).toBe(builtinTags.filter((t) => t.dimension === 'risk').length);
    expect(new Set(risk.tags.map((t) => t.dimension))).toEqual(new Set(['risk']));
  });

  it('refuses a custom tag whose filter does not parse, with the field and position, and saves nothing', async () => {
    const bad = { ...dining30d, spec: { ...dining30d.spec, filter: "category = 'dining' and" } };
    const refused = await jsonOf<Refusal>(await call('analyst', 'POST', '/api/tags', bad), 422);
    expect(refused.error.code).toBe('definition_invalid');
    expect(refused.error.details.issues[0]).toMatchObject({ field: 'spec.filter', position: 23 });
    expect((await call('analyst', 'GET', `/api/tags/${dining30d.code}`)).status).toBe(404);
    // Malformed JSON shape is a plain 400 from the schema check, before the capability sees it.
    expect((await call('analyst', 'POST', '/api/tags', [1, 2])).status).toBe(400);
    expect((await call('agent', 'POST', '/api/tags', dining30d)).status).toBe(403);
  });

  it('previews a definition over the current data without saving it', async () => {
    const preview = await jsonOf<{ asOf: string; customers: number; sample: Array<{ customer_id: string; value: unknown }> }>(
      await call('analyst', 'POST', '/api/tags/preview', dining30d),
    );
    expect([preview.asOf, preview.customers]).toEqual(['2025-06-30', 3]);
    // C1: a 100 dinner on 30 June less a 50 refund on 10 June; T2-T3 are not dining.
    expect(preview.sample.find((s) => s.customer_id === 'C1')?.value).toBe(50);
    expect((await call('analyst', 'GET', `/api/tags/${dining30d.code}`)).status).toBe(404);
    expect((await call('auditor', 'POST', '/api/tags/preview', dining30d)).status).toBe(403);
  });

  it('reads the profile as it was on a date from the latest snapshot on or before it, audited', async () => {
    type AsOf = { snapshot: { snapshotId: string; asOf: string }; rows: Array<Record<string, unknown>> };
    const one = await jsonOf<AsOf>(await call('analyst', 'GET', '/api/tags/history/as-of?date=2025-07-15&customer=C1'));
    expect(one.snapshot.asOf).toBe('2025-06-30');
    expect(one.rows.map((r) => r.customer_id)).toEqual(['C1']);
    const live = await server.db.one<{ spend_90d: number; card_tier: string }>("SELECT spend_90d, card_tier::VARCHAR AS card_tier FROM profile WHERE customer_id = 'C1'");
    expect(one.rows[0]).toMatchObject({ spend_90d: live?.spend_90d, card_tier: live?.card_tier });
    const two = await jsonOf<AsOf>(await call('analyst', 'GET', '/api/tags/history/as-of?date=2025-06-30&customer=C3&customer=C1'));
    expect(two.rows.map((r) => r.customer_id)).toEqual(['C1', 'C3']);
    const audited = await server.db.one<{ actor: string; target: string; details: string }>(
      "SELECT actor, target, details::VARCHAR AS details FROM audit_log WHERE action = 'profile.as_of' ORDER BY seq DESC LIMIT 1",
    );
    expect(audited).toMatchObject({ actor: 'analyst1', target: one.snapshot.snapshotId });
    expect(JSON.parse(audited?.details ?? '{}')).toMatchObject({ date: '2025-06-30', rows: 2 });
    // Before the first snapshot there is no profile to read: nothing later leaks in.
    const before = await call('analyst', 'GET', '/api/tags/history/as-of?date=2025-06-29');
    expect(before.status).toBe(404);
    expect((await call('analyst', 'GET', '/api/tags/history/as-of?date=30/06/2025')).status).toBe(400);
    expect((await call('agent', 'GET', '/api/tags/history/as-of?date=2025-06-30')).status).toBe(403);
  });

  it('shows the snapshot retention to every role and lets administrators change it', async () => {
    expect(await jsonOf(await call('auditor', 'GET', '/api/tags/history/retention'))).toEqual({ keep: 12 });
    expect((await call('analyst', 'PUT', '/api/tags/history/retention', { keep: 3 })).status).toBe(403);
    expect((await call('admin', 'PUT', '/api/tags/history/retention', { keep: 0 })).status).toBe(400);
    const set = await jsonOf<{ retention: unknown; dropped: string[] }>(await call('admin', 'PUT', '/api/tags/history/retention', { keep: 5, maxAgeDays: 400 }));
    expect(set).toEqual({ retention: { keep: 5, maxAgeDays: 400 }, dropped: [] });
    expect(await jsonOf(await call('agent', 'GET', '/api/tags/history/retention'))).toEqual({ keep: 5, maxAgeDays: 400 });
  });
});
