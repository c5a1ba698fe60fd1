import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { pick, S, u, z } from './random-sql';
import { dateLiteral } from './sql-values';

// Bureau pulls, the consent ledger and stated channel preferences.

export async function writeBureau(tx: Queryable, params: GenerateParams): Promise<void> {
  const start = dateLiteral(params.start);
  const asOf = dateLiteral(params.asOf);
  const id = 'b.i * 4 + b.j';
  // The score falls with the latent risk (about 80 points per standard deviation) and after a severe
  // delinquency; inquiries and debt held elsewhere rise with it.
  await tx.run(`INSERT INTO bureau
    WITH c AS (
      SELECT i, customer_id, risk_z, income_idx, severe, severe_m,
        greatest(${start}, customer_since) AS lo, date_diff('day', lo, ${asOf}) AS span,
        1 + (${u(S.bureauCount, 'i')} < 0.6)::INTEGER + (${u(S.bureauCount + 400, 'i')} < 0.3)::INTEGER AS pulls
      FROM gen_cust
    ),
    b AS (SELECT c.*, unnest(range(pulls)) AS j FROM c),
    r AS (SELECT b.i, b.j, b.customer_id,
      (b.lo + to_days(floor((b.j + ${u(S.bureauDay, id)}) / b.pulls * b.span)::INTEGER))::DATE AS as_of,
      b.severe AND as_of >= ${start} + to_days(b.severe_m * 30 + 60) AS after_default,
      gen_clamp(round(700 - 80 * b.risk_z + 15 * b.income_idx - 120 * after_default::INTEGER
        + 25 * ${z(S.bureauScore, id)}), 300, 900)::INTEGER AS score,
      gen_clamp(floor(exp(0.2 + 0.45 * b.risk_z + 0.5 * ${z(S.inquiries, id)})), 0, 50)::INTEGER AS inquiries_6m,
      CASE WHEN ${u(S.debtZero, id)} < 0.35 THEN 0
        ELSE round(least(50000000, exp(ln(20000) + 0.5 * b.income_idx + 0.4 * b.risk_z + 0.8 * ${z(S.debt, id)})), 2)
      END::DECIMAL(18,2) AS external_debt,
      CASE WHEN after_default THEN 1 + ${pick(S.delinquency, id, 3)}
        WHEN b.risk_z > 1.2 AND ${u(S.delinquency + 400, id)} < 0.25 THEN 1 ELSE 0 END AS delinquencies
      FROM b)
    SELECT customer_id, as_of, score, inquiries_6m, external_debt, delinquencies FROM r ORDER BY i, j`);
}

export async function writeConsents(tx: Queryable, params: GenerateParams): Promise<void> {
  const start = dateLiteral(params.start);
  const asOf = dateLiteral(params.asOf);
  const id = 'g.i * 32 + g.k';
  const wid = 'i * 32 + k';
  // Grant probabilities by channel and purpose; the young favour the app and WeChat, older customers less
  // so. A marketing consent is withdrawn later by 6% of customers, and by a third of churners while they
  // fade away.
  await tx.run(`INSERT INTO consents
    WITH p(channel, purpose, k, base) AS (VALUES
      ('app_push', 'marketing', 0, 0.6), ('sms', 'marketing', 1, 0.55), ('wechat', 'marketing', 2, 0.5),
      ('email', 'marketing', 3, 0.35), ('call_centre', 'marketing', 4, 0.3), ('branch', 'marketing', 5, 0.4),
      ('app_push', 'service', 6, 0.9), ('sms', 'service', 7, 0.98), ('wechat', 'service', 8, 0.7),
      ('email', 'service', 9, 0.5), ('call_centre', 'service', 10, 0.9), ('branch', 'service', 11, 0.95),
      ('app_push', 'risk', 12, 0.6), ('sms', 'risk', 13, 1.0), ('wechat', 'risk', 14, 0.5),
      ('email', 'risk', 15, 0.4), ('call_centre', 'risk', 16, 1.0), ('branch', 'risk', 17, 0.6)),
    g AS (
      SELECT c.i, c.customer_id, c.churner, c.decline_start, c.stop_date, p.channel, p.purpose, p.k,
        greatest(c.customer_since, DATE '2015-01-01') AS since,
        CASE c.acquisition WHEN 'branch' THEN 'branch' WHEN 'telesales' THEN 'call' WHEN 'partner' THEN 'partner' ELSE 'app' END
          AS grant_source,
        p.base * CASE WHEN p.channel IN ('app_push', 'wechat') AND c.age < 30 THEN 1.3
          WHEN p.channel IN ('app_push', 'email') AND c.age > 55 THEN 0.6 ELSE 1 END AS prob
      FROM (SELECT gc.*, gp.acquisition_channel AS acquisition FROM gen_cust gc JOIN gen_people gp USING (i)) c CROSS JOIN p
    ),
    granted AS (
      SELECT g.*, (g.since::TIMESTAMP + to_seconds((${pick(S.consentDay, id, 3 * 86400)} + 3600)::BIGINT)) AS granted_at,
        -- Withdrawals happen inside the history: during a churner's decline, or any time for others.
        CASE WHEN g.churner THEN greatest(g.decline_start, ${start}) ELSE greatest(g.since + 30, ${start}) END AS w_lo,
        least(${asOf}, g.stop_date - 1) AS w_hi
      FROM g WHERE ${u(S.consent, id)} < least(g.prob, 1)
    )
    SELECT customer_id, channel, purpose, 'granted', granted_at - INTERVAL 8 HOUR, grant_source FROM granted
    UNION ALL
    SELECT customer_id, channel, purpose, 'withdrawn',
      (w_lo + to_days(floor(${u(S.withdrawDay, wid)} * (date_diff('day', w_lo, w_hi) + 1))::INTEGER))::TIMESTAMP
        + to_seconds(9 * 3600 + ${pick(S.withdrawDay + 400, wid, 12 * 3600)}) - INTERVAL 8 HOUR,
      CASE WHEN ${u(S.consentSource, wid)} < 0.6 THEN 'app' WHEN ${u(S.consentSource, wid)} < 0.9 THEN 'call' ELSE 'branch' END
    FROM granted
    WHERE purpose = 'marketing' AND w_hi >= w_lo AND w_lo::TIMESTAMP > granted_at
      AND ${u(S.withdraw, wid)} < CASE WHEN churner THEN 0.33 ELSE 0.06 END
    ORDER BY 1, 2, 3, 5`);
}

export async function writeChannelPreferences(tx: Queryable): Promise<void> {
  const id = 'c.i * 8 + p.k';
  await tx.run(`INSERT INTO channel_preferences
    WITH p(channel, k, young, mid, old) AS (VALUES
      ('app_push', 0, 1.2, 0.8, 0.1), ('wechat', 1, 1.3, 0.9, 0.5), ('sms', 2, 0.5, 0.8, 1.1),
      ('email', 3, 0.2, 0.4, -0.2), ('call_centre', 4, -0.5, 0.0, 0.8), ('branch', 5, -0.8, -0.2, 0.9)),
    s AS (
      SELECT c.i, c.customer_id, p.channel, greatest(c.customer_since, DATE '2015-01-01') AS stated_at,
        2 + ${pick(S.preferenceCount, 'c.i', 3)} AS keep,
        CASE WHEN c.age < 30 THEN p.young WHEN c.age <= 50 THEN p.mid ELSE p.old END
          + CASE WHEN c.persona IN ('business_traveller', 'high_value') AND p.channel IN ('email', 'call_centre') THEN 0.5 ELSE 0 END
          + 0.8 * ${z(S.preference, id)} AS score
      FROM gen_cust c CROSS JOIN p
    ),
    r AS (SELECT *, row_number() OVER (PARTITION BY i ORDER BY score DESC, channel) AS preference_rank FROM s)
    SELECT customer_id, channel, preference_rank::INTEGER, stated_at FROM r WHERE preference_rank <= keep
    ORDER BY i, preference_rank`);
}
