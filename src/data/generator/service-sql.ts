import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { pick, poissonJoin, poissonValue, S, u, z } from './random-sql';
import { dateLiteral, stringList } from './sql-values';
import { serviceTexts } from './texts';

// Service interactions: a plan of (customer, kind, expected count, window), expanded. Churners add
// complaints during their decline and, with an expected 0.9, cancellation requests in the 60 days before
// they close; other customers ask to cancel rarely (0.015 a year) and are retained.

const textSql = (id: string): string => {
  const branches = Object.entries(serviceTexts).map(
    ([category, texts]) => `WHEN '${category}' THEN ${stringList(texts)}[1 + ${pick(S.serviceText, id, texts.length)}]`,
  );
  return `CASE p.category ${branches.join(' ')} END`;
};

export async function writeServiceInteractions(tx: Queryable, params: GenerateParams): Promise<void> {
  const start = dateLiteral(params.start);
  const asOf = dateLiteral(params.asOf);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_si_plan AS
    WITH b AS (
      SELECT i, customer_id, age, churner, churn_date, decline_start, revolver,
        greatest(${start}, customer_since) AS lo, least(${asOf}, stop_date - 1) AS hi,
        (date_diff('day', lo, hi) + 1) / 30.4 AS alive_months
      FROM gen_cust
    ),
    plan AS (
      SELECT i, 0 AS plan, 'inquiry' AS category, 0.05 * alive_months AS lam, lo, hi FROM b
      UNION ALL SELECT i, 1, 'complaint', 0.006 * alive_months, lo, hi FROM b
      UNION ALL SELECT i, 2, 'complaint', 0.8, greatest(decline_start, lo), least(churn_date - 1, hi) FROM b WHERE churner
      UNION ALL SELECT i, 3, 'cancellation_request', 0.9, greatest(churn_date - 60, lo), least(churn_date - 1, hi) FROM b WHERE churner
      UNION ALL SELECT i, 4, 'cancellation_request', 0.015 * alive_months / 12, lo, hi FROM b WHERE NOT churner
      UNION ALL SELECT i, 5, 'limit_request', (CASE WHEN revolver THEN 0.03 ELSE 0.01 END) * alive_months, lo, hi FROM b
      UNION ALL SELECT i, 6, 'dispute', 0.004 * alive_months, lo, hi FROM b
    )
    SELECT plan.*, ${poissonValue('plan.lam', S.serviceCount, 'plan.i * 8 + plan.plan', 'pp')} AS n
    FROM plan ${poissonJoin('plan.lam', S.serviceCount, 'plan.i * 8 + plan.plan', 'pp')}
    WHERE plan.hi >= plan.lo`);
  const id = 'p.sid';
  await tx.run(`INSERT INTO service_interactions
    WITH p AS (
      SELECT *, (i * 8 + plan) * 64 + j AS sid FROM (
        SELECT i, plan, category, lo, hi, unnest(range(least(n, 60))) AS j FROM gen_si_plan WHERE n > 0)
    )
    SELECT 'S' || lpad(row_number() OVER (ORDER BY p.i, p.plan, p.j)::VARCHAR, 9, '0') AS interaction_id,
      c.customer_id,
      (p.lo + to_days(floor(${u(S.serviceDay, id)} * (date_diff('day', p.lo, p.hi) + 1))::INTEGER))::TIMESTAMP
        + to_seconds(8 * 3600 + floor(${u(S.serviceSecond, id)} * 14 * 3600)::BIGINT) - INTERVAL 8 HOUR AS ts,
      CASE WHEN c.age < 35 THEN CASE WHEN ${u(S.serviceChannel, id)} < 0.45 THEN 'app_chat'
          WHEN ${u(S.serviceChannel, id)} < 0.7 THEN 'wechat' WHEN ${u(S.serviceChannel, id)} < 0.95 THEN 'phone' ELSE 'email' END
        ELSE CASE WHEN ${u(S.serviceChannel, id)} < 0.55 THEN 'phone' WHEN ${u(S.serviceChannel, id)} < 0.7 THEN 'branch'
          WHEN ${u(S.serviceChannel, id)} < 0.85 THEN 'app_chat' WHEN ${u(S.serviceChannel, id)} < 0.95 THEN 'wechat'
          ELSE 'email' END END AS channel,
      p.category,
      round(gen_clamp(CASE p.category WHEN 'inquiry' THEN 0.3 WHEN 'complaint' THEN -0.6 WHEN 'cancellation_request' THEN -0.5
        WHEN 'limit_request' THEN 0.05 ELSE -0.4 END + 0.25 * ${z(S.sentiment, id)}, -1, 1), 2) AS sentiment,
      ${u(S.resolved, id)} < CASE p.category WHEN 'inquiry' THEN 0.9 WHEN 'complaint' THEN 0.5
        WHEN 'cancellation_request' THEN 0.3 WHEN 'limit_request' THEN 0.6 ELSE 0.4 END AS resolved,
      ${textSql(id)} AS text
    FROM p JOIN gen_cust c USING (i)
    ORDER BY p.i, p.plan, p.j`);
}
