// Shared by this capability's tests: a real server on loopback over a generated portfolio, one user per role.
// It follows src/server/test-server.ts, through the server's index.ts: capabilities may not reach into
// another capability's files, tests included (lint rule capability-boundaries).
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Role } from '../core/schema';
import { generatePortfolio } from '../data';
import type { Database } from '../db';
import { createUserAccount } from '../security';
import { buildServer } from '../server';
import { tempStore } from '../test-support/temp-store';

export interface TestServer {
  readonly base: string;
  readonly db: Database;
  close(): Promise<void>;
}

const password = 'correct horse battery';

async function startServer(): Promise<TestServer> {
  const store = await tempStore();
  let app: FastifyInstance;
  try {
    app = await buildServer({ webRoot: null, cookieSecure: false, db: store.db });
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await store.cleanup();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    db: store.db,
    close: async () => {
      await app.close();
      await store.cleanup();
    },
  };
}

async function loginAs(server: TestServer, username: string, role: Role): Promise<string> {
  await createUserAccount(server.db, { actor: 'test', role: null }, { username, displayName: username, role, password, mustChangePassword: false });
  const response = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

export interface ProfileFixture {
  readonly server: TestServer;
  /** GET as a role; `language` sets Accept-Language. */
  get(role: Role, path: string, language?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const fixtureRoles: readonly Role[] = ['admin', 'operator', 'analyst', 'agent', 'auditor'];

export async function profileFixture(): Promise<ProfileFixture> {
  const server = await startServer();
  try {
    await generatePortfolio(server.db, { customers: 1000, seed: 7, months: 6 });
    const cookies = new Map<Role, string>();
    for (const role of fixtureRoles) cookies.set(role, await loginAs(server, `${role}1`, role));
    return {
      server,
      async get(role, path, language) {
        const response = await fetch(`${server.base}${path}`, {
          headers: { cookie: cookies.get(role) as string, ...(language ? { 'accept-language': language } : {}) },
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
