import { fail, newId } from '../core';
import type { Database, Queryable } from '../db';
import { changingCatalogue } from '../tags';
import { ruleCatalog } from './catalog';
import {
  builtinFamilies,
  segmentInputSchema,
  segmentSchema,
  type BuiltinFamily,
  type Segment,
  type SegmentVersion,
} from './definition-schema';
import { prepareRule } from './validate';

// Segments live in one table with every saved version beside it. A rule is validated against the whole tag
// catalogue before anything is written, and stored in its canonical form. Built-in segments are written only
// by the built-in families (builtin/), never through the API.

interface Row {
  segment_id: string;
  kind: string;
  family: string | null;
  group_code: string | null;
  sort_order: number | null;
  name_zh: string;
  name_en: string;
  description: string;
  description_zh: string | null;
  rule: string;
  owner: string | null;
  version: number;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
  updated_by: string | null;
}

const columns = `segment_id, kind, family, group_code, sort_order, name_zh, name_en, description, description_zh, rule, owner, version,
  created_at, created_by, updated_at, updated_by`;

function isFamily(value: string | null): value is BuiltinFamily {
  return (builtinFamilies as readonly (string | null)[]).includes(value);
}

function toSegment(r: Row): Segment {
  const common = {
    id: r.segment_id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    description: r.description,
    descriptionZh: r.description_zh ?? '',
    rule: r.rule,
    owner: r.owner,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  };
  if (r.kind === 'builtin' && isFamily(r.family)) {
    return { kind: 'builtin', family: r.family, group: r.group_code ?? '', order: r.sort_order ?? 0, ...common };
  }
  return { kind: 'rule', ...common };
}

export interface SegmentFilter {
  readonly kind?: Segment['kind'];
  readonly family?: BuiltinFamily;
}

export async function listSegments(db: Database | Queryable, filter: SegmentFilter = {}): Promise<Segment[]> {
  const rows = await db.all<Row>(
    `SELECT ${columns} FROM segments
     WHERE deleted_at IS NULL AND ($kind IS NULL OR kind = $kind) AND ($family IS NULL OR family = $family)
     ORDER BY kind DESC, family, sort_order, updated_at DESC, segment_id`,
    { kind: filter.kind ?? null, family: filter.family ?? null },
  );
  return rows.map(toSegment);
}

export async function findSegment(db: Database | Queryable, id: string): Promise<Segment | undefined> {
  const row = await db.one<Row>(`SELECT ${columns} FROM segments WHERE segment_id = $1 AND deleted_at IS NULL`, [id]);
  return row ? toSegment(row) : undefined;
}

export async function getSegment(db: Database | Queryable, id: string): Promise<Segment> {
  return (await findSegment(db, id)) ?? fail('not_found', `找不到分群 ${id}`, `segment ${id} not found`, { id });
}

/** Several segments in the order asked; any unknown id fails the whole request. */
export async function getSegments(db: Database | Queryable, ids: readonly string[]): Promise<Segment[]> {
  const found = new Map((await listSegments(db)).map((s) => [s.id, s]));
  return ids.map((id) => found.get(id) ?? fail('not_found', `找不到分群 ${id}`, `segment ${id} not found`, { id }));
}

function rowOf(segment: Segment): Record<string, string | number | null> {
  const builtin = segment.kind === 'builtin' ? segment : undefined;
  return {
    id: segment.id,
    kind: segment.kind,
    family: builtin?.family ?? null,
    grp: builtin?.group ?? null,
    ord: builtin?.order ?? null,
    zh: segment.nameZh,
    en: segment.nameEn,
    description: segment.description,
    descriptionZh: segment.descriptionZh,
    rule: segment.rule,
    owner: segment.owner,
    version: segment.version,
    createdAt: segment.createdAt,
    createdBy: segment.createdBy,
    updatedAt: segment.updatedAt,
    updatedBy: segment.updatedBy,
    definition: JSON.stringify(segment),
  };
}

const rowShape = JSON.stringify(
  Object.fromEntries(
    ['id', 'kind', 'family', 'grp', 'zh', 'en', 'description', 'descriptionZh', 'rule', 'owner', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'definition']
      .map((k) => [k, 'VARCHAR'])
      .concat([['ord', 'INTEGER'], ['version', 'INTEGER']]),
  ),
);

/**
 * Writes segment rows (insert or replace) and their versions; the caller holds the transaction. The rows
 * travel as one bound JSON parameter, so installing a whole family costs three statements, not three per row
 * (every new store installs the built-in families in a migration).
 */
export async function writeSegmentRows(tx: Queryable, segments: readonly Segment[], by: string | null): Promise<void> {
  if (segments.length === 0) return;
  // DuckDB refuses a bound name a statement does not use, so `by` goes only to the statement that reads it.
  const params = { rows: JSON.stringify(segments.map(rowOf)), shape: `[${rowShape}]` };
  const rows = 'SELECT unnest(from_json($rows, $shape), max_depth := 2)';
  await tx.run(`DELETE FROM segments WHERE segment_id IN (SELECT id FROM (${rows}))`, params);
  await tx.run(
    `INSERT INTO segments SELECT id, kind, family, grp, ord, zh, en, description, rule, owner, version,
       createdAt::TIMESTAMP, createdBy, updatedAt::TIMESTAMP, updatedBy, NULL, descriptionZh FROM (${rows})`,
    params,
  );
  await tx.run(`INSERT INTO segment_versions SELECT id, version, definition, now()::TIMESTAMP, $by FROM (${rows})`, { ...params, by });
}

/** Writes a segment row and its version, in one transaction. */
export async function writeSegment(db: Database, segment: Segment, by: string | null): Promise<Segment> {
  await db.transaction((tx) => writeSegmentRows(tx, [segment], by));
  return segment;
}

/**
 * Validates the input and its rule, then saves version 1 of a new rule segment. Nothing is written on error.
 * The rule is checked and saved with no tag edit in between (a tag edit checks the saved segments).
 */
export function createSegment(db: Database, input: unknown, by: string | null): Promise<Segment> {
  return changingCatalogue(db, () => checkAndCreate(db, input, by));
}

async function checkAndCreate(db: Database, input: unknown, by: string | null): Promise<Segment> {
  const parsed = segmentInputSchema.parse(input);
  const prepared = prepareRule(parsed.rule, await ruleCatalog(db));
  const now = new Date().toISOString();
  const segment = segmentSchema.parse({
    kind: 'rule',
    id: newId('seg'),
    nameZh: parsed.nameZh,
    nameEn: parsed.nameEn,
    description: parsed.description,
    descriptionZh: parsed.descriptionZh,
    rule: prepared.canonical,
    owner: parsed.owner ?? by,
    version: 1,
    createdAt: now,
    createdBy: by,
    updatedAt: now,
    updatedBy: by,
  });
  return writeSegment(db, segment, by);
}

function refuseBuiltin(segment: Segment, verb: { zh: string; en: string }): void {
  if (segment.kind === 'builtin') {
    fail('conflict', `${segment.nameZh} 是内置分群，不能${verb.zh}`, `${segment.nameEn} is a built-in segment and cannot be ${verb.en}`, {
      id: segment.id,
    });
  }
}

/**
 * Saves a new version of a rule segment. `baseVersion`, when given, must be the current version: two people
 * editing the same segment do not silently overwrite each other (the check and the write run with no other
 * change to segments or tags in between).
 */
export function updateSegment(db: Database, id: string, input: unknown, by: string | null, baseVersion?: number): Promise<Segment> {
  return changingCatalogue(db, () => checkAndUpdate(db, id, input, by, baseVersion));
}

async function checkAndUpdate(db: Database, id: string, input: unknown, by: string | null, baseVersion: number | undefined): Promise<Segment> {
  const current = await getSegment(db, id);
  refuseBuiltin(current, { zh: '修改', en: 'changed' });
  if (baseVersion !== undefined && baseVersion !== current.version) {
    fail('conflict', `分群已被他人修改（当前版本 ${current.version}）`, `the segment was changed meanwhile (now version ${current.version})`, {
      version: current.version,
    });
  }
  const parsed = segmentInputSchema.parse(input);
  const prepared = prepareRule(parsed.rule, await ruleCatalog(db));
  const segment = segmentSchema.parse({
    ...current,
    nameZh: parsed.nameZh,
    nameEn: parsed.nameEn,
    description: parsed.description,
    descriptionZh: parsed.descriptionZh,
    rule: prepared.canonical,
    owner: parsed.owner ?? current.owner,
    version: current.version + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: by,
  });
  return writeSegment(db, segment, by);
}

/**
 * Hides a rule segment; its versions, snapshots and events stay for the record (journeys may refer to them).
 * Its members' entry days go: they describe current memberships, and the events can rebuild them.
 */
export async function deleteSegment(db: Database, id: string, by: string | null): Promise<void> {
  const current = await getSegment(db, id);
  refuseBuiltin(current, { zh: '删除', en: 'deleted' });
  await db.transaction(async (tx) => {
    await tx.run('UPDATE segments SET deleted_at = now()::TIMESTAMP, updated_by = $2 WHERE segment_id = $1', [id, by]);
    await tx.run('DELETE FROM segment_entry_days WHERE segment_id = $1', [id]);
  });
}

export async function listVersions(db: Database | Queryable, id: string): Promise<SegmentVersion[]> {
  const rows = await db.all<{ version: number; definition: string; saved_at: Date; saved_by: string | null }>(
    'SELECT version, definition, saved_at, saved_by FROM segment_versions WHERE segment_id = $1 ORDER BY version DESC',
    [id],
  );
  if (rows.length === 0) fail('not_found', `找不到分群 ${id}`, `segment ${id} not found`, { id });
  return rows.map((r) => ({
    id,
    version: r.version,
    definition: segmentSchema.parse(JSON.parse(r.definition)),
    savedAt: r.saved_at.toISOString(),
    savedBy: r.saved_by,
  }));
}

/** The highest version ever saved per id (deleted or not), so a reinstalled built-in continues its history. */
export async function latestVersions(db: Database | Queryable): Promise<Map<string, number>> {
  const rows = await db.all<{ id: string; v: number }>('SELECT segment_id AS id, max(version) AS v FROM segment_versions GROUP BY ALL');
  return new Map(rows.map((r) => [r.id, r.v]));
}

/** Hides built-in segments of a family that are no longer produced (a persona that a new clustering dropped). */
export async function retireBuiltins(tx: Queryable, family: string, keep: readonly string[]): Promise<void> {
  await tx.run(
    `UPDATE segments SET deleted_at = now()::TIMESTAMP
     WHERE kind = 'builtin' AND family = $family AND deleted_at IS NULL
       AND segment_id NOT IN (SELECT unnest(from_json($keep, '["VARCHAR"]')))`,
    { family, keep: JSON.stringify(keep) },
  );
}
