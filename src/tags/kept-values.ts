import { quoteIdent, tableExists, type Database, type Queryable } from '../db';
import type { ResolvedTag } from './resolve';
import type { TagDefinition } from './definition-schema';
import { keptValuesTable, type RefreshPlan } from './plan/planner';
import type { OnDemandRun } from './schema';

// An on-demand tag is computed when someone asks, not by the daily refresh. Its values wait in
// tag_values_<code> (one row per customer) with, in tag_on_demand_runs, the day they describe and who asked;
// every refresh, full or incremental alike, reads them into the profile as they are.

/** Creates the (empty) kept-values table of every on-demand tag the plan reads that has none yet. */
export async function ensureKeptTables(tx: Queryable, kept: RefreshPlan['kept']): Promise<void> {
  for (const { table, valueType } of kept) {
    await tx.run(`CREATE TABLE IF NOT EXISTS ${quoteIdent(table)} (customer_id VARCHAR, value ${valueType})`);
  }
}

/** The on-demand tags among these, other than `computing`, that have no kept-values table yet. */
export async function missingKeptTables(
  tx: Queryable,
  tags: readonly ResolvedTag[],
  computing?: string,
): Promise<Set<string>> {
  const missing = new Set<string>();
  for (const { def } of tags) {
    if (def.refresh !== 'on_demand' || def.code === computing) continue;
    if (!(await tableExists(tx, keptValuesTable(def.code)))) missing.add(def.code);
  }
  return missing;
}

/** Discards what an on-demand tag's last computation kept (its definition changed, or it went away). */
export async function dropKeptValues(tx: Queryable, code: string): Promise<void> {
  await tx.run(`DROP TABLE IF EXISTS ${quoteIdent(keptValuesTable(code))}`);
  await tx.run('DELETE FROM tag_on_demand_runs WHERE code = $1', [code]);
}

/**
 * Whether two versions of a tag compute the same values: the kept values of an on-demand tag outlive edits
 * of its names, description, owner or unit, not of what it computes.
 */
export function computesSame(a: TagDefinition, b: TagDefinition): boolean {
  const what = (d: TagDefinition) => JSON.stringify([d.type, d.spec, d.values ?? null, d.buckets ?? null]);
  return what(a) === what(b);
}

interface RunRow {
  code: string;
  version: number;
  as_of: string;
  computed_at: Date;
  computed_by: string | null;
  customers: number;
  ms: number;
}

/** The last computation of each on-demand tag that has one, by code. */
export async function onDemandRuns(db: Queryable | Database): Promise<Map<string, OnDemandRun>> {
  const rows = await db.all<RunRow>(
    'SELECT code, version, as_of, computed_at, computed_by, customers, ms FROM tag_on_demand_runs',
  );
  return new Map(
    rows.map((r) => [
      r.code,
      {
        version: r.version,
        asOf: r.as_of,
        computedAt: r.computed_at.toISOString(),
        computedBy: r.computed_by,
        customers: r.customers,
        ms: r.ms,
      },
    ]),
  );
}
