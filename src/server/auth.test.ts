import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicRoute, route, type AnyRouteDefinition } from '../core';
import { endpoint } from '../core/schema';
import { securityRoutes } from '../security';
import { addUser, loginCookie, postJson, startTestServer, testPassword, type TestServer } from '../test-support/test-server';

// A test-only route table: one endpoint per access rule, so role checks are exercised apart from any feature.
const analystOnly = endpoint({
  method: 'GET',
  path: '/api/test/analyst-only',
  summary: 'analysts only',
  tags: ['test'],
  roles: ['analyst'],
  response: z.object({ user: z.string(), role: z.string() }),
});
const echo = endpoint({
  method: 'POST',
  path: '/api/test/echo/:id',
  summary: 'validates params, query and body',
  tags: ['test'],
  roles: ['analyst', 'operator'],
  params: z.object({ id: z.string().regex(/^c\d+$/) }),
  query: z.object({ limit: z.coerce.number().int().max(10) }),
  body: z.object({ name: z.string().min(2), tags: z.array(z.string()) }),
  response: z.object({ id: z.string(), limit: z.number(), name: z.string() }),
});
const boom = endpoint({ method: 'GET', path: '/api/test/boom', summary: 'fails', tags: ['test'], roles: ['analyst'], response: z.object({}) });
const open = endpoint({
  method: 'GET',
  path: '/api/test/open',
  summary: 'anyone',
  tags: ['test'],
  roles: 'public',
  response: z.object({ caller: z.string().nullable() }),
});

const testRoutes: AnyRouteDefinition[] = [
  ...securityRoutes,
  route(analystOnly, async ({ user }) => ({ user: user.username, role: user.role })),
  route(echo, async ({ params, query, body, audit }) => {
    await audit('export', params.id, { rows: query.limit });
    return { id: params.id, limit: query.limit, name: body.name };
  }),
  route(boom, async () => {
    throw new Error('secret connection string postgres://u:p@db');
  }),
  publicRoute(open, async ({ user }) => ({ caller: user?.username ?? null })),
];

let server: TestServer;
let analystCookie: string;
let operatorCookie: string;

beforeAll(async () => {
  server = await startTestServer({ routes: testRoutes });
  await addUser(server.db, 'ana', 'analyst');
  await addUser(server.db, 'otto', 'operator');
  analystCookie = await loginCookie(server.base, 'ana');
  operatorCookie = await loginCookie(server.base, 'otto');
});
afterAll(() => server.close());

describe('role checks', () => {
  it('answers 401 unauthenticated without a session', async () => {
    const response = await fetch(`${server.base}/api/test/analyst-only`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  it('answers 401 for a made-up session cookie', async () => {
    const response = await fetch(`${server.base}/api/test/analyst-only`, { headers: { cookie: 'cw_session=forged' } });
    expect(response.status).toBe(401);
  });

  it('answers 403 forbidden for a role not listed, 200 for one that is', async () => {
    const denied = await fetch(`${server.base}/api/test/analyst-only`, { headers: { cookie: operatorCookie } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error).toMatchObject({ code: 'forbidden', details: { role: 'operator', allowed: ['analyst'] } });
    const allowed = await fetch(`${server.base}/api/test/analyst-only`, { headers: { cookie: analystCookie } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ user: 'ana', role: 'analyst' });
  });

  it('checks the role before looking at the body', async () => {
    const response = await postJson(`${server.base}/api/test/echo/c1?limit=1`, { nonsense: true });
    expect(response.status).toBe(401);
  });

  it('lets anyone call a public endpoint and tells the handler who, if anyone, is calling', async () => {
    expect(await (await fetch(`${server.base}/api/test/open`)).json()).toEqual({ caller: null });
    expect(await (await fetch(`${server.base}/api/test/open`, { headers: { cookie: analystCookie } })).json()).toEqual({ caller: 'ana' });
  });
});

describe('errors', () => {
  it('reports every invalid field by path, in the caller’s language', async () => {
    const response = await postJson(`${server.base}/api/test/echo/x9?limit=99`, { name: 'a' }, { cookie: analystCookie, 'accept-language': 'en-US,en;q=0.9' });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('invalid request: params.id is not in the expected format (regex)');
    // Fastify validates params, then body, then query, and stops at the first part that fails.
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual(['params.id']);
  });

  it('says what is wrong with each field in Chinese too, from the limit the schema sets', async () => {
    const response = await postJson(`${server.base}/api/test/echo/c1?limit=99`, { name: 'ab', tags: [] }, { cookie: analystCookie });
    const { error } = await response.json();
    expect(error.message).toBe('请求参数无效：query.limit 不能大于 10');
    expect(error.details.issues).toEqual([{ path: 'query.limit', message: 'must be at most 10', message_zh: '不能大于 10', code: 'too_big' }]);
  });

  it('names nested body fields', async () => {
    const response = await postJson(`${server.base}/api/test/echo/c1?limit=3`, { name: 'a', tags: [1] }, { cookie: analystCookie });
    const { error } = await response.json();
    expect(error.message).toMatch(/^请求参数无效/);
    expect(error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.name', 'body.tags.0']);
    expect(error.message).toContain('body.name 至少 2 个字符');
    expect(error.message).toContain('body.tags.0 应为文本');
  });

  it('passes valid input through, typed', async () => {
    const response = await postJson(`${server.base}/api/test/echo/c7?limit=3`, { name: 'Li', tags: [] }, { cookie: operatorCookie });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'c7', limit: 3, name: 'Li' });
  });

  it('hides the message and stack of an unexpected error', async () => {
    const response = await fetch(`${server.base}/api/test/boom`, { headers: { cookie: analystCookie } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('internal');
    expect(text).not.toContain('postgres');
    expect(text).not.toContain('at ');
  });

  it('uses the cw_locale cookie over Accept-Language', async () => {
    const response = await fetch(`${server.base}/api/test/analyst-only`, { headers: { cookie: 'cw_locale=en-US', 'accept-language': 'zh-CN' } });
    expect((await response.json()).error.message).toBe('log in first');
  });
});

describe('route registration fails closed', () => {
  it('refuses an endpoint without roles, and a public endpoint without publicRoute()', async () => {
    const noRoles = endpoint({ method: 'GET', path: '/api/test/x', summary: 'x', tags: [], roles: [], response: z.object({}) });
    await expect(startTestServer({ routes: [route(noRoles, async () => ({}))] })).rejects.toThrow(/declares no roles/);
    const sneaky = endpoint({ method: 'GET', path: '/api/test/y', summary: 'y', tags: [], roles: 'public', response: z.object({}) });
    await expect(startTestServer({ routes: [route(sneaky, async () => ({}))] })).rejects.toThrow(/publicRoute/);
  });
});

describe('handler audit', () => {
  it('writes entries in the caller’s name from ctx.audit', async () => {
    await postJson(`${server.base}/api/test/echo/c42?limit=5`, { name: 'Wang', tags: [] }, { cookie: operatorCookie });
    const row = await server.db.one<{ actor: string; role: string; target: string; details: string }>(
      "SELECT actor, role, target, details FROM audit_log WHERE action = 'export' ORDER BY seq DESC LIMIT 1",
    );
    expect(row).toMatchObject({ actor: 'otto', role: 'operator', target: 'c42' });
    expect(JSON.parse(row?.details ?? '{}')).toEqual({ rows: 5 });
  });
});

describe('login', () => {
  it('refuses a wrong password and an unknown user with the same answer, and audits both', async () => {
    const wrong = await postJson(`${server.base}/api/auth/login`, { username: 'ana', password: 'not it at all' });
    const unknown = await postJson(`${server.base}/api/auth/login`, { username: 'nobody', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    const reasons = await server.db.all<{ actor: string; details: string }>(
      "SELECT actor, details FROM audit_log WHERE action = 'login.failure' AND actor IN ('ana', 'nobody') ORDER BY seq",
    );
    expect(reasons.map((r) => [r.actor, JSON.parse(r.details).reason])).toEqual([
      ['ana', 'wrong_password'],
      ['nobody', 'unknown_user'],
    ]);
  });

  it('audits a successful login and sets an httpOnly, SameSite=Strict cookie', async () => {
    await addUser(server.db, 'cookie-check', 'agent');
    const response = await postJson(`${server.base}/api/auth/login`, { username: 'Cookie-Check', password: testPassword });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: 'cookie-check', role: 'agent', via: 'session' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^cw_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const entry = await server.db.one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'login.success' AND actor = 'cookie-check'");
    expect(entry?.n).toBe(1);
    // Only the hash of the token is stored.
    const token = cookie.slice('cw_session='.length).split(';')[0] as string;
    expect(await server.db.one('SELECT 1 FROM sessions WHERE token_hash = $1', [token])).toBeUndefined();
  });

  it('refuses with 429 after 5 failures for one username from one address, even with the right password', async () => {
    await addUser(server.db, 'guessed', 'analyst');
    for (let i = 0; i < 5; i += 1) {
      expect((await postJson(`${server.base}/api/auth/login`, { username: 'guessed', password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await postJson(`${server.base}/api/auth/login`, { username: 'guessed', password: testPassword });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    // The limit is per username: others still log in from the same address.
    expect((await postJson(`${server.base}/api/auth/login`, { username: 'ana', password: testPassword })).status).toBe(200);
    // Once the failures age out of the window, the right password works again.
    await server.db.run("UPDATE login_failures SET ts = ts - INTERVAL 16 MINUTE WHERE username = 'guessed'");
    expect((await postJson(`${server.base}/api/auth/login`, { username: 'guessed', password: testPassword })).status).toBe(200);
  });
});
