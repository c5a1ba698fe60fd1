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
// Aliases never reuse a column name of the joined tables: DuckDB resolves a name to the column first.

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
    await tx.run(`INSERT INTO gen_statements
      WITH s AS (
        SELECT a.acct_no, a.account_id, mo.period,
          make_date(year(mo.month_start), month(mo.month_start), a.statement_day) AS statement_date,
          statement_date + 20 AS due_date,
          coalesce(st.carry, a.initial_carry)::DECIMAL(18,2) AS prev_carry,
          (coalesce(st.inst_run, 0) + coalesce(g.d_portion, 0))::DECIMAL(18,2) AS inst_now,
          (coalesce(st.fee_run, 0) + coalesce(g.d_fee, 0))::DECIMAL(18,2) AS fee_now,
          round(greatest(prev_carry, 0) * 0.0005 * 30, 2)::DECIMAL(18,2) AS interest,
          (fee_now + coalesce(st.late_fee, 0))::DECIMAL(18,2) AS fees,
          (prev_carry + interest + fees + coalesce(g.purchases, 0) + inst_now)::DECIMAL(18,2) AS balance,
          CASE WHEN balance <= 0 THEN 0 ELSE least(balance, greatest(
            round(0.1 * greatest(balance - inst_now - interest - fees, 0), 2) + inst_now + interest + fees, 100)) END
            ::DECIMAL(18,2) AS min_due,
          due_date > ${asOf} AS not_due,
          a.severe AND ${c} >= a.severe_m AS severe_now,
          a.closed_at IS NOT NULL AND statement_date >= a.closed_at AS closing,
          NOT severe_now AND NOT closing AND ${u(S.miss, id)} < 0.01 + 0.12 * a.risk_p AS miss,
          closing OR ${u(S.pay, id)} < a.full_pay AS pays_full,
          (3 + floor(${u(S.lateDays, id)} * 25))::INTEGER AS late_days,
          ${u(S.latePaid, id)} < 0.6 AND due_date + late_days <= ${asOf} AS pays_late,
          CASE WHEN balance <= 0 THEN 0
            WHEN not_due THEN NULL
            WHEN severe_now THEN 0
            WHEN miss THEN CASE WHEN pays_late THEN min_due ELSE 0 END
            WHEN pays_full THEN balance
            ELSE round(min_due + pow(${u(S.payShare, id)}, 2) * 0.6 * (balance - min_due), 2)
          END::DECIMAL(18,2) AS paid_amount,
          CASE WHEN paid_amount IS NULL OR paid_amount = 0 THEN NULL
            WHEN miss THEN due_date + late_days
            WHEN a.autopay THEN due_date
            ELSE due_date - floor(${u(S.paidEarly, id)} * 15)::INTEGER END AS paid_at,
          CASE WHEN balance <= 0 OR not_due THEN 0
            WHEN severe_now THEN least(3650, date_diff('day', due_date, ${asOf}))
            WHEN miss AND paid_amount > 0 THEN late_days
            WHEN miss THEN least(31, date_diff('day', due_date, ${asOf}))
            ELSE 0 END::INTEGER AS overdue_days,
          CASE WHEN not_due THEN NULL ELSE balance > 0 AND paid_amount < balance END AS revolving,
          (balance - coalesce(paid_amount, 0))::DECIMAL(18,2) AS carry_now,
          CASE WHEN (miss OR severe_now) AND balance > 0 AND NOT not_due THEN round(0.05 * min_due, 2) ELSE 0 END
            ::DECIMAL(18,2) AS late_now
        FROM gen_acct a
        JOIN gen_month mo ON mo.m = ${c}
        LEFT JOIN gen_state st ON st.account_id = a.account_id
        LEFT JOIN (SELECT * FROM gen_cycle WHERE cyc = ${c}) g ON g.account_id = a.account_id
        WHERE make_date(year(mo.month_start), month(mo.month_start), a.statement_day) BETWEEN a.opened_at AND ${asOf}
          AND (a.closed_at IS NULL OR make_date(year(mo.month_start), month(mo.month_start), a.statement_day) < a.closed_at + 31)
      )
      SELECT acct_no, account_id, period, statement_date, due_date, balance, min_due, paid_amount, paid_at, overdue_days,
        interest, fees, revolving, carry_now, inst_now, fee_now, late_now
      FROM s`);
    await tx.run(`CREATE OR REPLACE TEMP TABLE gen_state AS
      SELECT account_id, carry, inst_run, fee_run, late_fee FROM gen_statements WHERE period = (SELECT period FROM gen_month WHERE m = ${c})`);
    onCycle(cycle + 1);
  }
  await tx.run(`INSERT INTO statements
    SELECT account_id, period, statement_date, due_date, balance, min_due, paid_amount, paid_at, overdue_days, interest, fees,
      revolving
    FROM gen_statements ORDER BY acct_no, period`);
}
