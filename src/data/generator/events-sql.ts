import type { Queryable } from '../../db';
import { offerTypes } from './offers';
import { pick, S, u } from './random-sql';
import { intLiteral, stringList } from './sql-values';

// App events for one batch of customers, from gen_cm's monthly counts (which carry the churn decline, so a
// churner's logins fade with their spending). view_offer names an offer type: half the time the persona's
// favourite, so what a customer looks at hints at what they respond to.

const eid = 'e.eid';

export async function writeAppEventBatch(tx: Queryable, lo: number, hi: number): Promise<void> {
  const range = `BETWEEN ${intLiteral(lo)} AND ${intLiteral(hi)}`;
  await tx.run(`INSERT INTO app_events
    WITH e AS (
      SELECT i, lo_d, hi_d, j, (i * 64 + m) * 256 + j AS eid FROM (
        SELECT cm.i, cm.m, cm.lo_d, cm.hi_d, unnest(range(cm.app_n)) AS j
        FROM gen_cm cm WHERE cm.i ${range} AND cm.app_n > 0)
    )
    SELECT c.customer_id,
      make_timestamp((e.lo_d - DATE '1970-01-01'
          + floor(${u(S.appDay, eid)} * (date_diff('day', e.lo_d, e.hi_d) + 1))::BIGINT) * 86400000000
        + ((CASE WHEN c.hours = 'night' AND ${u(S.appHour, eid)} < 0.5 THEN 20 + floor(${u(S.appHour + 400, eid)} * 4)
            ELSE 7 + floor(${u(S.appHour + 400, eid)} * 16) END) * 3600 + floor(${u(S.appSecond, eid)} * 3600) - 28800)::BIGINT
          * 1000000
        -- The index within the month in milliseconds keeps (customer, ts, event) unique.
        + e.j * 1000) AS ts,
      CASE WHEN ${u(S.appEvent, eid)} < 0.42 THEN 'login'
        WHEN ${u(S.appEvent, eid)} < 0.57 THEN 'view_bill'
        WHEN ${u(S.appEvent, eid)} < 0.67 THEN 'pay_bill'
        WHEN ${u(S.appEvent, eid)} < 0.79 THEN 'view_offer'
        WHEN ${u(S.appEvent, eid)} < 0.85 THEN 'view_points'
        WHEN ${u(S.appEvent, eid)} < 0.85 + c.redeem_share THEN 'redeem_points'
        WHEN ${u(S.appEvent, eid)} < 0.85 + c.redeem_share + c.installment_share * 0.1 THEN 'apply_installment'
        ELSE 'login' END AS event,
      CASE event
        WHEN 'login' THEN json_object('os', c.os)
        WHEN 'view_offer' THEN json_object('offer_type', CASE WHEN ${u(S.appOffer, eid)} < 0.5 THEN c.affinity
          ELSE ${stringList(offerTypes)}[1 + ${pick(S.appOfferPick, eid, offerTypes.length)}] END)
        WHEN 'redeem_points' THEN json_object('points', 1000 * (1 + ${pick(S.appPoints, eid, 20)}))
        WHEN 'apply_installment' THEN json_object('months', [3, 6, 12, 24][1 + ${pick(S.appPoints + 400, eid, 4)}])
        ELSE NULL END AS properties
    FROM e JOIN (SELECT *, CASE WHEN persona IN ('high_value', 'business_traveller') THEN 0.08 ELSE 0.04 END AS redeem_share
                 FROM gen_cust WHERE i ${range}) c USING (i)
    ORDER BY e.eid`);
}
