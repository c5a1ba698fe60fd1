// Shared by this capability's tests: hand-made profiles (exact, tiny) and a generated portfolio with a real
// tag refresh (realistic). Capabilities are reached through their index.ts, tests included.
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Role } from '../core/schema';
import { generatePortfolio } from '../data';
import { quoteIdent, type Database, type SqlValue } from '../db';
import { createUserAccount } from '../security';
import { buildServer } from '../server';
import { refreshProfile } from '../tags';
import { tempStore } from '../test-support/temp-store';

export type Store = Awaited<ReturnType<typeof tempStore>>;

/**
 * Replaces the profile with exactly these rows. Column types are given, not guessed, so a test states what
 * the tag engine would have written (the engine itself stores whole numbers as INTEGER and enums as ENUM).
 */
export async function writeProfile(
  db: Database,
  columns: Readonly<Record<string, 'VARCHAR' | 'DOUBLE' | 'BOOLEAN' | 'DATE'>>,
  rows: ReadonlyArray<Readonly<Record<string, SqlValue>>>,
): Promise<void> {
  const names = Object.keys(columns);
  await db.run(`CREATE OR REPLACE TABLE profile (${names.map((n) => `${quoteIdent(n)} ${columns[n]}`).join(', ')})`);
  for (const row of rows) {
    await db.run(
      `INSERT INTO profile VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
      names.map((n) => row[n] ?? null),
    );
  }
}

/** A store holding a generated portfolio and its tag profile (1,500 customers by default: about 15 s). */
export async function generatedStore(customers = 1500, seed = 7): Promise<Store> {
  const store = await tempStore();
  try {
    await generatePortfolio(store.db, { customers, seed });
    await refreshProfile(store.db, { snapshot: false });
  } catch (error) {
    await store.cleanup();
    throw error;
  }
  return store;
}

export const testPassword = 'correct horse battery';

export interface TestServer {
  readonly base: string;
  readonly store: Store;
  /** The Cookie header of a logged-in user per role. */
  readonly cookies: Readonly<Record<Role, string>>;
  close(): Promise<void>;
}

async function login(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: testPassword }),
  });
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** A real server on loopback over `store`, with one logged-in user per role. */
export async function startServer(store: Store): Promise<TestServer> {
  const app: FastifyInstance = await buildServer({ webRoot: null, cookieSecure: false, db: store.db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const roles: Role[] = ['admin', 'operator', 'analyst', 'agent', 'auditor'];
  const cookies = {} as Record<Role, string>;
  for (const role of roles) {
    await createUserAccount(store.db, { actor: 'test', role: null }, {
      username: `${role}1`,
      displayName: role,
      role,
      password: testPassword,
      mustChangePassword: false,
    });
    cookies[role] = await login(base, `${role}1`);
  }
  return { base, store, cookies, close: () => app.close() };
}
