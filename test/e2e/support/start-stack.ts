import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openStore } from '../../../src/app';
import { silentProgress } from '../../../src/core';
import { generatePortfolio } from '../../../src/data';
import type { Database } from '../../../src/db';
import type { Role } from '../../../src/core/schema';
import { createUserAccount, ensureFirstAdmin } from '../../../src/security';
import { buildServer } from '../../../src/server';
import { ensureConsoleBuilt, webDist } from './console-build';

/** Debian's Chromium under playwright-core: flags measured in ../shared/NOTES-platform.md. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface StackOptions {
  readonly customers?: number;
  readonly seed?: number;
  readonly months?: number;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface Stack {
  readonly baseUrl: string;
  /** The server's own database handle: tests compute expected figures on exactly the data it serves. */
  readonly db: Database;
  readonly dir: string;
  readonly admin: Credentials;
  /** Adds a user; with `oneTime`, the password must be changed at first login, as for a reset. */
  createUser(role: Role, options?: { oneTime?: boolean }): Promise<Credentials>;
  /** A page in a fresh browser context (no cookies, no storage), Shanghai-agnostic on purpose: the browser runs in UTC. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const adminPassword = 'e2e-admin-password-2026';

/**
 * The whole product on loopback: a small generated portfolio in a temporary DuckDB file, the real server
 * serving the built console on a free port, and real Chromium.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  await ensureConsoleBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-e2e-'));
  const db = await openStore(join(dir, 'cardwise.duckdb'), { connections: 4, threads: 2 });
  let browser: Browser | undefined;
  try {
    await generatePortfolio(
      db,
      { customers: options.customers ?? 300, seed: options.seed ?? 20_261_123, months: options.months ?? 18 },
      silentProgress,
    );
    const admin = await ensureFirstAdmin(db, {
      CARDWISE_ADMIN_USER: 'admin',
      CARDWISE_ADMIN_PASSWORD: adminPassword,
    });
    const app = await buildServer({ db, webRoot: webDist, cookieSecure: false });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
    const launched = browser;
    let users = 0;
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      db,
      dir,
      admin: { username: admin.username, password: adminPassword },
      createUser: async (role, { oneTime = false } = {}) => {
        const credentials = {
          username: `e2e-${role}-${(users += 1)}`,
          password: `e2e-${role}-password-${users}`,
        };
        await createUserAccount(
          db,
          { actor: 'e2e', role: null },
          { ...credentials, displayName: `测试${role}`, role, mustChangePassword: oneTime },
        );
        return credentials;
      },
      newPage: async () => {
        const context = await launched.newContext({
          viewport: { width: 1440, height: 900 },
          timezoneId: 'UTC',
          locale: 'en-US',
        });
        return context.newPage();
      },
      close: async () => {
        await launched.close();
        await app.close();
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
