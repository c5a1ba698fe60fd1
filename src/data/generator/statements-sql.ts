import type { Queryable } from '../../db';
import type { GenerateParams } from './params';
import { S, u } from './random-sql';
import { dateLiteral, intLiteral } from './sql-values';

// Statements are a recurrence (this month's balance carries last month's unpaid part with interest), so they
// are computed one cycle at a time over all accounts at once: `months` set-based steps, each carrying a small
// state table (carry, running instalments, late fee) to the next.
//
// Rules: statement day = the account's; due 20 days later; interest 0.05% a day (万分之五) on the carried
// balance; instalments bill principal/term plus 0.6% of the principal a month; min_due = max(10% of the
// non-instalment balance + this month's instalment, interest and fees, 100), capped at the balance; a missed
// payment costs a 5% late fee next cycle. Statements due after the as-of date are not paid yet (NULL).

export async function writeStatements(
  tx: Queryable,
  params: GenerateParams,
  onCycle: (done: number) => void,
): Promise<void> {
  const asOf = dateLiteral(params.asOf);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_state (account_id VARCHAR, carry DECIMAL(18,2), inst_run DECIMAL(18,2),
    fee_run DECIMAL(18,2), late_fee DECIMAL(18,2))`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE gen_statements (acct_no BIGINT, account_id VARCHAR, period VARCHAR,
    statement_date DATE, due_date DATE, balance DECIMAL(18,2), min_due DECIMAL(18,2), paid_amount DECIMAL(18,2), paid_at DATE,
    overdue_days INTEGER, interest DECIMAL(18,2), fees DECIMAL(18,2), revolving BOOLEAN, carry DECIMAL(18,2),
    inst_run DECIMAL(18,2), fee_run DECIMAL(18,2), late_fee DECIMAL(18,2))`);
  for (let cycle = 0; cycle < params.months; cycle += 1) {
    const c = intLiteral(cycle);
    const id = `a.acct_no * 64 + ${c}`;
    // Layered CTEs, not one SELECT of lateral aliases: DuckDB inlines an alias wherever it is used, so
    // balance → min_due → paid_amount → carry grew one expression tree many times over (measured 10× slower).
    await tx.run(`INSERT INTO gen_statements
      WITH s0 AS (
        SELECT a.acct_no, a.account_id, a.opened_at, a.closed_at, a.autopay, a.full_pay, a.severe, a.severe_m, a.risk_p,
          mo.period, make_date(year(mo.month_start), month(mo.month_start), a.statement_day) AS statement_date,
          a.initial_carry, st.carry, st.inst_run, st.fee_run, st.late_fee, g.purchases, g.d_portion, g.d_fee
        FROM gen_acct a
        JOIN gen_month mo ON mo.m = ${c}
        LEFT JOIN gen_state st ON st.account_id = a.account_id
        LEFT JOIN (SELECT * FROM gen_cycle WHERE cyc = ${c}) g ON g.account_id = a.account_id
      ),
      s1 AS (
        SELECT acct_no, account_id, period, statement_date, statement_date + 20 AS due_date, autopay, full_pay, closed_at,
          coalesce(carry, initial_carry)::DECIMAL(18,2) AS prev_carry,
          (coalesce(inst_run, 0) + coalesce(d_portion, 0))::DECIMAL(18,2) AS inst_now,
          (coalesce(fee_run, 0) + coalesce(d_fee, 0))::DECIMAL(18,2) AS fee_now,
          coalesce(late_fee, 0)::DECIMAL(18,2) AS late_prev,
          coalesce(purchases, 0)::DECIMAL(18,2) AS purchases_now,
          severe AND ${c} >= severe_m AS severe_now,
          closed_at IS NOT NULL AND statement_date >= closed_at AS closing,
          ${u(S.miss, id)} < 0.01 + 0.12 * risk_p AS miss_draw,
          ${u(S.pay, id)} AS u_pay, ${u(S.payShare, id)} AS u_share, ${u(S.lateDays, id)} AS u_late,
          ${u(S.latePaid, id)} AS u_late_paid, ${u(S.paidEarly, id)} AS u_early
        FROM s0 AS a
        WHERE statement_date BETWEEN opened_at AND ${asOf} AND (closed_at IS NULL OR statement_date < closed_at + 31)
      ),
      s2 AS (
        SELECT *, round(greatest(prev_carry, 0) * 0.0005 * 30, 2)::DECIMAL(18,2) AS interest,
          (fee_now + late_prev)::DECIMAL(18,2) AS fees
        FROM s1
      ),
      s3 AS (SELECT *, (prev_carry + interest + fees + purchases_now + inst_now)::DECIMAL(18,2) AS balance FROM s2),
      s4 AS (
        SELECT *,
          CASE WHEN balance <= 0 THEN 0 ELSE least(balance, greatest(
            round(0.1 * greatest(balance - inst_now - interest - fees, 0), 2) + inst_now + interest + fees, 100)) END
            ::DECIMAL(18,2) AS min_due,
          due_date > ${asOf} AS not_due,
          NOT severe_now AND NOT closing AND miss_draw AS miss,
          closing OR u_pay < full_pay AS pays_full,
          (3 + floor(u_late * 25))::INTEGER AS late_days
        FROM s3
      ),
      s5 AS (
        SELECT *,
          CASE WHEN balance <= 0 THEN 0
            WHEN not_due THEN NULL
            WHEN severe_now THEN 0
            WHEN miss THEN CASE WHEN u_late_paid < 0.6 AND due_date + late_days <= ${asOf} THEN min_due ELSE 0 END
            WHEN pays_full THEN balance
            ELSE round(min_due + pow(u_share, 2) * 0.6 * (balance - min_due), 2)
          END::DECIMAL(18,2) AS paid_amount
        FROM s4
      )
      SELECT acct_no, account_id, period, statement_date, due_date, balance, min_due, paid_amount,
        CASE WHEN paid_amount IS NULL OR paid_amount = 0 THEN NULL
          WHEN miss THEN due_date + late_days
          WHEN autopay THEN due_date
          ELSE due_date - floor(u_early * 15)::INTEGER END AS paid_at,
        CASE WHEN balance <= 0 OR not_due THEN 0
          WHEN severe_now THEN least(3650, date_diff('day', due_date, ${asOf}))
          WHEN miss AND paid_amount > 0 THEN late_days
          WHEN miss THEN least(31, date_diff('day', due_date, ${asOf}))
          ELSE 0 END::INTEGER AS overdue_days,
        interest, fees,
        CASE WHEN not_due THEN NULL ELSE balance > 0 AND paid_amount < balance END AS revolving,
        (balance - coalesce(paid_amount, 0))::DECIMAL(18,2) AS carry_now, inst_now, fee_now,
        CASE WHEN (miss OR severe_now) AND balance > 0 AND NOT not_due THEN round(0.05 * min_due, 2) ELSE 0 END
          ::DECIMAL(18,2) AS late_now
      FROM s5`);
    await tx.run(`CREATE OR REPLACE TEMP TABLE gen_state AS
      SELECT account_id, carry, inst_run, fee_run, late_fee FROM gen_statements WHERE period = (SELECT period FROM gen_month WHERE m = ${c})`);
    onCycle(cycle + 1);
  }
  await tx.run(`INSERT INTO statements
    SELECT account_id, period, statement_date, due_date, balance, min_due, paid_amount, paid_at, overdue_days, interest, fees,
      revolving
    FROM gen_statements ORDER BY acct_no, period`);
}
