// Reads what a person typed into the customer search box. Pure and browser-safe: the console can show how
// a query will be understood ("masked phone", "customer id") before it is sent.

/** How a query is matched: an id (exact or prefix), a phone (masked pattern or full number), or a name. */
export type SearchKey =
  | { readonly kind: 'id'; readonly prefix: string }
  | { readonly kind: 'phone_mask'; readonly head3: number; readonly tail4: number }
  | { readonly kind: 'phone_full'; readonly digits: string; readonly tail4: number }
  | { readonly kind: 'name'; readonly prefix: string }
  | { readonly kind: 'invalid' };

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
// 138****5678, +86 138****5678, 138 **** 5678: the masked form the console and statements print.
const maskedPhonePattern = /^(?:\+?86)?(1\d{2})\*{4}(\d{4})$/;
const mainlandMobile = /^1\d{10}$/;

/** Digits and stars only, with a mainland +86 / 86 prefix on an 13-digit number dropped. */
function phoneShape(text: string): string | null {
  if (!/^[+\d\s*()-]+$/.test(text)) return null;
  const compact = text.replace(/[\s()-]/g, '');
  if (!/\d/.test(compact)) return null;
  return compact;
}

function mainlandDigits(compact: string): string | null {
  const digits = compact.replace(/^\+/, '');
  const national = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return mainlandMobile.test(national) ? national : null;
}

/**
 * Classifies a search query. Phone shapes win over ids (an 11-digit number is a phone, not an id prefix);
 * anything that is neither a phone nor an id-shaped token is a name.
 * Example: `parseSearchQuery('138****5678')` → `{ kind: 'phone_mask', head3: 138, tail4: 5678 }`.
 */
export function parseSearchQuery(raw: string): SearchKey {
  const q = raw.trim().normalize('NFC');
  if (q.length === 0 || q.length > 64) return { kind: 'invalid' };
  const compact = phoneShape(q);
  if (compact !== null) {
    const masked = maskedPhonePattern.exec(compact);
    if (masked) return { kind: 'phone_mask', head3: Number(masked[1]), tail4: Number(masked[2]) };
    const full = mainlandDigits(compact);
    if (full) return { kind: 'phone_full', digits: full, tail4: Number(full.slice(7)) };
    // Stars in any other arrangement cannot be matched reliably: say so rather than guess.
    if (compact.includes('*') || compact.startsWith('+')) return { kind: 'invalid' };
  }
  if (idPattern.test(q)) return { kind: 'id', prefix: q };
  if (/[\p{L}]/u.test(q) && !/[%_\\*]/.test(q)) return { kind: 'name', prefix: q.toLowerCase() };
  return { kind: 'invalid' };
}

/** A name-shaped query that is also id-shaped ("Wang"): searched as an id first, then as a name. */
export function alsoAName(key: SearchKey): string | null {
  return key.kind === 'id' && /^[A-Za-z][A-Za-z-]*$/.test(key.prefix) ? key.prefix.toLowerCase() : null;
}
