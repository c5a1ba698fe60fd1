import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../core/schema';
import { listAudit } from '../security';
import { tempStore } from '../test-support/temp-store';
import { startServer, writeProfile, type TestServer } from './test-fixture';

// Through a real server on loopback: roles, refusals with positions, the live count, and the CSV export
// (masked for every role, audited before any data leaves).

let server: TestServer;

function call(role: Role, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.base}${path}`, {
    method,
    headers: { cookie: server.cookies[role], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect([response.status, text.slice(0, 300)]).toEqual([status, expect.any(String)]);
  return JSON.parse(text) as T;
}

const customers = [
  ['C1', '王小明', '+8613812345678', 'wang.xm@example.com', 6000, 'gold'],
  ['C2', '李雷', '13800000000', 'li.lei@example.com', 100, 'classic'],
  ['C3', '=HYPERLINK("x")', '13900001111', 'h@example.com', 9000, 'platinum'],
] as const;

describe('segments over HTTP', () => {
  let segmentId: string;
  beforeAll(async () => {
    const store = await tempStore();
    for (const [id, name, phone, email] of customers) {
      await store.db.run('INSERT INTO customers (customer_id, name, phone, email, customer_since) VALUES ($1, $2, $3, $4, DATE \'2020-01-01\')', [
        id,
        name,
        phone,
        email,
      ]);
    }
    await writeProfile(
      store.db,
      { customer_id: 'VARCHAR', spend_90d: 'DOUBLE', card_tier: 'VARCHAR' },
      customers.map(([customer_id, , , , spend_90d, card_tier]) => ({ customer_id, spend_90d, card_tier })),
    );
    server = await startServer(store);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await server.store.cleanup();
  });

  it('refuses a bad rule with its position and suggestion, and saves nothing', async () => {
    const refused = await json<{ error: { code: string; message: string; details: { position: number; suggestion: string } } }>(
      await call('analyst', 'POST', '/api/segments', { nameZh: '坏', nameEn: 'Bad', rule: 'spend90d >= 5000' }),
      422,
    );
    expect(refused.error).toMatchObject({ code: 'expression_invalid', details: { position: 0, suggestion: 'spend_90d' } });
    expect(refused.error.message).toContain('第 1 列');
    const list = await json<{ items: unknown[] }>(await call('analyst', 'GET', '/api/segments?kind=rule'));
    expect(list.items).toEqual([]);
    const check = await json<{ valid: boolean; problem: { column: number } }>(
      await call('operator', 'POST', '/api/segments/validate', { rule: 'spend_90d >' }),
    );
    expect(check).toMatchObject({ valid: false, problem: { column: 12 } });
  });

  it('creates, counts live and lets every role read definitions but only makers count', async () => {
    const created = await json<{ id: string; rule: string }>(
      await call('analyst', 'POST', '/api/segments', { nameZh: '高消费', nameEn: 'High spend', rule: 'spend_90d >= 5000' }),
    );
    segmentId = created.id;
    const count = await json<{ count: number; total: number }>(await call('operator', 'POST', '/api/segments/count', { rule: "card_tier != 'classic'" }));
    expect(count).toMatchObject({ count: 2, total: 3 });
    expect((await call('agent', 'POST', '/api/segments/count', { rule: 'true' })).status).toBe(403);
    expect((await call('auditor', 'GET', `/api/segments/${segmentId}`)).status).toBe(200);
    expect((await call('agent', 'POST', '/api/segments', { nameZh: 'x', nameEn: 'x', rule: 'true' })).status).toBe(403);
  });

  it('snapshots and lists who entered', async () => {
    const snapshot = await json<{ size: number; entered: number }>(await call('operator', 'POST', `/api/segments/${segmentId}/snapshots`));
    expect(snapshot).toMatchObject({ size: 2, entered: 2 });
    // The list carries each segment's size: now the snapshot's, for an agent as for anyone.
    const list = await json<{ items: Array<{ id: string; size: unknown }> }>(await call('agent', 'GET', '/api/segments?kind=rule'));
    expect(list.items.find((s) => s.id === segmentId)?.size).toEqual({
      count: 2,
      share: 2 / 3,
      source: 'snapshot',
      asOf: null,
      takenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const events = await json<{ items: Array<{ customerId: string; event: string }> }>(await call('analyst', 'GET', `/api/segments/${segmentId}/events`));
    expect(events.items.map((e) => [e.customerId, e.event])).toEqual([
      ['C1', 'entered'],
      ['C3', 'entered'],
    ]);
  });

  it.each(['analyst', 'admin'] as const)('exports masked CSV to %s and audits it first', async (role) => {
    const response = await call(role, 'GET', `/api/segments/${segmentId}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // Buffer, not response.text(): the fetch decoder drops a byte-order mark, and the mark is what Excel needs.
    const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
    expect(text.startsWith('\ufeffcustomer_id,name,phone,email,spend_90d\r\n')).toBe(true);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines.slice(1)).toEqual(['C1,王**,+86 138****5678,w***@example.com,6000', "C3,'=**************,139****1111,h***@example.com,9000"]);
    expect(text).not.toContain('13812345678');
    const audit = await listAudit(server.store.db, { action: 'export', actor: `${role}1`, page: 1, pageSize: 10 });
    expect(audit.items[0]).toMatchObject({ action: 'export', target: segmentId, role, details: { rows: 2, masked: true, format: 'csv' } });
  });

  it.each(['agent', 'auditor'] as const)('refuses export to %s and writes no export entry', async (role) => {
    expect((await call(role, 'GET', `/api/segments/${segmentId}/export`)).status).toBe(403);
    const audit = await listAudit(server.store.db, { action: 'export', actor: `${role}1`, page: 1, pageSize: 10 });
    expect(audit.total).toBe(0);
  });

  it('compares segments and reports personas before any clustering', async () => {
    const other = await json<{ id: string }>(
      await call('analyst', 'POST', '/api/segments', { nameZh: '金卡', nameEn: 'Gold', rule: "card_tier = 'gold'" }),
    );
    const overlap = await json<{ pairs: Array<{ intersection: number; jaccard: number }> }>(
      await call('analyst', 'POST', '/api/segments/overlap', { ids: [segmentId, other.id] }),
    );
    expect(overlap.pairs).toEqual([{ a: segmentId, b: other.id, intersection: 1, union: 2, jaccard: 0.5 }]);
    expect(await json(await call('agent', 'GET', '/api/segments/personas'))).toEqual({ run: null });
  });
});
