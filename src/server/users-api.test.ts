import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, loginCookie, postJson, startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let admin: string;
let adminId: string;
let auditor: string;
let analyst: string;

beforeAll(async () => {
  server = await startTestServer();
  adminId = await addUser(server.db, 'root', 'admin');
  await addUser(server.db, 'audrey', 'auditor');
  await addUser(server.db, 'ana', 'analyst');
  admin = await loginCookie(server.base, 'root');
  auditor = await loginCookie(server.base, 'audrey');
  analyst = await loginCookie(server.base, 'ana');
});
afterAll(() => server.close());

function call(method: string, path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${server.base}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('user management', () => {
  it('is for admins only', async () => {
    expect((await call('GET', '/api/users', analyst)).status).toBe(403);
    expect((await call('GET', '/api/users', auditor)).status).toBe(403);
    const list = await call('GET', '/api/users', admin);
    expect(list.status).toBe(200);
    const { items } = await list.json();
    expect(items.map((u: { username: string }) => u.username)).toEqual(['ana', 'audrey', 'root']);
    expect(JSON.stringify(items)).not.toContain('argon2');
  });

  it('creates a user with a one-time password, audited, who must change it', async () => {
    const created = await call('POST', '/api/users', admin, { username: 'Wei.Zhang', displayName: '张伟', role: 'agent' });
    expect(created.status).toBe(200);
    const { user, password } = await created.json();
    expect(user).toMatchObject({ username: 'wei.zhang', role: 'agent', mustChangePassword: true, disabled: false });
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    const entry = await server.db.one<{ actor: string; target: string; details: string }>(
      "SELECT actor, target, details FROM audit_log WHERE action = 'user.create' ORDER BY seq DESC LIMIT 1",
    );
    expect(entry).toMatchObject({ actor: 'root', target: user.id });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ username: 'wei.zhang', role: 'agent', generatedPassword: true });
    expect(entry?.details).not.toContain(password);
    const duplicate = await call('POST', '/api/users', admin, { username: 'wei.zhang', displayName: 'x', role: 'agent' });
    expect(duplicate.status).toBe(409);
  });

  it('changes a role and disables a user, ending their sessions', async () => {
    const id = await addUser(server.db, 'temp', 'analyst');
    const cookie = await loginCookie(server.base, 'temp');
    const promoted = await call('PATCH', `/api/users/${id}`, admin, { role: 'operator' });
    expect(await promoted.json()).toMatchObject({ role: 'operator' });
    // The role is read on every request: the open session has the new role at once.
    expect(await (await call('GET', '/api/auth/me', cookie)).json()).toMatchObject({ role: 'operator' });
    await call('PATCH', `/api/users/${id}`, admin, { disabled: true });
    expect((await call('GET', '/api/auth/me', cookie)).status).toBe(401);
    const changes = await server.db.all<{ details: string }>("SELECT details FROM audit_log WHERE action = 'user.update' AND target = $1 ORDER BY seq", [id]);
    expect(changes.map((c) => JSON.parse(c.details).changes)).toEqual([
      { role: { from: 'analyst', to: 'operator' } },
      { disabled: { from: false, to: true } },
    ]);
  });

  it('refuses to leave no active admin, and admins cannot demote themselves', async () => {
    const self = await call('PATCH', `/api/users/${adminId}`, admin, { role: 'analyst' });
    expect(self.status).toBe(409);
    const empty = await call('PATCH', `/api/users/${adminId}`, admin, {});
    expect(empty.status).toBe(400);
  });

  it('resets a password to a one-time one', async () => {
    const id = await addUser(server.db, 'forgetful', 'agent');
    const reset = await call('POST', `/api/users/${id}/reset-password`, admin);
    const { password, user } = await reset.json();
    expect(user.mustChangePassword).toBe(true);
    const login = await postJson(`${server.base}/api/auth/login`, { username: 'forgetful', password });
    expect(await login.json()).toMatchObject({ mustChangePassword: true });
    expect((await call('POST', '/api/users/usr_missing/reset-password', admin)).status).toBe(404);
  });
});

describe('API keys', () => {
  it('authenticate machines by bearer token, with the key’s role, until revoked', async () => {
    expect((await call('POST', '/api/api-keys', admin, { name: 'nightly import', role: 'admin' })).status).toBe(400);
    const created = await call('POST', '/api/api-keys', admin, { name: 'nightly import', role: 'auditor' });
    const { key, secret } = await created.json();
    expect(secret).toMatch(/^cw_[\w-]{43}$/);
    expect(key).toMatchObject({ name: 'nightly import', role: 'auditor', createdBy: 'root', revokedAt: null, prefix: secret.slice(0, 10) });

    const asKey = (path: string, token: string): Promise<Response> => fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const me = await asKey('/api/auth/me', secret);
    expect(await me.json()).toMatchObject({ id: key.id, role: 'auditor', via: 'api_key' });
    expect((await asKey('/api/audit', secret)).status).toBe(200);
    expect((await asKey('/api/users', secret)).status).toBe(403);
    expect((await asKey('/api/auth/me', `${secret.slice(0, -1)}x`)).status).toBe(401);
    // A wrong bearer is not rescued by a valid cookie riding along.
    const mixed = await fetch(`${server.base}/api/auth/me`, { headers: { authorization: 'Bearer cw_wrong', cookie: admin } });
    expect(mixed.status).toBe(401);

    const listed = await (await call('GET', '/api/api-keys', admin)).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await call('DELETE', `/api/api-keys/${key.id}`, admin)).status).toBe(200);
    expect((await asKey('/api/auth/me', secret)).status).toBe(401);
    const actions = await server.db.all<{ action: string }>("SELECT action FROM audit_log WHERE target = $1 ORDER BY seq", [key.id]);
    expect(actions.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
  });
});

describe('audit log API', () => {
  it('is readable by auditors and admins, filtered and paged, newest first', async () => {
    expect((await call('GET', '/api/audit', analyst)).status).toBe(403);
    const page = await (await call('GET', '/api/audit?action=login&pageSize=2', auditor)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.items[0].seq).toBeGreaterThan(page.items[1].seq);
    for (const item of page.items) expect(item.action).toMatch(/^login\./);
    const byActor = await (await call('GET', '/api/audit?actor=audrey&action=login.success', admin)).json();
    expect(byActor.items.map((i: { actor: string }) => i.actor)).toEqual(['audrey']);
    const future = await (await call('GET', '/api/audit?from=2999-01-01', auditor)).json();
    expect(future).toMatchObject({ items: [], total: 0 });
    expect((await call('GET', '/api/audit?from=yesterday', auditor)).status).toBe(400);
  });

  it('cannot be written or deleted through the API', async () => {
    expect((await call('POST', '/api/audit', admin, { action: 'x' })).status).toBe(404);
    expect((await call('DELETE', '/api/audit', admin)).status).toBe(404);
  });

  it('reports a valid chain, then the tampered row', async () => {
    const ok = await (await call('GET', '/api/audit/verify', auditor)).json();
    expect(ok).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.count).toBeGreaterThan(5);
    await server.db.run("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3");
    const broken = await (await call('GET', '/api/audit/verify', auditor)).json();
    expect(broken).toMatchObject({ ok: false, count: 2, brokenAt: { seq: 3 } });
  });
});
