import { quoteIdent, tableExists, type Database, type Queryable } from '../db';
import type { ResolvedTag } from './resolve';
import type { TagDefinition } from './definition-schema';
import { keptValuesTable } from './plan/planner';
import type { OnDemandRun } from './schema';

// An on-demand tag is computed when someone asks, not by the daily refresh. Its values wait in
// tag_values_<code> (one row per customer) with, in tag_on_demand_runs, the day they describe and who asked;
// every refresh, full or incremental alike, reads them into the profile as they are.

/**
 * The on-demand tags among these (other than `computing`) whose kept values a profile as of `asOf` cannot
 * read: never computed (no table yet), or computed as of a later day. A backfill must not see the future:
 * point-in-time reads of its snapshot train models. They read as empty instead.
 */
export async function unreadableKept(
  tx: Pick<Queryable, 'all' | 'one'>,
  tags: readonly ResolvedTag[],
  asOf: string,
  computing?: string,
): Promise<Set<string>> {
  const later = new Set(
    (
      await tx.all<{ code: string }>('SELECT code FROM tag_on_demand_runs WHERE as_of > $1::DATE', [asOf])
    ).map((r) => r.code),
  );
  const unreadable = new Set<string>();
  for (const { def } of tags) {
    if (def.refresh !== 'on_demand' || def.code === computing) continue;
    if (later.has(def.code) || !(await tableExists(tx, keptValuesTable(def.code)))) unreadable.add(def.code);
  }
  return unreadable;
}

/** The day an on-demand tag's value in a profile as of `asOf` describes: its computation's, if that profile reads it. */
export function keptAsOfFor(run: OnDemandRun | undefined, asOf: string): string | null {
  return run && run.asOf <= asOf ? run.asOf : null;
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
