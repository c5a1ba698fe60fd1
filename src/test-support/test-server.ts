// Test fixture: a real server on loopback over a real DuckDB file, with users who can log in over HTTP.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Role } from '../core/schema';
import type { Database } from '../db';
import { createUserAccount } from '../security';
import { buildServer, type ServerOptions } from '../server';
import { tempStore } from './temp-store';

export interface TestServer {
  readonly base: string;
  readonly db: Database;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function startTestServer(options: Omit<Partial<ServerOptions>, 'db'> = {}): Promise<TestServer> {
  const store = await tempStore();
  let app: FastifyInstance;
  try {
    app = await buildServer({ webRoot: null, cookieSecure: false, ...options, db: store.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await store.cleanup();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    db: store.db,
    app,
    close: async () => {
      await app.close();
      await store.cleanup();
    },
  };
}

export const testPassword = 'correct horse battery';

/** A user who may log in straight away (no forced password change). */
export async function addUser(db: Database, username: string, role: Role, password = testPassword): Promise<string> {
  const { user } = await createUserAccount(db, { actor: 'test', role: null }, {
    username,
    displayName: username,
    role,
    password,
    mustChangePassword: false,
  });
  return user.id;
}

/** Logs in over HTTP and returns the `Cookie` header value to send afterwards. */
export async function loginCookie(base: string, username: string, password = testPassword): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] as string;
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
