import { preparedAll, type Database } from '../db';

// Contacts with the customer both ways: what they told the service centre, and what we sent them. Where a
// query sorts and limits, the customer's rows are selected first (MATERIALIZED), so DuckDB reads the row
// groups the zone maps pick and nothing else.

export interface InteractionRow {
  readonly interaction_id: string;
  readonly ts: Date;
  readonly channel: string | null;
  readonly category: string;
  readonly sentiment: number | null;
  readonly resolved: boolean | null;
  readonly text: string | null;
}

/**
 * Every interaction of the customer (a few a year), unordered: the section sorts them and counts the recent
 * ones in JS, which measured cheaper than a sorted, windowed query over the same rows.
 */
export async function customerInteractions(db: Database, customerId: string): Promise<InteractionRow[]> {
  return preparedAll<InteractionRow>(
    db,
    'SELECT interaction_id, ts, channel, category, sentiment, resolved, text FROM service_interactions WHERE customer_id = $id',
    { id: customerId },
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
