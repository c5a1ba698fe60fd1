import type { Database } from '../db';

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
}

export async function latestInteractions(db: Database, customerId: string, limit: number): Promise<InteractionRow[]> {
  return db.all<InteractionRow>(
    `WITH s AS MATERIALIZED (SELECT * FROM service_interactions WHERE customer_id = $id)
     SELECT interaction_id, ts, channel, category, sentiment, resolved, text, count(*) OVER () AS total
     FROM s ORDER BY ts DESC, interaction_id DESC LIMIT $limit`,
    { id: customerId, limit },
  );
}

/** Contacts per category in the `days` Shanghai days ending at `asOf`. */
export async function interactionCounts(
  db: Database,
  customerId: string,
  asOf: string,
  days: number,
): Promise<Array<{ category: string; count: number }>> {
  return db.all(
    `WITH s AS MATERIALIZED (SELECT category, CAST(ts + INTERVAL 8 HOUR AS DATE) AS d FROM service_interactions WHERE customer_id = $id)
     SELECT category, count(*) AS count FROM s WHERE d > $asOf::DATE - $days::INTEGER AND d <= $asOf::DATE
     GROUP BY category ORDER BY count DESC, category`,
    { id: customerId, asOf, days },
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

export async function latestMessages(db: Database, customerId: string, limit: number): Promise<MessageRow[]> {
  return db.all<MessageRow>(
    `WITH m AS MATERIALIZED (SELECT * FROM messages WHERE customer_id = $id)
     SELECT message_id, campaign_id, journey_id, offer_id, channel, variant, is_control, status, queued_at, sent_at,
       delivered_at, failed_at, opened_at, clicked_at, converted_at
     FROM m ORDER BY queued_at DESC, message_id DESC LIMIT $limit`,
    { id: customerId, limit },
  );
}

/** Counts over every message: a step counts when its timestamp is set (a control record is never sent). */
export async function messageSummary(db: Database, customerId: string): Promise<MessageSummaryRow> {
  const row = await db.one<MessageSummaryRow>(
    `WITH m AS MATERIALIZED (SELECT * FROM messages WHERE customer_id = $id)
     SELECT count(*) AS total, count(*) FILTER (WHERE is_control) AS control,
       count(sent_at) FILTER (WHERE NOT is_control) AS sent, count(delivered_at) FILTER (WHERE NOT is_control) AS delivered,
       count(opened_at) FILTER (WHERE NOT is_control) AS opened, count(clicked_at) FILTER (WHERE NOT is_control) AS clicked,
       count(converted_at) FILTER (WHERE NOT is_control) AS converted
     FROM m`,
    { id: customerId },
  );
  return row ?? { total: 0, control: 0, sent: 0, delivered: 0, opened: 0, clicked: 0, converted: 0 };
}
