import type { SqlRunner } from './sql-runner';

/** How many failed logins one username may see from one IP within the window before logins are refused. */
export interface ThrottlePolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Seconds until the next attempt is allowed, or 0 if it is allowed now. Keyed by username and IP together:
 * a guesser is slowed down without letting anyone lock a colleague out from another desk.
 */
export async function loginBlockedFor(
  db: SqlRunner,
  username: string,
  ip: string,
  policy: ThrottlePolicy = defaultThrottlePolicy,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - policy.windowMs);
  const row = await db.one<{ n: number; oldest: Date | null }>(
    `SELECT count(*) AS n, min(ts) AS oldest FROM (
       SELECT ts FROM login_failures WHERE username = $1 AND ip = $2 AND ts > $3::TIMESTAMP ORDER BY ts DESC LIMIT $4
     )`,
    [username, ip, since.toISOString(), policy.maxFailures],
  );
  if (!row || row.n < policy.maxFailures || !row.oldest) return 0;
  // Allowed again once the oldest of the last maxFailures failures leaves the window.
  return Math.max(1, Math.ceil((row.oldest.getTime() + policy.windowMs - now.getTime()) / 1000));
}

export async function recordLoginFailure(
  db: SqlRunner,
  username: string,
  ip: string,
  policy: ThrottlePolicy = defaultThrottlePolicy,
  now = new Date(),
): Promise<void> {
  await db.run('INSERT INTO login_failures (username, ip, ts) VALUES ($1, $2, $3::TIMESTAMP)', [username, ip, now.toISOString()]);
  // Old failures say nothing any more; dropping them keeps the table small without a separate job.
  await db.run('DELETE FROM login_failures WHERE ts <= $1::TIMESTAMP', [new Date(now.getTime() - policy.windowMs).toISOString()]);
}

/** A successful login forgives earlier typos from the same place. */
export async function clearLoginFailures(db: SqlRunner, username: string, ip: string): Promise<void> {
  await db.run('DELETE FROM login_failures WHERE username = $1 AND ip = $2', [username, ip]);
}
