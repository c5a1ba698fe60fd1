import { fail, silentProgress, type ProgressListener } from '../../core';
import { quoteIdent, type Database, type Queryable } from '../../db';
import { contractTables } from '../contract/tables';
import { settleAccountStatus, writeAccounts, writeCustomers } from './accounts-sql';
import { buildCustomerMonths } from './activity-sql';
import { buildCustomerTable } from './customers-sql';
import { writeAppEventBatch } from './events-sql';
import { buildLatentTable } from './latents-sql';
import { truthTableNames } from './migrations';
import { resolveParams, type GenerateOptions, type GenerateParams } from './params';
import { writeBureau, writeChannelPreferences, writeConsents } from './profile-sql';
import { createRandomMacros } from './random-sql';
import { loadReference } from './reference-sql';
import { writeServiceInteractions } from './service-sql';
import { writeStatements } from './statements-sql';
import { createCycleTables, finishCycles, writeTransactionBatch } from './transactions-sql';
import { writeTruth } from './truth';

export type { GenerateOptions, GenerateParams } from './params';

export interface GenerateResult {
  readonly params: GenerateParams;
  /** Rows written per table. */
  readonly counts: Readonly<Record<string, number>>;
  readonly seconds: number;
}

/** Tables the generator fills, in the order a replace empties them (children first). */
const filledTables = [...contractTables.map((t) => t.name).reverse(), ...truthTableNames];

async function prepareTarget(tx: Queryable, params: GenerateParams): Promise<void> {
  const row = await tx.one<{ n: number }>('SELECT count(*)::BIGINT AS n FROM customers');
  const existing = row?.n ?? 0;
  if (existing > 0 && !params.replace) {
    fail(
      'conflict',
      `数据库中已有 ${existing} 位客户：如需覆盖，请加 --replace（将清空所有数据契约表）`,
      `the database already holds ${existing} customers: pass --replace to empty the contract tables and generate anew`,
      { customers: existing },
    );
  }
  if (params.replace) for (const name of filledTables) await tx.run(`DELETE FROM ${quoteIdent(name)}`);
}

function batches(params: GenerateParams): [number, number][] {
  const out: [number, number][] = [];
  for (let lo = 1; lo <= params.customers; lo += params.batchCustomers) {
    out.push([lo, Math.min(params.customers, lo + params.batchCustomers - 1)]);
  }
  return out;
}

const scratchTables = [
  'gen_people', 'gen_cust', 'gen_acct', 'gen_cm', 'gen_cycle', 'gen_inst', 'gen_state', 'gen_statements', 'gen_status',
  'gen_si_plan', 'gen_poisson',
];

/**
 * Generates the demo bank portfolio into the contract tables, plus the planted truth (truth_* tables).
 * Deterministic: the same options give identical tables.
 *
 * It runs on one connection in autocommit mode, not in one transaction: DuckDB has no statistics for tables
 * created inside an open transaction (it estimates 0 rows), and the join orders it then picks made one
 * 2,000-customer step take 586 s instead of 0.3 s. If a step fails, the tables it was filling are emptied.
 */
export async function generatePortfolio(
  db: Database,
  options: GenerateOptions,
  onProgress: ProgressListener = silentProgress,
): Promise<GenerateResult> {
  const params = resolveParams(options);
  const started = Date.now();
  const parts = batches(params);
  await db.withConnection(async (tx) => {
    await prepareTarget(tx, params);
    try {
      await fill(tx, params, parts, onProgress);
    } catch (error) {
      for (const name of filledTables) await tx.run(`DELETE FROM ${quoteIdent(name)}`).catch(() => undefined);
      throw error;
    } finally {
      for (const name of scratchTables) await tx.run(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
    }
  });
  // Transactions are written batch by batch of customers in order, so a customer's rows lie in its batch's
  // row groups: laid out for customer reads as they stand, and recorded so (src/data/cluster); a full
  // clustering would also sort within batches.
  await db.run("INSERT OR REPLACE INTO data_clustering SELECT 'transactions', max(ts), 'generated', now()::TIMESTAMP FROM transactions");
  await db.run('CHECKPOINT');
  const counts: Record<string, number> = {};
  for (const name of filledTables) {
    const row = await db.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${quoteIdent(name)}`);
    counts[name] = row?.n ?? 0;
  }
  return { params, counts, seconds: (Date.now() - started) / 1000 };
}

async function fill(tx: Queryable, params: GenerateParams, parts: [number, number][], onProgress: ProgressListener): Promise<void> {
  {
    onProgress({ phase: 'customers', done: 0, total: 3, detail: 'reference tables' });
    await createRandomMacros(tx, params.seed);
    await loadReference(tx, params);
    onProgress({ phase: 'customers', done: 1, total: 3, detail: `${params.customers.toLocaleString('en-US')} customers` });
    await buildCustomerTable(tx, params);
    await buildLatentTable(tx, params);
    await writeCustomers(tx);
    await writeAccounts(tx, params);
    onProgress({ phase: 'customers', done: 2, total: 3, detail: 'monthly activity' });
    const planned = await buildCustomerMonths(tx, params);
    onProgress({ phase: 'customers', done: 3, total: 3 });

    await createCycleTables(tx);
    for (const [index, [lo, hi]] of parts.entries()) {
      await writeTransactionBatch(tx, params, lo, hi);
      onProgress({ phase: 'transactions', done: index + 1, total: parts.length,
        detail: `${hi.toLocaleString('en-US')} / ${params.customers.toLocaleString('en-US')} customers (~${planned.toLocaleString('en-US')} rows)` });
    }
    await finishCycles(tx);
    await writeStatements(tx, params, (done) => onProgress({ phase: 'statements', done, total: params.months }));
    for (const [index, [lo, hi]] of parts.entries()) {
      await writeAppEventBatch(tx, lo, hi);
      onProgress({ phase: 'app_events', done: index + 1, total: parts.length });
    }
    const rest: [string, () => Promise<void>][] = [
      ['service_interactions', () => writeServiceInteractions(tx, params)],
      ['bureau', () => writeBureau(tx, params)],
      ['consents', () => writeConsents(tx, params)],
      ['channel_preferences', () => writeChannelPreferences(tx)],
      ['account status', () => settleAccountStatus(tx, params)],
      ['truth', () => writeTruth(tx, params)],
    ];
    for (const [index, [label, step]] of rest.entries()) {
      await step();
      onProgress({ phase: 'profiles', done: index + 1, total: rest.length, detail: label });
    }
  }
}
