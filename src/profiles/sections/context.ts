import type { Database, Row } from '../../db';
import type { UnavailableSection } from '../view-schema';
import { customerAccounts, type AccountRow } from '../customer-store';
import { profileRows } from '../tag-store';

/** What every section provider receives: one customer (known to exist), the as-of date, whether PII may show. */
export interface SectionContext {
  readonly db: Database;
  readonly customerId: string;
  /** The portfolio's as-of date; null while no transactions are loaded. */
  readonly asOf: string | null;
  /** True only on an audited unmask by an agent or admin (authorizeUnmask has already written the entry). */
  readonly unmasked: boolean;
  /** The customer's accounts, read once and shared by the sections that need them. */
  accounts(): Promise<AccountRow[]>;
  /** The customer's row of the tag profile (null when not in it), read once: tags and segments share it. */
  profileRow(): Promise<Row | null>;
}

export function sectionContext(db: Database, customerId: string, asOf: string | null, unmasked: boolean): SectionContext {
  let accounts: Promise<AccountRow[]> | undefined;
  let profileRow: Promise<Row | null> | undefined;
  return {
    db,
    customerId,
    asOf,
    unmasked,
    accounts: () => (accounts ??= customerAccounts(db, customerId)),
    profileRow: () => (profileRow ??= profileRows(db, [], customerId).then((rows) => rows[0] ?? null)),
  };
}

export function unavailable(zh: string, en: string): UnavailableSection {
  return { available: false, reason: { 'zh-CN': zh, 'en-US': en } };
}

export const iso = (value: Date): string => value.toISOString();
export const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);
