import type { z } from 'zod';
import type { bureauSectionSchema, consentsSectionSchema } from '../view-schema';
import { channelPreferences, consentLedger, customerBureau, type ConsentRow } from '../customer-store';
import { iso, type SectionContext } from './context';

type ConsentsSection = z.infer<typeof consentsSectionSchema>;
type BureauSection = z.infer<typeof bureauSectionSchema>;

/** The latest entry per channel × purpose; on a tie at the same instant 'withdrawn' wins, to be safe. */
export function currentConsents(ledger: readonly ConsentRow[]): ConsentRow[] {
  const latest = new Map<string, ConsentRow>();
  for (const entry of ledger) {
    const key = `${entry.channel}\u0000${entry.purpose}`;
    const held = latest.get(key);
    const t = entry.updated_at.getTime();
    if (!held || t > held.updated_at.getTime() || (t === held.updated_at.getTime() && entry.status === 'withdrawn')) latest.set(key, entry);
  }
  return [...latest.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.purpose.localeCompare(b.purpose));
}

export async function consentsSection(ctx: SectionContext): Promise<ConsentsSection> {
  const id = ctx.customerId;
  const [ledger, preferences] = await Promise.all([consentLedger(ctx.db, id), channelPreferences(ctx.db, id)]);
  return {
    available: true,
    current: currentConsents(ledger).map((c) => ({ channel: c.channel, purpose: c.purpose, status: c.status, updatedAt: iso(c.updated_at), source: c.source })),
    ledgerEntries: ledger.length,
    preferences: preferences.map((p) => ({ channel: p.channel, rank: p.preference_rank, statedAt: p.stated_at })),
  };
}

export async function bureauSection(ctx: SectionContext): Promise<BureauSection> {
  const rows = await customerBureau(ctx.db, ctx.customerId);
  return {
    available: true,
    items: rows.map((b) => ({
      asOf: b.as_of,
      score: b.score,
      inquiries6m: b.inquiries_6m,
      externalDebt: b.external_debt,
      delinquencies: b.delinquencies,
    })),
  };
}
