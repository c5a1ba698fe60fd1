import type { Database, Queryable } from '../db';
import type { BrokenReader, TagDefinition, TagReaders } from '../tags';
import { ruleCatalogOf } from './catalog';
import { listSegments } from './definition-store';
import { currentPersonaCodes } from './personas/persona-store';
import { checkRule } from './validate';

/**
 * Saved segments as readers of tags: a segment whose rule would no longer check against a proposed tag
 * catalogue (a tag deleted, its type changed, an enum value it compares with removed) blocks that edit, so
 * that its membership snapshots, and the entry and exit events journeys start from, keep working.
 */
export const segmentTagReaders: TagReaders = {
  kind: 'segment',
  async broken(db: Queryable | Database, catalogue: readonly TagDefinition[]): Promise<BrokenReader[]> {
    const segments = await listSegments(db);
    const catalog = ruleCatalogOf(catalogue, await currentPersonaCodes(db));
    const broken: BrokenReader[] = [];
    for (const segment of segments) {
      const check = checkRule(segment.rule, catalog);
      if (check.valid) continue;
      const { messages } = check.problem;
      broken.push({
        kind: 'segment',
        id: segment.id,
        name: segment.nameEn,
        nameZh: segment.nameZh,
        message: messages['en-US'],
        message_zh: messages['zh-CN'],
      });
    }
    return broken;
  },
};
