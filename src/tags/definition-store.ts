import { fail } from '../core';
import { inTransaction, type Database, type Queryable } from '../db';
import { computesSame, dropKeptValues } from './kept-values';
import { tagDefinitionSchema, type TagDefinition } from './definition-schema';
import { builtinTags } from './library';
import { changingCatalogue, refuseBrokenReaders } from './readers';
import { validateDefinition } from './validate';

// Custom tags live in tag_definitions as JSON; the built-in library lives in code and cannot be changed
// through the store (a bank edits a copy under a new code). Every write validates against the whole
// catalogue first and saves nothing on error.

export interface StoredTag {
  readonly definition: TagDefinition;
  readonly builtin: boolean;
  readonly updatedAt?: string;
  readonly updatedBy?: string | null;
}

interface Row {
  definition: string;
  updated_at: Date;
  updated_by: string | null;
}

export async function customTags(db: Queryable | Database): Promise<StoredTag[]> {
  const rows = await db.all<Row>('SELECT definition, updated_at, updated_by FROM tag_definitions ORDER BY code');
  return rows.map((r) => ({
    definition: tagDefinitionSchema.parse(JSON.parse(r.definition)),
    builtin: false,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by,
  }));
}

/** The whole catalogue: built-in tags, then custom ones. */
export async function loadCatalogue(db: Queryable | Database): Promise<StoredTag[]> {
  return [...builtinTags.map((definition) => ({ definition, builtin: true })), ...(await customTags(db))];
}

export async function findTag(db: Queryable | Database, code: string): Promise<StoredTag> {
  const tag = (await loadCatalogue(db)).find((t) => t.definition.code === code);
  return tag ?? fail('not_found', `找不到标签 ${code}`, `tag ${code} not found`, { code });
}

/**
 * Validates against the catalogue (with this definition in place of any older version) and saves. `user` is
 * recorded as who saved it; `ownerName` (a person or team readers recognise, the username by default) owns a
 * new tag that names no owner. `baseVersion`, when given, must be the stored version: two people editing the
 * same tag do not silently overwrite each other.
 */
export function saveTag(
  db: Database,
  input: unknown,
  user: string | null,
  mode: 'create' | 'update',
  ownerName = user,
  baseVersion?: number,
): Promise<TagDefinition> {
  return changingCatalogue(db, () => checkAndSave(db, input, user, mode, ownerName, baseVersion));
}

async function checkAndSave(
  db: Database,
  input: unknown,
  user: string | null,
  mode: 'create' | 'update',
  ownerName: string | null,
  baseVersion: number | undefined,
): Promise<TagDefinition> {
  const catalogue = await loadCatalogue(db);
  const { definition } = validateDefinition(input, catalogue.map((t) => t.definition));
  const existing = catalogue.find((t) => t.definition.code === definition.code);
  if (existing?.builtin) {
    fail('conflict', `${definition.code} 是内置标签，不能修改`, `${definition.code} is a built-in tag and cannot be changed; save a copy under a new code`);
  }
  if (mode === 'create' && existing) fail('conflict', `标签 ${definition.code} 已存在`, `tag ${definition.code} already exists`);
  if (mode === 'update' && !existing) fail('not_found', `找不到标签 ${definition.code}`, `tag ${definition.code} not found`);
  if (mode === 'update' && baseVersion !== undefined && existing && baseVersion !== existing.definition.version) {
    const now = existing.definition.version;
    fail('conflict', `标签已被他人修改（当前版本 ${now}）`, `the tag was changed meanwhile (now version ${now})`, { version: now });
  }
  // A definition that names no owner belongs to whoever first saved it, and keeps that owner through edits
  // (the console's editor sends none); the schema's default is only for the built-in library.
  const ownerGiven = typeof (input as { owner?: unknown } | null)?.owner === 'string';
  const owner = ownerGiven ? definition.owner : (existing?.definition.owner ?? ownerName ?? definition.owner);
  const saved = { ...definition, owner, version: existing ? existing.definition.version + 1 : 1 };
  if (existing) {
    const current = catalogue.map((t) => t.definition);
    const proposed = current.map((d) => (d.code === saved.code ? saved : d));
    await refuseBrokenReaders(db, current, proposed, { code: saved.code, zh: `修改标签 ${saved.code}`, en: `changing tag ${saved.code}` });
  }
  // Values an on-demand tag kept describe what it computed then: an edit of that, or a move to daily, drops them.
  const keptGoes = existing?.definition.refresh === 'on_demand' && (saved.refresh !== 'on_demand' || !computesSame(existing.definition, saved));
  await db.withConnection((session) =>
    inTransaction(session, async () => {
      await session.run(
        `INSERT INTO tag_definitions VALUES ($code, $json, $version, now()::TIMESTAMP, $user, now()::TIMESTAMP, $user)
         ON CONFLICT (code) DO UPDATE SET definition = excluded.definition, version = excluded.version,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        { code: saved.code, json: JSON.stringify(saved), version: saved.version, user },
      );
      if (keptGoes) await dropKeptValues(session, saved.code);
    }),
  );
  return saved;
}

/** Deletes a custom tag, refusing while saved definitions (custom tags, segments) read it. */
export function deleteTag(db: Database, code: string): Promise<void> {
  return changingCatalogue(db, () => checkAndDelete(db, code));
}

async function checkAndDelete(db: Database, code: string): Promise<void> {
  const catalogue = await loadCatalogue(db);
  const tag = catalogue.find((t) => t.definition.code === code);
  if (!tag) fail('not_found', `找不到标签 ${code}`, `tag ${code} not found`);
  if (tag.builtin) fail('conflict', `${code} 是内置标签，不能删除`, `${code} is a built-in tag and cannot be deleted`);
  const current = catalogue.map((t) => t.definition);
  await refuseBrokenReaders(db, current, current.filter((d) => d.code !== code), { code, zh: `删除标签 ${code}`, en: `deleting tag ${code}` });
  await db.withConnection((session) =>
    inTransaction(session, async () => {
      await session.run('DELETE FROM tag_definitions WHERE code = $1', [code]);
      await dropKeptValues(session, code);
    }),
  );
}
