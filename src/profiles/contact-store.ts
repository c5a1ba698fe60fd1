import type { Database } from '../db';
import { preparedAll } from './prepared';

// Contacts with the customer both ways: what they told the service centre, and what we sent them.
// As elsewhere in this capability, the customer's rows are selected first (MATERIALIZED) and only then
// sorted, so DuckDB reads the row groups the zone maps pick and nothing else.

export interface InteractionRow {
  readonly interaction_id: string;
  readonly ts: Date;
  readonly channel: string | null;
  readonly category: string;
  readonly sentiment: number | null;
  readonly resolved: boolean | null;
  readonly text: string | null;
  readonly total: number;
  /** Contacts per category in the window; null when there were none (or no as-of date). */
  readonly recent: Array<{ category: string; count: number }> | null;
}

/**
 * The latest `limit` interactions, each row carrying the customer's total and the per-category counts of
 * the `days` Shanghai days ending at `asOf` (one read of the customer's rows for both).
 */
export async function latestInteractions(
  db: Database,
  customerId: string,
  window: { readonly asOf: string | null; readonly days: number; readonly limit: number },
): Promise<InteractionRow[]> {
  return preparedAll<InteractionRow>(
    db,
    `WITH s AS MATERIALIZED (SELECT * FROM service_interactions WHERE customer_id = $id),
     recent AS (
       SELECT list({'category': category, 'count': n::INTEGER} ORDER BY n DESC, category) AS counts FROM (
         SELECT category, count(*) AS n FROM s
         WHERE CAST(ts + INTERVAL 8 HOUR AS DATE) BETWEEN $asOf::DATE - ($days::INTEGER - 1) AND $asOf::DATE GROUP BY category)
     )
     SELECT interaction_id, ts, channel, category, sentiment, resolved, text, count(*) OVER () AS total, recent.counts AS recent
     FROM s CROSS JOIN recent ORDER BY ts DESC, interaction_id DESC LIMIT $limit`,
    { id: customerId, asOf: window.asOf, days: window.days, limit: window.limit },
  );
}

export interface MessageRow {
  readonly message_id: string;
  readonly campaign_id: string | null;
  readonly journey_id: string | null;
  readonly offer_id: string | null;
  readonly channel: string;
  readonly variant: string | null;
  readonly is_control: boolean;
  readonly status: string;
  readonly queued_at: Date;
  readonly sent_at: Date | null;
  readonly delivered_at: Date | null;
  readonly failed_at: Date | null;
  readonly opened_at: Date | null;
  readonly clicked_at: Date | null;
  readonly converted_at: Date | null;
}

export interface MessageSummaryRow {
  readonly total: number;
  readonly control: number;
  readonly sent: number;
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
  readonly converted: number;
}

/**
 * The latest `limit` messages, each row carrying the counts over every message to the customer: a step
 * counts when its timestamp is set, and control records (held out, never sent) only in `total` and `control`.
 */
export async function latestMessages(db: Database, customerId: string, limit: number): Promise<Array<MessageRow & MessageSummaryRow>> {
  return preparedAll(
    db,
    `WITH m AS MATERIALIZED (SELECT * FROM messages WHERE customer_id = $id),
     summary AS (
       SELECT count(*) AS total, count(*) FILTER (WHERE is_control) AS control,
         count(sent_at) FILTER (WHERE NOT is_control) AS sent, count(delivered_at) FILTER (WHERE NOT is_control) AS delivered,
         count(opened_at) FILTER (WHERE NOT is_control) AS opened, count(clicked_at) FILTER (WHERE NOT is_control) AS clicked,
         count(converted_at) FILTER (WHERE NOT is_control) AS converted
       FROM m
     )
     SELECT message_id, campaign_id, journey_id, offer_id, channel, variant, is_control, status, queued_at, sent_at,
       delivered_at, failed_at, opened_at, clicked_at, converted_at, summary.*
     FROM m CROSS JOIN summary ORDER BY queued_at DESC, message_id DESC LIMIT $limit`,
    { id: customerId, limit },
  );
}
