import { fail, silentProgress, type ProgressListener } from '../core';
import {
  enableQueryProgress,
  inTransaction,
  quoteIdent,
  tableExists,
  withQueryProgress,
  type Database,
  type Queryable,
} from '../db';
import { loadCatalogue } from './definition-store';
import { tagClosure } from './graph';
import { computesSame, onDemandRuns, unreadableKept } from './kept-values';
import { tagDefinitionSchema } from './definition-schema';
import { duckdbEnv } from './plan/env';
import { keptValuesTable, keptValueType, planRefresh } from './plan/planner';
import { changingProfile, detectAsOf, profileState } from './refresh';
import type { OnDemandRun, TagDefinition } from './schema';
import { resolveCatalogue } from './validate';

export interface ComputeOptions {
  /** Who asked: recorded with the run. */
  readonly by: string | null;
  readonly onProgress?: ProgressListener;
  /** Runs after the values are computed and before they are kept (tests change the tag here). */
  readonly beforeSwap?: () => Promise<void>;
}

/**
 * Computes an on-demand tag over all customers at the profile's as-of date (the portfolio's before the first
 * refresh) and keeps its values; the tags it reads are computed alongside as they stand now (on-demand ones
 * read from their own kept values). The current profile shows the new values at once; tags computed from
 * this one follow at the next refresh. Nothing changes unless the whole computation succeeds.
 */
export function computeOnDemandTag(
  db: Database,
  code: string,
  options: ComputeOptions,
): Promise<OnDemandRun> {
  return changingProfile(db, () => computeOnce(db, code, options));
}

async function computeOnce(db: Database, code: string, options: ComputeOptions): Promise<OnDemandRun> {
  const onProgress = options.onProgress ?? silentProgress;
  const catalogue = (await loadCatalogue(db)).map((t) => t.definition);
  const definition =
    catalogue.find((d) => d.code === code) ??
    fail('not_found', `找不到标签 ${code}`, `tag ${code} not found`, { code });
  refuseUnlessOnDemand(definition);
  const started = Date.now();
  let version = definition.version;
  const table = quoteIdent(keptValuesTable(code));
  const next = quoteIdent(`${keptValuesTable(code)}_next`);
  await db.withConnection(async (session) => {
    const asOf = (await profileState(session))?.asOf ?? (await detectAsOf(session));
    const tags = resolveCatalogue(tagClosure(definition, catalogue));
    const missingKept = await unreadableKept(session, tags, asOf, code);
    const plan = planRefresh(tags, duckdbEnv(asOf), {
      workPrefix: 'tag_compute',
      inline: true,
      computing: code,
      missingKept,
    });
    const column = quoteIdent(code);
    await enableQueryProgress(session.connection);
    try {
      await withQueryProgress(
        session.connection,
        'compute',
        onProgress,
        () =>
          session.run(
            `CREATE OR REPLACE TABLE ${next} AS SELECT customer_id, CAST(${column} AS ${keptValueType(definition.type)}) AS value FROM (${plan.profileSelect})`,
          ),
        code,
      );
      const customers = (await session.one<{ n: number }>(`SELECT count(value) AS n FROM ${next}`))?.n ?? 0;
      await options.beforeSwap?.();
      const showNow = (await tableExists(session, 'profile')) && (await profileHasColumn(session, code));
      await inTransaction(session, async () => {
        // An edit of what the tag computes, saved meanwhile, would make these values another definition's.
        const stored = await session.one<{ definition: string; version: number }>(
          'SELECT definition, version FROM tag_definitions WHERE code = $1',
          [code],
        );
        const now = stored ? tagDefinitionSchema.parse(JSON.parse(stored.definition)) : undefined;
        if (!stored || now?.refresh !== 'on_demand' || !computesSame(now, definition)) {
          fail(
            'conflict',
            `标签 ${code} 在计算期间被修改，请重新计算`,
            `tag ${code} was changed while it was computed; compute it again`,
          );
        }
        version = stored.version;
        await session.run(`DROP TABLE IF EXISTS ${table}`);
        await session.run(`ALTER TABLE ${next} RENAME TO ${table}`);
        await session.run(
          'INSERT OR REPLACE INTO tag_on_demand_runs VALUES ($1, $2, $3::DATE, now()::TIMESTAMP, $4, $5, $6)',
          [code, version, asOf, options.by, customers, Date.now() - started],
        );
        // The profile's column already has the tag's stored type (an enum's values were checked by the
        // computation's own profile SELECT), so the kept text casts back without loss.
        if (showNow)
          await session.run(
            `UPDATE profile SET ${column} = v.value FROM ${table} v WHERE v.customer_id = profile.customer_id`,
          );
      });
    } finally {
      await session.run(`DROP TABLE IF EXISTS ${next}`);
      await session.run('RESET enable_progress_bar');
    }
  });
  return (
    (await onDemandRuns(db)).get(code) ??
    fail('internal', '计算结果未保存', `the computation of ${code} was not recorded`)
  );
}

/** Refuses a tag that is not computed on demand: every refresh computes the daily ones. */
export function refuseUnlessOnDemand(definition: TagDefinition): void {
  if (definition.refresh === 'on_demand') return;
  const code = definition.code;
  fail(
    'conflict',
    `标签 ${code} 每日随画像刷新计算，无需单独计算`,
    `tag ${code} is computed by every refresh; only on-demand tags are computed on their own`,
  );
}

async function profileHasColumn(session: Pick<Queryable, 'one'>, code: string): Promise<boolean> {
  const row = await session.one<{ n: number }>(
    "SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'profile' AND column_name = $1",
    [code],
  );
  return (row?.n ?? 0) > 0;
}
