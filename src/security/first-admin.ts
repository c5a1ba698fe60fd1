import { fail } from '../core';
import type { Database } from '../db';
import { newPasswordSchema, usernameSchema } from './schema';
import { createUserAccount } from './user-admin';

export interface FirstAdmin {
  readonly username: string;
  /** Present only when this call generated it: print it once, it is not stored in clear anywhere. */
  readonly password?: string;
  readonly created: boolean;
}

/**
 * Makes sure someone can log in to a fresh store. With `CARDWISE_ADMIN_PASSWORD` set, the admin gets that
 * password (the operator chose it, so no forced change); otherwise a one-time password is generated,
 * returned for the caller to print, and must be changed at first login. Does nothing once any admin exists.
 */
export async function ensureFirstAdmin(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<FirstAdmin> {
  const existing = await db.one<{ username: string }>("SELECT username FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1");
  if (existing) return { username: existing.username, created: false };

  const username = usernameSchema.safeParse(env.CARDWISE_ADMIN_USER ?? 'admin');
  if (!username.success) fail('bad_request', 'CARDWISE_ADMIN_USER 不是有效的用户名', 'CARDWISE_ADMIN_USER is not a valid username');
  const chosen = env.CARDWISE_ADMIN_PASSWORD;
  if (chosen !== undefined && !newPasswordSchema.safeParse(chosen).success) {
    fail('bad_request', 'CARDWISE_ADMIN_PASSWORD 至少需要 10 个字符', 'CARDWISE_ADMIN_PASSWORD must be at least 10 characters');
  }
  const { password } = await createUserAccount(
    db,
    { actor: 'system', role: null },
    { username: username.data, displayName: '管理员 Administrator', role: 'admin', password: chosen, mustChangePassword: chosen === undefined },
  );
  return password === null ? { username: username.data, created: true } : { username: username.data, password, created: true };
}
