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

// A custom tag's life over HTTP (create, update, delete), then drift between two snapshots. These run after
// the tests above on the same server; the tag they create is deleted again before the drift test refreshes.
describe('custom tags and drift over HTTP', () => {
  type Detail = { definition: Record<string, unknown>; builtin: boolean };
  type ErrorBody = { error: { code: string; messages: { 'en-US': string } } };
  const code = dining30d.code;
  const detail = async (c: string) => jsonOf<Detail>(await call('auditor', 'GET', `/api/tags/${c}`));
  const lastAudit = async (action: string) =>
    server.db.one<{ actor: string; target: string; details: string }>(
      'SELECT actor, target, details::VARCHAR AS details FROM audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1',
      [action],
    );

  it('creates a custom tag that GET and the catalogue then show, owned by whoever saved it; audited', async () => {
    expect((await call('auditor', 'POST', '/api/tags', dining30d)).status).toBe(403);
    expect((await call('analyst', 'GET', `/api/tags/${code}`)).status).toBe(404);

    const saved = await jsonOf<Record<string, unknown>>(await call('analyst', 'POST', '/api/tags', dining30d));
    // The schema's defaults filled in; the owner is the user who saved it (the definition names none).
    const expected = { ...dining30d, refresh: 'daily', owner: 'analyst1', version: 1 };
    expect(saved).toEqual(expected);
    const shown = await detail(code);
    expect(shown).toMatchObject({ definition: expected, builtin: false });
    const list = await jsonOf<{ tags: Array<{ code: string; builtin: boolean; version: number }> }>(
      await call('agent', 'GET', '/api/tags?dimension=behaviour'),
    );
    expect(list.tags.filter((t) => t.code === code)).toEqual([expect.objectContaining({ code, builtin: false, version: 1 })]);
    expect(await lastAudit('tag.create')).toMatchObject({ actor: 'analyst1', target: code });

    // The same code again is a conflict, and the stored version stays 1.
    const again = await jsonOf<ErrorBody>(await call('admin', 'POST', '/api/tags', dining30d), 409);
    expect(again.error.messages['en-US']).toBe(`tag ${code} already exists`);
    expect((await detail(code)).definition.version).toBe(1);
  });

  it('updates it with PUT (a new version, the owner kept); a refused update leaves the stored definition as it was', async () => {
    const changed = { ...dining30d, name_en: 'Dining spend net of refunds, 30d', buckets: { edges: [0, 100, 500] } };
    const saved = await jsonOf<Record<string, unknown>>(await call('admin', 'PUT', `/api/tags/${code}`, changed));
    expect(saved).toEqual({ ...changed, refresh: 'daily', owner: 'analyst1', version: 2 });
    const stored = (await detail(code)).definition;
    expect(stored).toEqual(saved);
    expect(await lastAudit('tag.update')).toMatchObject({ actor: 'admin1', target: code });

    // Refused for each reason in turn; after each, GET gives exactly the version-2 definition.
    const invalid = { ...changed, spec: { ...changed.spec, filter: "category = 'dining' and" } };
    const refusal = await jsonOf<Refusal>(await call('analyst', 'PUT', `/api/tags/${code}`, invalid), 422);
    expect(refusal.error.details.issues[0]).toMatchObject({ field: 'spec.filter', position: 23 });
    expect((await call('auditor', 'PUT', `/api/tags/${code}`, { ...changed, name_en: 'by an auditor' })).status).toBe(403);
    expect((await call('agent', 'PUT', `/api/tags/${code}`, { ...changed, name_en: 'by an agent' })).status).toBe(403);
    expect((await detail(code)).definition).toEqual(stored);

    // The path names the tag: a different code in the body neither renames it nor creates another.
    const renamed = await jsonOf<Record<string, unknown>>(
      await call('analyst', 'PUT', `/api/tags/${code}`, { ...changed, code: 'spend_dining_other_30d' }),
    );
    expect([renamed.code, renamed.version]).toEqual([code, 3]);
    expect((await call('analyst', 'GET', '/api/tags/spend_dining_other_30d')).status).toBe(404);

    // A built-in tag cannot be changed, and a tag that does not exist cannot be updated.
    const builtin = builtinTags.find((t) => t.code === 'spend_90d');
    const refusedBuiltin = await jsonOf<ErrorBody>(
      await call('admin', 'PUT', '/api/tags/spend_90d', { ...builtin, description: 'changed' }),
      409,
    );
    expect(refusedBuiltin.error.code).toBe('conflict');
    expect((await detail('spend_90d')).definition).toEqual(builtin);
    expect((await call('analyst', 'PUT', '/api/tags/spend_dining_none_30d', { ...changed, code: 'spend_dining_none_30d' })).status).toBe(404);
  });

  it('deletes it with DELETE (gone afterwards); a built-in tag cannot be deleted', async () => {
    expect((await call('auditor', 'DELETE', `/api/tags/${code}`)).status).toBe(403);
    expect((await call('agent', 'DELETE', `/api/tags/${code}`)).status).toBe(403);
    expect((await call('analyst', 'GET', `/api/tags/${code}`)).status).toBe(200);

    expect(await jsonOf(await call('analyst', 'DELETE', `/api/tags/${code}`))).toEqual({ ok: true });
    expect((await call('analyst', 'GET', `/api/tags/${code}`)).status).toBe(404);
    const list = await jsonOf<{ tags: Array<{ code: string }> }>(await call('analyst', 'GET', '/api/tags'));
    expect(list.tags.map((t) => t.code).sort()).toEqual(builtinTags.map((t) => t.code).sort());
    const rows = await server.db.one<{ n: number }>('SELECT count(*)::INTEGER AS n FROM tag_definitions WHERE code = $1', [code]);
    expect(rows?.n).toBe(0);
    expect(await lastAudit('tag.delete')).toMatchObject({ actor: 'analyst1', target: code });
    expect((await call('analyst', 'DELETE', `/api/tags/${code}`)).status).toBe(404);

    const refused = await jsonOf<ErrorBody>(await call('admin', 'DELETE', '/api/tags/spend_90d'), 409);
    expect(refused.error.messages['en-US']).toBe('spend_90d is a built-in tag and cannot be deleted');
    expect((await detail('spend_90d')).builtin).toBe(true);
  });

  it('gives the PSI of a tag between two snapshots, with the bins counted from them', async () => {
    // One snapshot so far (2025-06-30): nothing to compare it with.
    expect((await call('analyst', 'GET', '/api/tags/txn_count_30d/drift')).status).toBe(404);

    // A snapshot as of 2025-05-31, then 2025-06-30 again (which replaces the one of that date), so the live
    // profile is as the tests above left it. txn_count_30d counts purchases (refunds excluded) in the 30
    // Shanghai days to the as-of, by hand from scenario-fixture.ts:
    //   as of 2025-05-31 (2 May – 31 May): C1 1 (T3, 23:30 on 31 May), C2 0, C3 0
    //   as of 2025-06-30 (1 – 30 June):    C1 2 (T1, T2 at 00:30 on 1 June; T4 is a refund), C2 1 (T8), C3 0
    // Its buckets [1, 5, …] put 0 in "<1" and 1–2 in "1–5": 2 and 1 customers, then 1 and 2.
    await refreshProfile(server.db, { asOf: '2025-05-31' });
    await refreshProfile(server.db, { asOf: '2025-06-30' });
    const snapshots = await server.db.all<{ snapshot_id: string; as_of: string; table_name: string }>(
      'SELECT snapshot_id, as_of, table_name FROM profile_snapshots ORDER BY as_of',
    );
    expect(snapshots.map((s) => s.as_of)).toEqual(['2025-05-31', '2025-06-30']);
    const [may, june] = snapshots as [(typeof snapshots)[number], (typeof snapshots)[number]];
    const counts = async (table: string) =>
      server.db.all<{ customer_id: string; n: number }>(`SELECT customer_id, txn_count_30d::INTEGER AS n FROM "${table}" ORDER BY 1`);
    expect(await counts(may.table_name)).toEqual([{ customer_id: 'C1', n: 1 }, { customer_id: 'C2', n: 0 }, { customer_id: 'C3', n: 0 }]);
    expect(await counts(june.table_name)).toEqual([{ customer_id: 'C1', n: 2 }, { customer_id: 'C2', n: 1 }, { customer_id: 'C3', n: 0 }]);

    type Drift = { tag: string; from: { snapshotId: string; asOf: string }; to: { snapshotId: string; asOf: string }; psi: number; band: string; bins: unknown[] };
    const drift = await jsonOf<Drift>(await call('agent', 'GET', '/api/tags/txn_count_30d/drift'));
    expect([drift.tag, drift.from.snapshotId, drift.to.snapshotId]).toEqual(['txn_count_30d', may.snapshot_id, june.snapshot_id]);
    // Bins in band order.
    expect(drift.bins).toEqual([
      { label: '<1', expected: 2, actual: 1 },
      { label: '1–5', expected: 1, actual: 2 },
    ]);
    // Shares 2/3, 1/3 against 1/3, 2/3: (1/3 − 2/3)·ln(1/2) + (2/3 − 1/3)·ln 2 = (2/3)·ln 2 ≈ 0.462.
    expect(drift.psi).toBeCloseTo((2 / 3) * Math.log(2), 10);
    expect(drift.band).toBe('major');

    // Snapshots chosen by id, the other way round; a tag whose values did not move has a PSI of 0.
    const back = await jsonOf<Drift>(await call('analyst', 'GET', `/api/tags/txn_count_30d/drift?from=${june.snapshot_id}&to=${may.snapshot_id}`));
    expect(back.bins).toEqual([
      { label: '<1', expected: 1, actual: 2 },
      { label: '1–5', expected: 2, actual: 1 },
    ]);
    expect(back.psi).toBeCloseTo((2 / 3) * Math.log(2), 10);
    const gender = await jsonOf<Drift>(await call('auditor', 'GET', '/api/tags/gender/drift'));
    expect([gender.psi, gender.band]).toEqual([0, 'stable']);

    expect((await call('analyst', 'GET', '/api/tags/txn_count_30d/drift?from=snp_nosuch')).status).toBe(404);
    expect((await call('analyst', 'GET', '/api/tags/no_such_tag/drift')).status).toBe(404);
    expect((await fetch(`${server.base}/api/tags/txn_count_30d/drift`)).status).toBe(401);
  });
});
