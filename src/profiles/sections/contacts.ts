import type { z } from 'zod';
import type { interactionsSectionSchema, messagesSectionSchema } from '../view-schema';
import { latestInteractions, latestMessages } from '../contact-store';
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
  const rows = await latestInteractions(ctx.db, ctx.customerId, {
    asOf: ctx.asOf,
    days: interactionWindowDays,
    limit: contactsShown,
  });
  return {
    available: true,
    items: rows.map((r) => ({
      interactionId: r.interaction_id,
      ts: iso(r.ts),
      channel: r.channel,
      category: r.category,
      sentiment: r.sentiment,
      resolved: r.resolved,
      text: ctx.unmasked ? r.text : null,
      textMasked: !ctx.unmasked && r.text !== null,
    })),
    total: rows[0]?.total ?? 0,
    last90d: rows[0]?.recent ?? [],
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
