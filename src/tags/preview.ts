import { fail } from '../core';
import type { Database } from '../db';
import { loadCatalogue } from './definition-store';
import { tagClosure } from './graph';
import { unreadableKept } from './kept-values';
import { duckdbEnv } from './plan/env';
import { planRefresh } from './plan/planner';
import { detectAsOf, profileState } from './refresh';
import { computeStats, type TagStats } from './snapshot-stats';
import { validateDefinition, resolveCatalogue } from './validate';

export interface TagPreview extends TagStats {
  readonly asOf: string;
  readonly customers: number;
  readonly sample: Array<{ readonly customer_id: string; readonly value: unknown }>;
}

/**
 * Computes a definition over the current data without saving or writing anything: its coverage, mean,
 * distribution and a sample. A computed tag reads the tags it names from the catalogue, evaluated alongside.
 * The pass runs inside a request over up to 100M transactions, so it runs under the database's interactive
 * time limit and fails with `query_timeout` past it. Nothing is lost then: the plan is inline (every pass a
 * CTE of one SELECT, no work or temp table), and an interrupted connection is replaced in the pool.
 */
export async function previewTag(db: Database, input: unknown): Promise<TagPreview> {
  const catalogue = (await loadCatalogue(db)).map((t) => t.definition);
  const { definition } = validateDefinition(input, catalogue);
  const all = [...catalogue.filter((d) => d.code !== definition.code), definition];
  const resolved = resolveCatalogue(tagClosure(definition, all));
  return db.withTimeLimit(async (session) => {
    // Without a profile the as-of comes from max(ts): a scan of the transactions, so inside the limit too.
    const asOf = (await profileState(session))?.asOf ?? (await detectAsOf(session));
    const missingKept = await unreadableKept(session, resolved, asOf, definition.code);
    const plan = planRefresh(resolved, duckdbEnv(asOf), {
      workPrefix: 'tag_preview',
      inline: true,
      computing: definition.code,
      missingKept,
    });
    const from = `(${plan.profileSelect})`;
    const [stats] = await computeStats(session, from, [definition]);
    if (!stats) return fail('internal', '预览失败', 'preview produced no statistics');
    const code = JSON.stringify(definition.code);
    const sample = await session.all<{ customer_id: string; value: unknown }>(
      `SELECT customer_id, ${code} AS value FROM ${from} WHERE ${code} IS NOT NULL ORDER BY customer_id LIMIT 10`,
    );
    const customers = (await session.one<{ n: number }>('SELECT count(*) AS n FROM customers'))?.n ?? 0;
    return { ...stats, asOf, customers, sample };
  });
}
