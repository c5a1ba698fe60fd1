import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { poissonJoin, poissonValue, S } from './random-sql';
import { dateLiteral } from './sql-values';

// gen_cm: one row per customer and month alive, with how many transactions and app events that month holds.
// This is where the planted churn signal becomes behaviour: the expected count is the customer's activity
// × the month's season × the share of the month the customer held the card × the decline multiplier, which
// falls linearly from 1 at decline_start to 0.15 at the churn date (and 0 after it).

export async function buildCustomerMonths(tx: Queryable, params: GenerateParams): Promise<number> {
  const asOf = dateLiteral(params.asOf);
  const cmId = 'a.i * 64 + a.m';
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_cm AS
    WITH a0 AS (
      SELECT c.i, mo.m, c.churner, c.decline_start, c.churn_date, c.activity, c.cust_app_rate, mo.count_mult,
        greatest(mo.month_start, c.customer_since) AS lo_d,
        least(mo.month_last, c.stop_date - 1) AS hi_d,
        date_diff('day', mo.month_start, mo.month_last) + 1 AS month_days,
        -- A lull, or a card blocked once its holder is severely delinquent.
        CASE WHEN c.severe AND mo.m > c.severe_m THEN 0.05
          WHEN c.lull AND mo.m BETWEEN c.lull_m AND c.lull_m + 2 THEN 0.5 ELSE 1 END AS lull_mult
      FROM gen_cust c JOIN gen_month mo
        ON mo.month_start <= least(c.stop_date - 1, ${asOf}) AND mo.month_last >= c.customer_since
    ),
    a1 AS (SELECT *, date_diff('day', lo_d, hi_d) + 1 AS alive_days FROM a0),
    a2 AS (SELECT *, lo_d + to_days((alive_days // 2)::INTEGER) AS mid_d FROM a1 WHERE alive_days > 0),
    a3 AS (
      SELECT *,
        CASE WHEN churner AND mid_d >= decline_start
          THEN 1 - 0.85 * least(1, date_diff('day', decline_start, mid_d) / greatest(1, date_diff('day', decline_start, churn_date)))
          ELSE 1 END AS decline_mult
      FROM a2
    ),
    a AS (
      SELECT i, m, lo_d, hi_d, alive_days, decline_mult,
        activity * count_mult * alive_days / month_days * decline_mult * lull_mult AS lam,
        cust_app_rate * count_mult * alive_days / month_days * decline_mult * lull_mult AS app_lam
      FROM a3
    ),
    b AS (
      SELECT a.i, a.m, a.lo_d, a.hi_d, a.decline_mult,
        ${poissonValue('a.lam', S.monthCount, cmId, 'pt')} AS n,
        least(200, ${poissonValue('a.app_lam', S.appCount, cmId, 'pa')}) AS app_n
      FROM a ${poissonJoin('a.lam', S.monthCount, cmId, 'pt')} ${poissonJoin('a.app_lam', S.appCount, cmId, 'pa')}
      WHERE a.alive_days > 0
    )
    SELECT *, coalesce(sum(n) OVER (ORDER BY i, m ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS first_seq
    FROM b ORDER BY i, m`);
  const row = await tx.one<{ total: number | null }>('SELECT sum(n)::BIGINT AS total FROM gen_cm');
  return row?.total ?? 0;
}
