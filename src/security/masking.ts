// Personal information (DESIGN §4: name, phone, email, id_hash) is masked for every role by default. The
// policy, in one place so reviewers can read it:
//   - agent, admin: masked by default; may unmask ONE customer at a time for a stated reason, and that
//     request is written to the audit log as `unmask` (an agent on a call needs to confirm who they speak to).
//   - analyst, operator: always masked; their work is on segments and campaigns, never on a named person.
//   - auditor: always masked; they read who looked at what, not the data itself.
// Browser-safe (no Node modules): the console masks with the same functions.
import type { Role } from '../core/schema';

export type PiiAccess = 'masked' | 'unmask_on_request';

export function piiAccess(role: Role): PiiAccess {
  switch (role) {
    case 'agent':
    case 'admin':
      return 'unmask_on_request';
    case 'analyst':
    case 'operator':
    case 'auditor':
      return 'masked';
    default: {
      const unknownRole: never = role;
      throw new Error(`unknown role ${String(unknownRole)}`);
    }
  }
}

/** Whether this role may ever see a customer's personal information unmasked (always via an audited request). */
export function canSeePii(role: Role): boolean {
  return piiAccess(role) === 'unmask_on_request';
}

const star = '*';

/** '王小明' → '王**', 'Li Lei' → 'L*****'. Characters, not UTF-16 units, so 𠮷 counts as one. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return star;
  return chars[0] + star.repeat(chars.length - 1);
}

/** '+8613812345678' → '+86 138****5678', '13812345678' → '138****5678'; others keep only the last 4 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const international = phone.trim().startsWith('+');
  const mainland = international && digits.startsWith('86') ? digits.slice(2) : !international ? digits : null;
  if (mainland !== null && /^1\d{10}$/.test(mainland)) {
    const masked = `${mainland.slice(0, 3)}****${mainland.slice(7)}`;
    return international ? `+86 ${masked}` : masked;
  }
  if (digits.length <= 4) return star.repeat(digits.length);
  return `${international ? '+' : ''}${star.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 'zhang.wei@example.com' → 'z***@example.com': the domain helps support, the mailbox name is personal. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return star.repeat(3);
  const first = Array.from(email.slice(0, at))[0] as string;
  return `${first}***${email.slice(at)}`;
}

/** An ID-number hash still links records across systems, so only enough to tell two apart is shown. */
export function maskIdHash(idHash: string): string {
  if (idHash.length <= 8) return star.repeat(idHash.length);
  return `${idHash.slice(0, 4)}****${idHash.slice(-4)}`;
}

export interface CustomerPii {
  readonly name?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly id_hash?: string | null;
}

/** Masks the contract's personal fields of a customer record, leaving every other field as it is. */
export function maskCustomer<T extends CustomerPii>(customer: T): T {
  const masked: Record<string, unknown> = { ...(customer as Record<string, unknown>) };
  if (customer.name) masked.name = maskName(customer.name);
  if (customer.phone) masked.phone = maskPhone(customer.phone);
  if (customer.email) masked.email = maskEmail(customer.email);
  if (customer.id_hash) masked.id_hash = maskIdHash(customer.id_hash);
  return masked as T;
}
