import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, loginCookie, postJson, startTestServer, testPassword, type TestServer } from '../test-support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.db, 'sam', 'agent');
});
afterAll(() => server.close());

const me = (cookie: string): Promise<Response> => fetch(`${server.base}/api/auth/me`, { headers: { cookie } });

describe('sessions', () => {
  it('logout ends the session for good and is audited', async () => {
    const cookie = await loginCookie(server.base, 'sam');
    expect((await me(cookie)).status).toBe(200);
    const out = await postJson(`${server.base}/api/auth/logout`, {}, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^cw_session=;/);
    // The old cookie value, replayed, opens nothing.
    expect((await me(cookie)).status).toBe(401);
    const entry = await server.db.one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'logout' AND actor = 'sam'");
    expect(entry?.n).toBe(1);
  });

  it('refuses a session past its absolute expiry, and deletes it', async () => {
    const cookie = await loginCookie(server.base, 'sam');
    const { n: before } = (await server.db.one<{ n: number }>('SELECT count(*) AS n FROM sessions')) ?? { n: 0 };
    await server.db.run("UPDATE sessions SET expires_at = $1::TIMESTAMP WHERE user_id IN (SELECT id FROM users WHERE username = 'sam')", [
      new Date(Date.now() - 1000).toISOString(),
    ]);
    expect((await me(cookie)).status).toBe(401);
    const { n: after } = (await server.db.one<{ n: number }>('SELECT count(*) AS n FROM sessions')) ?? { n: 0 };
    expect(after).toBe(before - 1);
  });

  it('refuses a session idle for longer than 30 minutes, but not one idle for 20', async () => {
    const cookie = await loginCookie(server.base, 'sam');
    const idle = (minutes: number): Promise<void> =>
      server.db.run(
        "UPDATE sessions SET last_seen_at = $1::TIMESTAMP WHERE user_id IN (SELECT id FROM users WHERE username = 'sam')",
        [new Date(Date.now() - minutes * 60_000).toISOString()],
      );
    await idle(20);
    expect((await me(cookie)).status).toBe(200);
    // The request above counted as activity: going idle again starts from now.
    await idle(31);
    expect((await me(cookie)).status).toBe(401);
  });

  it('ends a disabled user’s sessions at once', async () => {
    await addUser(server.db, 'leaver', 'analyst');
    const cookie = await loginCookie(server.base, 'leaver');
    await server.db.run("UPDATE users SET disabled = true WHERE username = 'leaver'");
    expect((await me(cookie)).status).toBe(401);
    const relogin = await postJson(`${server.base}/api/auth/login`, { username: 'leaver', password: testPassword });
    expect(relogin.status).toBe(401);
  });
});

describe('one-time passwords', () => {
  it('allow nothing but me, logout and a password change until the password is changed', async () => {
    await addUser(server.db, 'newbie', 'admin');
    await server.db.run("UPDATE users SET must_change_password = true WHERE username = 'newbie'");
    const cookie = await loginCookie(server.base, 'newbie');
    expect(await (await me(cookie)).json()).toMatchObject({ username: 'newbie', mustChangePassword: true });
    const blocked = await fetch(`${server.base}/api/users`, { headers: { cookie } });
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.details).toEqual({ reason: 'password_change_required' });

    const wrong = await postJson(`${server.base}/api/auth/password`, { currentPassword: 'nope', newPassword: 'a brand new secret' }, { cookie });
    expect(wrong.status).toBe(400);
    const short = await postJson(`${server.base}/api/auth/password`, { currentPassword: testPassword, newPassword: 'short' }, { cookie });
    expect(short.status).toBe(400);
    expect((await short.json()).error.details.issues[0].path).toBe('body.newPassword');

    const changed = await postJson(`${server.base}/api/auth/password`, { currentPassword: testPassword, newPassword: 'a brand new secret' }, { cookie });
    expect(changed.status).toBe(200);
    expect(await (await me(cookie)).json()).toMatchObject({ mustChangePassword: false });
    expect((await fetch(`${server.base}/api/users`, { headers: { cookie } })).status).toBe(200);
    expect((await postJson(`${server.base}/api/auth/login`, { username: 'newbie', password: 'a brand new secret' })).status).toBe(200);
  });
});
