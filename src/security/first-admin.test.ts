import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db';
import { tempStore } from '../test-support/temp-store';
import { ensureFirstAdmin } from './first-admin';
import { login } from './login';
import { generatePassword, hashPassword, verifyPassword } from './passwords';

let db: Database;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await tempStore());
});
afterEach(() => cleanup());

describe('ensureFirstAdmin', () => {
  it('generates a one-time password once, which must be changed', async () => {
    const first = await ensureFirstAdmin(db, {});
    expect(first).toMatchObject({ username: 'admin', created: true });
    expect(first.password).toMatch(/^[A-Za-z2-9]{16}$/);
    const { user } = await login(db, { username: 'admin', password: first.password as string, ip: '127.0.0.1' });
    expect(user).toMatchObject({ role: 'admin', mustChangePassword: true });
    expect(await ensureFirstAdmin(db, {})).toEqual({ username: 'admin', created: false });
    const row = await db.one<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE action = 'user.create'");
    expect(row).toEqual({ actor: 'system', action: 'user.create' });
  });

  it('takes the name and password from the environment, with no forced change', async () => {
    const first = await ensureFirstAdmin(db, { CARDWISE_ADMIN_USER: 'ops', CARDWISE_ADMIN_PASSWORD: 'a long chosen secret' });
    expect(first).toEqual({ username: 'ops', created: true });
    const { user } = await login(db, { username: 'ops', password: 'a long chosen secret', ip: '127.0.0.1' });
    expect(user.mustChangePassword).toBe(false);
  });

  it('refuses a short password from the environment', async () => {
    await expect(ensureFirstAdmin(db, { CARDWISE_ADMIN_PASSWORD: 'short' })).rejects.toThrow(/at least 10/);
  });
});

describe('passwords', () => {
  it('are argon2id hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it('generates from an alphabet without look-alike characters', () => {
    const many = Array.from({ length: 50 }, () => generatePassword()).join('');
    expect(many).toMatch(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    expect(new Set(many).size).toBeGreaterThan(45);
  });
});
