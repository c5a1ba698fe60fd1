import type { z } from 'zod';
import type { interactionsSectionSchema, messagesSectionSchema } from '../view-schema';
import { addDays, shanghaiDate } from '../../core';
import { customerInteractions, latestMessages } from '../contact-store';
import { iso, isoOrNull, type SectionContext } from './context';

type InteractionsSection = z.infer<typeof interactionsSectionSchema>;
type MessagesSection = z.infer<typeof messagesSectionSchema>;

export const contactsShown = 50;
export const interactionWindowDays = 90;

/**
 * Interactions. The text is what the customer said, in their words: the contract marks it personal
 * information. Free text cannot be masked partially with any confidence (a name or a card number can sit
 * anywhere in it), so it is withheld unless the view was unmasked on an audited request; category,
 * sentiment and resolution stay visible to every role.
 */
export async function interactionsSection(ctx: SectionContext): Promise<InteractionsSection> {
  const rows = await customerInteractions(ctx.db, ctx.customerId);
  const newest = [...rows].sort(
    (a, b) => b.ts.getTime() - a.ts.getTime() || (a.interaction_id < b.interaction_id ? 1 : a.interaction_id > b.interaction_id ? -1 : 0),
  );
  // The `interactionWindowDays` Shanghai days ending at the as-of date, inclusive.
  const counts = new Map<string, number>();
  if (ctx.asOf) {
    const from = addDays(ctx.asOf, -(interactionWindowDays - 1));
    for (const r of rows) {
      const day = shanghaiDate(r.ts);
      if (day >= from && day <= ctx.asOf) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    }
  }
  return {
    available: true,
    items: newest.slice(0, contactsShown).map((r) => ({
      interactionId: r.interaction_id,
      ts: iso(r.ts),
      channel: r.channel,
      category: r.category,
      sentiment: r.sentiment,
      resolved: r.resolved,
      text: ctx.unmasked ? r.text : null,
      textMasked: !ctx.unmasked && r.text !== null,
    })),
    total: rows.length,
    last90d: [...counts]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
  };
}

export async function messagesSection(ctx: SectionContext): Promise<MessagesSection> {
  const rows = await latestMessages(ctx.db, ctx.customerId, contactsShown);
  const first = rows[0];
  return {
    available: true,
    items: rows.map((m) => ({
      messageId: m.message_id,
      campaignId: m.campaign_id,
      journeyId: m.journey_id,
      offerId: m.offer_id,
      channel: m.channel,
      variant: m.variant,
      isControl: m.is_control,
      status: m.status,
      queuedAt: iso(m.queued_at),
      sentAt: isoOrNull(m.sent_at),
      deliveredAt: isoOrNull(m.delivered_at),
      failedAt: isoOrNull(m.failed_at),
      openedAt: isoOrNull(m.opened_at),
      clickedAt: isoOrNull(m.clicked_at),
      convertedAt: isoOrNull(m.converted_at),
    })),
    summary: {
      total: first?.total ?? 0,
      control: first?.control ?? 0,
      sent: first?.sent ?? 0,
      delivered: first?.delivered ?? 0,
      opened: first?.opened ?? 0,
      clicked: first?.clicked ?? 0,
      converted: first?.converted ?? 0,
    },
  };
}
