import type { Database } from '../../db';
import type { UnavailableSection } from '../view-schema';
import { customerAccounts, type AccountRow, type CustomerRow } from '../customer-store';

/** What every section provider receives: one customer, the as-of date, and whether PII may be shown. */
export interface SectionContext {
  readonly db: Database;
  readonly customer: CustomerRow;
  /** The portfolio's as-of date; null while no transactions are loaded. */
  readonly asOf: string | null;
  /** True only on an audited unmask by an agent or admin (authorizeUnmask has already written the entry). */
  readonly unmasked: boolean;
  /** The customer's accounts, read once and shared by the sections that need them. */
  accounts(): Promise<AccountRow[]>;
}

export function sectionContext(db: Database, customer: CustomerRow, asOf: string | null, unmasked: boolean): SectionContext {
  let accounts: Promise<AccountRow[]> | undefined;
  return {
    db,
    customer,
    asOf,
    unmasked,
    accounts: () => (accounts ??= customerAccounts(db, customer.customer_id)),
  };
}

export function unavailable(zh: string, en: string): UnavailableSection {
  return { available: false, reason: { 'zh-CN': zh, 'en-US': en } };
}

export const iso = (value: Date): string => value.toISOString();
export const isoOrNull = (value: Date | null): string | null => (value ? value.toISOString() : null);
