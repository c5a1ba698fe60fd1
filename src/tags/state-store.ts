import { quoteIdent, type Queryable } from '../db';
import type { PassPlan } from './plan/planner';
import { dateLiteral } from './plan/window';

// Per-customer states of each dynamic pass live in tag_state_<pass> with, in tag_state_meta, the as-of date
// they describe, the SELECT that computed them and how many source rows were dated up to it. An incremental
// refresh moves them forward from the rows that entered and left each window (a few days of data) when the
// catalogue and the old rows are unchanged; otherwise, or in a full refresh, the pass runs over everything.

export interface PassOutcome {
  readonly id: string;
  readonly mode: 'full' | 'delta' | 'reused';
  readonly reason?: string;
  readonly dirty?: number;
  readonly ms: number;
}

interface Meta {
  as_of: string;
  select_sql: string;
  rows_through: number;
}

export async function stateMeta(tx: Queryable, pass: string): Promise<Meta | undefined> {
  return tx.one<Meta>('SELECT as_of, select_sql, rows_through FROM tag_state_meta WHERE pass = $1', [pass]);
}

async function tableExists(tx: Queryable, table: string): Promise<boolean> {
  return ((await tx.one<{ n: number }>('SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = $1', [table]))?.n ?? 0) > 0;
}

/**
 * Brings one dynamic pass's states to `asOf`. `previous` is the same pass planned at the stored as-of date
 * with today's catalogue: if its SELECT differs from the stored one, a tag changed and deltas would mix
 * definitions, so the pass is recomputed.
 */
export async function runDynamicPass(
  tx: Queryable,
  pass: PassPlan,
  asOf: string,
  options: { incremental: boolean; previous?: PassPlan },
): Promise<PassOutcome> {
  const started = Date.now();
  const table = quoteIdent(pass.table);
  const next = quoteIdent(`${pass.table}_next`);
  const meta = await stateMeta(tx, pass.id);
  const counts = await tx.one<{ before: number; now: number }>(
    `SELECT count(*) FILTER (WHERE day <= $1::DATE) AS before, count(*) FILTER (WHERE day <= $2::DATE) AS now FROM ${pass.relationSql}`,
    [meta?.as_of ?? asOf, asOf],
  );
  let reason: string | undefined;
  if (!options.incremental) reason = 'full refresh';
  else if (!meta || !(await tableExists(tx, pass.table))) reason = 'no kept states';
  else if (meta.as_of > asOf) reason = 'as-of moved back';
  else if (!pass.stateSet.incremental) reason = 'states cannot move by delta';
  else if (options.previous?.select !== meta.select_sql) reason = 'definitions changed';
  else if (counts?.before !== meta.rows_through) reason = 'rows changed on days already counted';
  if (!reason && meta && meta.as_of === asOf) return { id: pass.id, mode: 'reused', ms: Date.now() - started };
  let dirty = 0;
  if (reason) {
    await tx.run(`CREATE OR REPLACE TABLE ${next} AS ${pass.select}`);
  } else if (meta) {
    dirty = await moveForward(tx, pass, meta.as_of, asOf);
  }
  await tx.run('BEGIN TRANSACTION');
  try {
    await tx.run(`DROP TABLE IF EXISTS ${table}`);
    await tx.run(`ALTER TABLE ${next} RENAME TO ${table}`);
    await tx.run('INSERT OR REPLACE INTO tag_state_meta VALUES ($1, $2::DATE, $3, $4, now()::TIMESTAMP)', [pass.id, asOf, pass.select, counts?.now ?? 0]);
    await tx.run('COMMIT');
  } catch (error) {
    await tx.run('ROLLBACK');
    throw error;
  }
  return { id: pass.id, mode: reason ? 'full' : 'delta', ...(reason ? { reason } : { dirty }), ms: Date.now() - started };
}

/** old states + entering rows − leaving rows; customers whose extreme left their window are recomputed. */
async function moveForward(tx: Queryable, pass: PassPlan, from: string, to: string): Promise<number> {
  const [table, next] = [quoteIdent(pass.table), quoteIdent(`${pass.table}_next`)];
  const delta = quoteIdent(`${pass.table}_delta`);
  const { items, ranges } = pass.stateSet.deltaItems(from, to);
  const { items: merged, dirty } = pass.stateSet.mergeItems(to);
  const anyRange = [...new Set(ranges)].map((r) => `(${r})`).join(' OR ');
  // The few rows that entered or left a window are set aside first, so that the aggregates run over them
  // only and not over every row the scan passes.
  const moved = quoteIdent(`${pass.table}_moved`);
  await tx.run(`CREATE OR REPLACE TEMP TABLE ${moved} AS SELECT * FROM ${pass.relationSql} WHERE day <= ${dateLiteral(to)} AND (${anyRange})`);
  await tx.run(`CREATE OR REPLACE TABLE ${delta} AS SELECT customer_id, ${items.join(', ')} FROM ${moved} GROUP BY customer_id`);
  await tx.run(`DROP TABLE ${moved}`);
  await tx.run(`CREATE OR REPLACE TABLE ${next} AS SELECT coalesce(o.customer_id, d.customer_id) AS customer_id, ${merged.join(', ')},
    ${dirty.length ? `coalesce(${dirty.join(' OR ')}, false)` : 'false'} AS recompute
    FROM ${table} o FULL JOIN ${delta} d ON o.customer_id = d.customer_id`);
  await tx.run(`DROP TABLE ${delta}`);
  const count = (await tx.one<{ n: number }>(`SELECT count(*) AS n FROM ${next} WHERE recompute`))?.n ?? 0;
  if (count > 0) {
    const redo = quoteIdent(`${pass.table}_redo`);
    await tx.run(`CREATE OR REPLACE TABLE ${redo} AS SELECT customer_id, ${pass.stateSet.selectItems(to).join(', ')} FROM ${pass.relationSql}
      WHERE ${pass.where} AND customer_id IN (SELECT customer_id FROM ${next} WHERE recompute) GROUP BY customer_id`);
    // A customer whose window emptied has no row in the redo: their states become empty, as in a full pass.
    await tx.run(`DELETE FROM ${next} WHERE recompute`);
    await tx.run(`INSERT INTO ${next} BY NAME SELECT *, false AS recompute FROM ${redo}`);
    await tx.run(`DROP TABLE ${redo}`);
  }
  await tx.run(`ALTER TABLE ${next} DROP COLUMN recompute`);
  return count;
}
