import type { z } from 'zod';
import type { interactionsSectionSchema, messagesSectionSchema } from '../view-schema';
import { interactionCounts, latestInteractions, latestMessages, messageSummary } from '../contact-store';
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
  const id = ctx.customer.customer_id;
  const [rows, last90d] = await Promise.all([
    latestInteractions(ctx.db, id, contactsShown),
    ctx.asOf ? interactionCounts(ctx.db, id, ctx.asOf, interactionWindowDays) : Promise.resolve([]),
  ]);
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
    last90d,
  };
}

export async function messagesSection(ctx: SectionContext): Promise<MessagesSection> {
  const id = ctx.customer.customer_id;
  const [rows, summary] = await Promise.all([latestMessages(ctx.db, id, contactsShown), messageSummary(ctx.db, id)]);
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
    summary,
  };
}
