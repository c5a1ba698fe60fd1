// Shared by this capability's tests: a real server on loopback over a generated portfolio, one user per role,
// built on the shared test server (src/test-support/test-server.ts).
import type { Role } from '../core/schema';
import { generatePortfolio } from '../data';
import { addUser, loginCookie, startTestServer, type TestServer } from '../test-support/test-server';

export interface ProfileFixture {
  readonly server: TestServer;
  /** GET as a role; `language` sets Accept-Language. */
  get(role: Role, path: string, language?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export const fixtureRoles: readonly Role[] = ['admin', 'operator', 'analyst', 'agent', 'auditor'];

export async function profileFixture(): Promise<ProfileFixture> {
  const server = await startTestServer();
  try {
    await generatePortfolio(server.db, { customers: 1000, seed: 7, months: 6 });
    const cookies = new Map<Role, string>();
    for (const role of fixtureRoles) {
      await addUser(server.db, `${role}1`, role);
      cookies.set(role, await loginCookie(server.base, `${role}1`));
    }
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
