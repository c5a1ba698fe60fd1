import { fromShanghai, addDays, type ProgressListener } from '../core';
import type { Queryable } from '../db';
import { txnRawSelect } from './sources';
import { dateLiteral } from './plan/window';

// Rollups fold raw behaviour into (customer, day, dims) rows, sorted by customer so that per-customer passes
// read them in order. They are built once and then extended by appending only days after `through_day`;
// a late row for a day already folded is caught by comparing row counts and that day is folded again.

interface RollupSpec {
  readonly name: 'txn_daily_rollup' | 'event_daily_rollup';
  readonly source: string;
  /** Raw rows projected to customer_id, day, dims and measures. */
  readonly projection: string;
  readonly fold: string;
}

const txnSpec: RollupSpec = {
  name: 'txn_daily_rollup',
  source: 'transactions',
  projection: txnRawSelect,
  fold: `customer_id, day, category, channel, is_overseas, is_airline_hotel, is_installment, is_refund,
    count(*)::INTEGER AS row_count, sum(amount) AS amount, max(amount) AS max_amount, min(amount) AS min_amount`,
};

const eventSpec: RollupSpec = {
  name: 'event_daily_rollup',
  source: 'app_events',
  projection: 'SELECT customer_id, CAST(ts + INTERVAL 8 HOUR AS DATE) AS day, event FROM app_events',
  fold: 'customer_id, day, event, count(*)::INTEGER AS row_count',
};

export const rollupSpecs: readonly RollupSpec[] = [txnSpec, eventSpec];

const groupKeys = (spec: RollupSpec) => (spec.name === 'txn_daily_rollup' ? 'ALL' : 'customer_id, day, event');

/** UTC instant at which a Shanghai day starts, as a bindable timestamp string. */
function dayStartUtc(day: string): string {
  return fromShanghai(day).toISOString().replace('T', ' ').replace('Z', '');
}

async function foldedRows(tx: Queryable, spec: RollupSpec, throughDay: string): Promise<number> {
  const row = await tx.one<{ n: number }>(`SELECT count(*) AS n FROM ${spec.source} WHERE ts < $1::TIMESTAMP`, [dayStartUtc(addDays(throughDay, 1))]);
  return row?.n ?? 0;
}

async function foldDays(tx: Queryable, spec: RollupSpec, from: string, through: string): Promise<void> {
  await tx.run(`INSERT INTO ${spec.name} SELECT ${spec.fold} FROM (${spec.projection}) WHERE day >= ${dateLiteral(from)} AND day <= ${dateLiteral(through)}
    GROUP BY ${groupKeys(spec)} ORDER BY customer_id, day`);
}

/** Rebuilds a rollup from scratch through `asOf`. */
async function rebuild(tx: Queryable, spec: RollupSpec, asOf: string): Promise<void> {
  // Replacing the table (not DELETE + INSERT) writes it once, sorted by customer, with no tombstones.
  await tx.run(`CREATE OR REPLACE TABLE ${spec.name} AS SELECT ${spec.fold} FROM (${spec.projection})
    WHERE day <= ${dateLiteral(asOf)} GROUP BY ${groupKeys(spec)} ORDER BY customer_id, day`);
}

/**
 * Brings every rollup up to `asOf`. `full` rebuilds; otherwise only days after the last folded day are
 * appended, after re-folding any earlier day whose raw row count changed (late arrivals, deletions).
 */
export async function maintainRollups(tx: Queryable, asOf: string, full: boolean, onProgress: ProgressListener): Promise<void> {
  for (const [i, spec] of rollupSpecs.entries()) {
    onProgress({ phase: 'rollups', done: i, total: rollupSpecs.length, detail: spec.name });
    const state = await tx.one<{ through_day: string; rows_through: number }>(
      'SELECT through_day, rows_through FROM tag_rollup_state WHERE rollup = $1',
      [spec.name],
    );
    if (full || !state || state.through_day > asOf) {
      await rebuild(tx, spec, asOf);
    } else {
      if ((await foldedRows(tx, spec, state.through_day)) !== state.rows_through) await refoldChangedDays(tx, spec, state.through_day);
      if (asOf > state.through_day) await foldDays(tx, spec, addDays(state.through_day, 1), asOf);
    }
    await tx.run(
      `INSERT OR REPLACE INTO tag_rollup_state (rollup, through_day, rows_through, updated_at) VALUES ($1, $2::DATE, $3, now()::TIMESTAMP)`,
      [spec.name, asOf, await foldedRows(tx, spec, asOf)],
    );
  }
  onProgress({ phase: 'rollups', done: rollupSpecs.length, total: rollupSpecs.length });
}

/** Days whose raw row count differs from what the rollup folded: delete and fold them again. */
async function refoldChangedDays(tx: Queryable, spec: RollupSpec, through: string): Promise<void> {
  const changed = await tx.all<{ day: string }>(
    `WITH raw AS (SELECT day, count(*) AS n FROM (${spec.projection}) WHERE day <= ${dateLiteral(through)} GROUP BY day),
          folded AS (SELECT day, sum(row_count) AS n FROM ${spec.name} GROUP BY day)
     SELECT coalesce(raw.day, folded.day) AS day FROM raw FULL JOIN folded ON raw.day = folded.day
     WHERE raw.n IS DISTINCT FROM folded.n ORDER BY 1`,
  );
  for (const { day } of changed) {
    await tx.run(`DELETE FROM ${spec.name} WHERE day = $1::DATE`, [day]);
    await tx.run(`INSERT INTO ${spec.name} SELECT ${spec.fold} FROM (${spec.projection}) WHERE day = $1::DATE GROUP BY ${groupKeys(spec)}`, [day]);
  }
}
