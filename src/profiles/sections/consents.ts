import type { z } from 'zod';
import type { bureauSectionSchema, consentsSectionSchema } from '../view-schema';
import { channelPreferences, currentConsents, customerBureau } from '../customer-store';
import { iso, type SectionContext } from './context';

type ConsentsSection = z.infer<typeof consentsSectionSchema>;
type BureauSection = z.infer<typeof bureauSectionSchema>;

export async function consentsSection(ctx: SectionContext): Promise<ConsentsSection> {
  const id = ctx.customerId;
  const [current, preferences] = await Promise.all([currentConsents(ctx.db, id), channelPreferences(ctx.db, id)]);
  return {
    available: true,
    current: current.map((c) => ({ channel: c.channel, purpose: c.purpose, status: c.status, updatedAt: iso(c.updated_at), source: c.source })),
    ledgerEntries: current[0]?.entries ?? 0,
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
