import { randomBytes } from 'node:crypto';

// Resource ids carry a prefix saying what they name (seg_, off_, jny_, imp_, usr_ …) and 16 random
// characters of Crockford base32: readable in logs, safe in URLs, unguessable.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'imp' | 'qlt' | 'usr' | 'ses' | 'key' | 'job' | 'aud' | 'tag' | 'seg' | 'snp' | 'off' | 'jny' | 'msg' | 'cmp';

export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(16);
  let out = '';
  for (const byte of bytes) out += alphabet[byte & 31];
  return `${prefix}_${out}`;
}
