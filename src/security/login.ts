import { CardwiseError, fail, type AuthenticatedUser } from '../core';
import type { Database } from '../db';
import { appendAudit } from './audit-store';
import { principalOf } from './authenticate';
import { defaultThrottlePolicy, loginBlockedFor, clearLoginFailures, recordLoginFailure, type ThrottlePolicy } from './login-throttle';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { createSession, defaultSessionPolicy, type NewSession, type SessionPolicy } from './sessions-store';
import { findUserByUsername, recordLogin } from './users-store';

export interface LoginInput {
  readonly username: string;
  readonly password: string;
  readonly ip: string;
  readonly userAgent?: string | undefined;
}

export interface LoginPolicies {
  readonly session?: SessionPolicy;
  readonly throttle?: ThrottlePolicy;
}

/**
 * Checks a password and opens a session, writing `login.success` or `login.failure` to the audit log.
 * Every failure gets the same message and (through a dummy hash for unknown names) the same timing, so the
 * answer never tells a guesser which usernames exist or are disabled.
 */
export async function login(
  db: Database,
  input: LoginInput,
  policies: LoginPolicies = {},
): Promise<{ user: AuthenticatedUser; session: NewSession }> {
  const username = input.username.trim().toLowerCase();
  const throttle = policies.throttle ?? defaultThrottlePolicy;
  const retryAfterSeconds = await loginBlockedFor(db, username, input.ip, throttle);
  if (retryAfterSeconds > 0) {
    await appendAudit(db, { actor: username, action: 'login.failure', ip: input.ip, details: { reason: 'rate_limited' } });
    throw new CardwiseError(
      'rate_limited',
      {
        'zh-CN': `登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`,
        'en-US': `too many failed logins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      },
      { retryAfterSeconds },
    );
  }

  const user = await findUserByUsername(db, username);
  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
  if (!user || !passwordOk || user.disabled) {
    await recordLoginFailure(db, username, input.ip, throttle);
    const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled';
    await appendAudit(db, {
      actor: username,
      role: user?.role ?? null,
      action: 'login.failure',
      target: user?.id ?? null,
      ip: input.ip,
      details: { reason },
    });
    fail('unauthenticated', '用户名或密码错误', 'wrong username or password');
  }

  await clearLoginFailures(db, username, input.ip);
  await recordLogin(db, user.id);
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent ?? null }, policies.session ?? defaultSessionPolicy);
  await appendAudit(db, {
    actor: user.username,
    role: user.role,
    action: 'login.success',
    target: user.id,
    ip: input.ip,
    details: { session: session.id },
  });
  return { user: principalOf(user, session.id), session };
}
