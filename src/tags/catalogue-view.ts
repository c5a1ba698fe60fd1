import type { Database } from '../db';
import { findTag, loadCatalogue } from './definition-store';
import { tagDrift, type DriftReport } from './drift-store';
import { listSnapshots, tagTrend, type TrendPoint } from './history-store';
import type { TagDefinition, TagDimension } from './definition-schema';
import { onDemandRuns } from './kept-values';
import type { OnDemandRun, TagReader } from './schema';
import { readersOf } from './readers';

// Read models for the catalogue page and a tag's detail page: coverage and trend come from snapshot
// statistics (kept at each refresh), so listing the catalogue never scans the profile.

export async function catalogueSummary(db: Database, dimension?: TagDimension) {
  const snapshots = await listSnapshots(db);
  const latest = snapshots[snapshots.length - 1];
  const coverage = new Map<string, number>();
  if (latest) {
    const rows = await db.all<{ tag: string; coverage: number }>('SELECT tag, coverage FROM profile_snapshot_stats WHERE snapshot_id = $1', [latest.snapshotId]);
    for (const r of rows) coverage.set(r.tag, r.coverage);
  }
  const tags = (await loadCatalogue(db))
    .filter((t) => !dimension || t.definition.dimension === dimension)
    .map(({ definition: d, builtin }) => ({
      code: d.code,
      name_zh: d.name_zh,
      name_en: d.name_en,
      dimension: d.dimension,
      type: d.type,
      kind: d.spec.kind,
      builtin,
      version: d.version,
      description: d.description,
      refresh: d.refresh,
      ...(d.description_zh ? { description_zh: d.description_zh } : {}),
      coverage: coverage.get(d.code) ?? null,
    }));
  return { asOf: latest?.asOf ?? null, tags };
}

export async function tagDetail(
  db: Database,
  code: string,
): Promise<{
  definition: TagDefinition;
  builtin: boolean;
  trend: TrendPoint[];
  drift: DriftReport | null;
  latestSnapshotAsOf: string | null;
  onDemand: OnDemandRun | null;
  readers: TagReader[];
}> {
  const catalogue = await loadCatalogue(db);
  const tag = catalogue.find((t) => t.definition.code === code) ?? (await findTag(db, code));
  const trend = await tagTrend(db, code);
  const drift = trend.length >= 2 ? await tagDrift(db, code) : null;
  const latestSnapshotAsOf = (await listSnapshots(db)).at(-1)?.asOf ?? null;
  const onDemand = tag.definition.refresh === 'on_demand' ? ((await onDemandRuns(db)).get(code) ?? null) : null;
  const readers = (await readersOf(db, catalogue.map((t) => t.definition), code)).map(({ kind, id, name, nameZh }) => ({
    kind,
    id,
    name,
    ...(nameZh ? { nameZh } : {}),
  }));
  return { definition: tag.definition, builtin: tag.builtin, trend, drift, latestSnapshotAsOf, onDemand, readers };
}
