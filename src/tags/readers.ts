import { fail } from '../core';
import { oneAtATime, type Database, type Queryable } from '../db';
import type { TagDefinition } from './definition-schema';
import { resolveTag, tagCatalog } from './resolve';

// Saved definitions that read tags: other custom tags here, and outside this capability saved segments now
// (journey conditions and offer eligibility later). An edit or deletion of a tag is refused when it would
// make one of them invalid: otherwise the next nightly refresh, or the segment's next snapshot, would fail
// far from the edit that caused it. Readers outside tags register through the composition root (src/app),
// because they depend on tags and not the other way round.

/** A saved definition that a proposed catalogue would break, and why. */
export interface BrokenReader {
  /** `tag`, `segment`, … */
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  /** The name in Chinese, where the definition has one. */
  readonly nameZh?: string;
  readonly message: string;
  readonly message_zh: string;
}

/**
 * One kind of reader: which of its saved definitions do not check against a catalogue. The edit is refused
 * only for readers that check against the current catalogue and not against the proposed one, so that a
 * reader already broken does not block unrelated edits.
 */
export interface TagReaders {
  readonly kind: string;
  broken(db: Queryable | Database, catalogue: readonly TagDefinition[]): Promise<BrokenReader[]>;
}

const registered = new Map<string, TagReaders>();

/**
 * Runs a change to tags or to a reader of tags (check and write) with no other such change in between:
 * otherwise a segment saved against the old catalogue and a tag edit checked against the old segments could
 * both pass their checks and both commit. Changes nest nowhere, so one queue per database is enough.
 */
export function changingCatalogue<T>(db: Database, work: () => Promise<T>): Promise<T> {
  return oneAtATime(db, 'tag catalogue', work);
}

/** Registers a kind of reader (once per kind; a second registration of the same kind replaces the first). */
export function registerTagReaders(readers: TagReaders): void {
  registered.set(readers.kind, readers);
}

/** Tags of the catalogue that do not resolve against it: custom ones reading what changed (built-in tags read only built-in tags, so they always resolve). */
const tagReaders: TagReaders = {
  kind: 'tag',
  async broken(_db, catalogue) {
    const catalog = tagCatalog(catalogue);
    const broken: BrokenReader[] = [];
    for (const def of catalogue) {
      try {
        resolveTag(def, catalog);
      } catch (error) {
        const messages = (error as { messages?: Record<string, string> }).messages;
        const en = messages?.['en-US'] ?? String(error);
        broken.push({
          kind: 'tag',
          id: def.code,
          name: def.name_en,
          nameZh: def.name_zh,
          message: en,
          message_zh: messages?.['zh-CN'] ?? en,
        });
      }
    }
    return broken;
  },
};

const kindNames: Record<string, { zh: string; en: string }> = {
  tag: { zh: '标签', en: 'tag' },
  segment: { zh: '分群', en: 'segment' },
};

/**
 * The saved definitions that check against `current` and not against `proposed`: those the change would
 * break. `change` is the edited tag itself, checked on its own rather than as a reader.
 */
async function newlyBrokenReaders(
  db: Queryable | Database,
  current: readonly TagDefinition[],
  proposed: readonly TagDefinition[],
  change: string,
): Promise<BrokenReader[]> {
  const newlyBroken: BrokenReader[] = [];
  for (const readers of [tagReaders, ...registered.values()]) {
    // One after the other: `db` may be a single connection inside a transaction.
    const before = await readers.broken(db, current);
    const after = await readers.broken(db, proposed);
    const known = new Set(before.map((b) => b.id));
    newlyBroken.push(...after.filter((b) => !known.has(b.id) && !(b.kind === 'tag' && b.id === change)));
  }
  return newlyBroken;
}

/**
 * The saved definitions that read a tag directly (tags computed from it, segments whose rules name it): those
 * that would no longer check without it. Shown before an edit, so its reach is known before it is refused.
 */
export async function readersOf(
  db: Queryable | Database,
  catalogue: readonly TagDefinition[],
  code: string,
): Promise<BrokenReader[]> {
  return newlyBrokenReaders(
    db,
    catalogue,
    catalogue.filter((d) => d.code !== code),
    code,
  );
}

/**
 * Refuses the change from `current` to `proposed` (`change` says what it is, for the message) when a saved
 * definition that checks now would no longer check.
 */
export async function refuseBrokenReaders(
  db: Queryable | Database,
  current: readonly TagDefinition[],
  proposed: readonly TagDefinition[],
  change: { readonly code: string; readonly zh: string; readonly en: string },
): Promise<void> {
  const newlyBroken = await newlyBrokenReaders(db, current, proposed, change.code);
  if (newlyBroken.length === 0) return;
  const listed = (lang: 'zh' | 'en') =>
    newlyBroken
      .map((b) => {
        const kind = kindNames[b.kind]?.[lang] ?? b.kind;
        return lang === 'zh'
          ? `${kind}「${b.nameZh ?? b.name}」(${b.id})：${b.message_zh}`
          : `${kind} '${b.name}' (${b.id}): ${b.message}`;
      })
      .join(lang === 'zh' ? '；' : '; ');
  fail(
    'conflict',
    `${change.zh}会使引用它的定义失效，请先修改这些定义：${listed('zh')}`,
    `${change.en} would break definitions that read it; change them first: ${listed('en')}`,
    { code: change.code, readers: newlyBroken },
  );
}
