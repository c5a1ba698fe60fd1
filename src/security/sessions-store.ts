import { newId } from '../core';
import type { SqlRunner } from './sql-runner';
import { newSecret, sha256Hex } from './tokens';

/** How long a session lives: an absolute cap, and a shorter limit on inactivity. */
export interface SessionPolicy {
  readonly maxAgeMs: number;
  readonly idleTimeoutMs: number;
}

// A working day at most, and half an hour idle: a console left open at a branch desk logs itself out.
export const defaultSessionPolicy: SessionPolicy = { maxAgeMs: 12 * 3_600_000, idleTimeoutMs: 30 * 60_000 };

// Writing last_seen_at on every request would turn every read into a write; a minute's slack is harmless
// against a 30-minute idle limit.
const touchEveryMs = 60_000;

export interface NewSession {
  /** The cookie value: shown to the browser once, stored only as its hash. */
  readonly token: string;
  readonly id: string;
  readonly expiresAt: Date;
}

export async function createSession(
  db: SqlRunner,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
  policy: SessionPolicy = defaultSessionPolicy,
  now = new Date(),
): Promise<NewSession> {
  const token = newSecret();
  const id = newId('ses');
  const expiresAt = new Date(now.getTime() + policy.maxAgeMs);
  await db.run(
    `INSERT INTO sessions (token_hash, id, user_id, created_at, last_seen_at, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4::TIMESTAMP, $4::TIMESTAMP, $5::TIMESTAMP, $6, $7)`,
    [sha256Hex(token), id, userId, now.toISOString(), expiresAt.toISOString(), meta.ip ?? null, (meta.userAgent ?? '').slice(0, 256) || null],
  );
  return { token, id, expiresAt };
}

export interface LiveSession {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

/**
 * The session a cookie names, if it is neither expired nor idle too long. Expired rows are deleted as they
 * are found, so a stolen old cookie stays dead even if the policy later grows.
 */
export async function resolveSession(
  db: SqlRunner,
  token: string,
  policy: SessionPolicy = defaultSessionPolicy,
  now = new Date(),
): Promise<LiveSession | undefined> {
  const tokenHash = sha256Hex(token);
  const row = await db.one<{ id: string; user_id: string; expires_at: Date; last_seen_at: Date }>(
    'SELECT id, user_id, expires_at, last_seen_at FROM sessions WHERE token_hash = $1',
    [tokenHash],
  );
  if (!row) return undefined;
  const idleFor = now.getTime() - row.last_seen_at.getTime();
  if (row.expires_at.getTime() <= now.getTime() || idleFor > policy.idleTimeoutMs) {
    await db.run('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    return undefined;
  }
  if (idleFor > touchEveryMs) {
    // Best effort: two requests touching the same row at once may conflict; either write is as good.
    await db.run('UPDATE sessions SET last_seen_at = $1::TIMESTAMP WHERE token_hash = $2', [now.toISOString(), tokenHash]).catch(() => {});
  }
  return { id: row.id, userId: row.user_id, expiresAt: row.expires_at };
}

export async function deleteSession(db: SqlRunner, token: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE token_hash = $1', [sha256Hex(token)]);
}

/** Ends every session of a user (disabled, role changed, password reset), except optionally the current one. */
export async function deleteUserSessions(db: SqlRunner, userId: string, exceptSessionId?: string): Promise<void> {
  await db.run('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, exceptSessionId ?? '']);
}

/** Housekeeping: drops sessions that can no longer be used. */
export async function purgeExpiredSessions(db: SqlRunner, policy: SessionPolicy = defaultSessionPolicy, now = new Date()): Promise<void> {
  const idleCutoff = new Date(now.getTime() - policy.idleTimeoutMs);
  await db.run('DELETE FROM sessions WHERE expires_at <= $1::TIMESTAMP OR last_seen_at < $2::TIMESTAMP', [
    now.toISOString(),
    idleCutoff.toISOString(),
  ]);
}
