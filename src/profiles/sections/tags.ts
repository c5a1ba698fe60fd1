import type { z } from 'zod';
import type { Row } from '../../db';
import { keptAsOfFor, listSnapshots, loadCatalogue, onDemandRuns, profileState, tagDimensions, type OnDemandRun } from '../../tags';
import type { TagValue, tagsSectionSchema, tagValuesSectionSchema } from '../insight-schema';
import { profileRows } from '../tag-store';
import { unavailable, type SectionContext } from './context';

type TagsSection = z.infer<typeof tagsSectionSchema>;
type TagValuesSection = z.infer<typeof tagValuesSectionSchema>;

/** DuckDB values as JSON can carry them: timestamps as ISO strings, anything else unexpected as text. */
export function tagValue(value: unknown): TagValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Tags grouped by dimension (catalogue order), each with its value now and, with `history`, across
 * snapshots (oldest first). Without history it reads one row of `profile`; with it, one row per snapshot
 * as well, which is why the summary leaves history to the tags endpoint.
 */
async function readTags(ctx: SectionContext, history: boolean): Promise<TagsSection> {
  const state = await profileState(ctx.db);
  if (!state) return unavailable('标签画像尚未计算（请运行 cardwise tags refresh）', 'tags have not been computed yet (run cardwise tags refresh)');
  const id = ctx.customerId;
  // The summary shows no history, so it does not list the snapshots either.
  const [catalogue, snapshots] = await Promise.all([loadCatalogue(ctx.db), history ? listSnapshots(ctx.db) : []]);
  // Only a catalogue with on-demand tags pays for reading their computations (the summary's budget is 50 ms).
  const onDemand = catalogue.some((t) => t.definition.refresh === 'on_demand') ? await onDemandRuns(ctx.db) : new Map<string, OnDemandRun>();
  const rows = history ? await profileRows(ctx.db, snapshots.map((s) => s.table), id) : [await ctx.profileRow()].flatMap((r) => (r ? [{ ...r, snapshot_index: -1 }] : []));
  const bySnapshot = new Map<number, Row>(rows.map((r) => [r.snapshot_index, r]));
  const current = bySnapshot.get(-1);
  if (!current) return unavailable('该客户不在最近一次标签计算中（新客户？）', 'this customer was not in the last tag refresh (a new customer?)');
  const groups = tagDimensions.map((dimension) => ({
    dimension,
    tags: catalogue
      .map((t) => t.definition)
      .filter((d) => d.dimension === dimension && d.code in current)
      .map((d) => ({
        code: d.code,
        nameZh: d.name_zh,
        nameEn: d.name_en,
        kind: d.spec.kind,
        type: d.type,
        unit: d.unit ?? null,
        value: tagValue(current[d.code]),
        ...(d.refresh === 'on_demand' ? { computedAsOf: keptAsOfFor(onDemand.get(d.code), state.asOf) } : {}),
        history: snapshots.flatMap((s, i) => {
          const row = bySnapshot.get(i);
          return row && d.code in row ? [{ asOf: s.asOf, value: tagValue(row[d.code]) }] : [];
        }),
      })),
  }));
  return { available: true, asOf: state.asOf, refreshedAt: state.refreshedAt, snapshots: snapshots.length, groups: groups.filter((g) => g.tags.length > 0) };
}

export function tagsSection(ctx: SectionContext): Promise<TagsSection> {
  return readTags(ctx, true);
}

/** The summary's tags: current values only (the response schema drops the empty history arrays). */
export function tagValuesSection(ctx: SectionContext): Promise<TagValuesSection> {
  return readTags(ctx, false);
}
