import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { tempStore } from '../test-support/temp-store';
import { appendAudit, listAudit, verifyAuditChain } from './audit-store';

let db: Database;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await tempStore());
});
afterEach(() => cleanup());

async function seed(n: number): Promise<void> {
  for (let i = 1; i <= n; i += 1) {
    await appendAudit(db, { actor: `user${i % 3}`, role: 'agent', action: i % 2 ? 'unmask' : 'export', target: `C${i}`, ip: '10.0.0.1', details: { i } });
  }
}

describe('audit chain', () => {
  it('links each entry to the one before, starting from zeros', async () => {
    await seed(3);
    const rows = await db.all<{ seq: number; prev_hash: string; hash: string }>('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 3, headHash: rows[2]?.hash, brokenAt: null });
  });

  it('stays one chain when many entries are appended at once', async () => {
    await Promise.all(Array.from({ length: 25 }, (_, i) => appendAudit(db, { actor: 'a', action: 'export', details: { i } })));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 25 });
  });

  it.each([
    ['an edited field', "UPDATE audit_log SET details = '{\"i\":999}' WHERE seq = 4", 4, /changed/],
    ['an edited timestamp', "UPDATE audit_log SET ts = ts + INTERVAL 1 SECOND WHERE seq = 2", 2, /changed/],
    ['a deleted entry', 'DELETE FROM audit_log WHERE seq = 3', 4, /missing/],
    ['a recomputed hash without relinking', "UPDATE audit_log SET actor = 'x', hash = repeat('a', 64) WHERE seq = 5", 5, /changed/],
  ])('detects %s', async (_what, tamper, seq, reason) => {
    await seed(6);
    await db.run(tamper);
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.brokenAt?.seq).toBe(seq);
    expect(result.brokenAt?.reason).toMatch(reason);
  });

  it('verifies across read batches', async () => {
    await seed(5);
    expect(await verifyAuditChain(db, { batchSize: 2 })).toMatchObject({ ok: true, count: 5 });
    await db.run("UPDATE audit_log SET target = 'C0' WHERE seq = 5");
    expect((await verifyAuditChain(db, { batchSize: 2 })).brokenAt?.seq).toBe(5);
  });
});

describe('listAudit', () => {
  it('filters by action family, actor and time, newest first, paged', async () => {
    await seed(7);
    const unmasks = await listAudit(db, { action: 'unmask', page: 1, pageSize: 2 });
    expect(unmasks.total).toBe(4);
    expect(unmasks.items.map((e) => e.seq)).toEqual([7, 5]);
    const page2 = await listAudit(db, { action: 'unmask', page: 2, pageSize: 2 });
    expect(page2.items.map((e) => e.seq)).toEqual([3, 1]);
    const byActor = await listAudit(db, { actor: 'user1', page: 1, pageSize: 50 });
    expect(byActor.items.map((e) => e.target)).toEqual(['C7', 'C4', 'C1']);
    expect(byActor.items[0]?.details).toEqual({ i: 7 });
    const none = await listAudit(db, { to: '2000-01-01', page: 1, pageSize: 50 });
    expect(none.total).toBe(0);
  });
});
