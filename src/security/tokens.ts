import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: the secret half of a session cookie or an API key. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** How secrets are stored and looked up: only the hash is kept, so a copy of the database opens nothing. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two strings without an early exit, so response time does not leak how much of a token matched. */
export function safeEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
