import type { AuthenticatedUser } from '../core';
import type { SqlRunner } from './sql-runner';
import { resolveApiKey } from './api-keys-store';
import { defaultSessionPolicy, resolveSession, type SessionPolicy } from './sessions-store';
import { findUserById, type StoredUser } from './users-store';

export interface Credentials {
  /** The session cookie's value. */
  readonly sessionToken?: string | undefined;
  /** The `Authorization: Bearer …` value: an API key. */
  readonly bearer?: string | undefined;
}

export function principalOf(user: StoredUser, credentialId: string): AuthenticatedUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    via: 'session',
    credentialId,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Who presented these credentials, or null. A bearer token, when sent, is the only credential considered:
 * a machine that sends a wrong key gets 401, not whatever session cookie happens to ride along.
 */
export async function authenticate(
  db: SqlRunner,
  credentials: Credentials,
  policy: SessionPolicy = defaultSessionPolicy,
  now = new Date(),
): Promise<AuthenticatedUser | null> {
  if (credentials.bearer !== undefined) {
    const key = await resolveApiKey(db, credentials.bearer, now);
    if (!key) return null;
    return {
      id: key.id,
      username: key.id,
      displayName: key.name,
      role: key.role,
      via: 'api_key',
      credentialId: key.id,
      mustChangePassword: false,
    };
  }
  if (!credentials.sessionToken) return null;
  const session = await resolveSession(db, credentials.sessionToken, policy, now);
  if (!session) return null;
  const user = await findUserById(db, session.userId);
  // Disabling a user deletes their sessions too; this check covers a session created in the same instant.
  if (!user || user.disabled) return null;
  return principalOf(user, session.id);
}
