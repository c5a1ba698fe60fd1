import { isCardwiseError, type ExprCatalog } from '../../core';
import type { Queryable } from '../../db';
import { ruleCatalog } from '../catalog';
import { segmentSchema, type BuiltinFamily, type Segment } from '../definition-schema';
import { latestVersions, listSegments, retireBuiltins, writeSegmentRows } from '../definition-store';
import { prepareRule } from '../validate';
import { builtinSegmentId, type BuiltinGroup } from './group';
import { rfmGroups } from './rfm';
import { riskGradeGroups } from './risk';
import { lifecycleGroups, valueTierGroups } from './tiers';

/** The families defined by formula; personas come from clustering (personas/) and are installed by it. */
export const formulaGroups: readonly BuiltinGroup[] = [...rfmGroups, ...valueTierGroups, ...lifecycleGroups, ...riskGradeGroups];

export interface InstallResult {
  readonly written: number;
  readonly unchanged: number;
  /** Families whose rules the current tag catalogue cannot evaluate (a bank that removed a tag), with why. */
  readonly skipped: ReadonlyArray<{ readonly family: BuiltinFamily; readonly reason: string }>;
}

function sameDefinition(existing: Segment, group: BuiltinGroup, rule: string): boolean {
  return (
    existing.kind === 'builtin' &&
    existing.rule === rule &&
    existing.nameZh === group.nameZh &&
    existing.nameEn === group.nameEn &&
    existing.description === group.description &&
    existing.descriptionZh === group.descriptionZh &&
    existing.order === group.order
  );
}

/**
 * Writes the given built-in groups as segments, a new version only where the definition changed. A family
 * whose rule does not check against the catalogue is skipped whole, so no family is ever half installed.
 * Runs inside the caller's transaction (a migration, or a persona run).
 */
export async function installBuiltinGroups(
  tx: Queryable,
  groups: readonly BuiltinGroup[],
  catalog?: ExprCatalog,
): Promise<InstallResult> {
  const names = catalog ?? (await ruleCatalog(tx));
  const skipped = new Map<BuiltinFamily, string>();
  const prepared = groups.map((group) => {
    try {
      return { group, rule: prepareRule(group.rule, names).canonical };
    } catch (error) {
      if (!isCardwiseError(error)) throw error;
      skipped.set(group.family, error.messages['en-US']);
      return { group, rule: undefined };
    }
  });
  const existing = new Map((await listSegments(tx, { kind: 'builtin' })).map((segment) => [segment.id, segment]));
  const versions = await latestVersions(tx);
  const now = new Date().toISOString();
  const changed: Segment[] = [];
  let unchanged = 0;
  for (const { group, rule } of prepared) {
    if (rule === undefined || skipped.has(group.family)) continue;
    const id = builtinSegmentId(group.family, group.group);
    const current = existing.get(id);
    if (current && sameDefinition(current, group, rule)) {
      unchanged += 1;
      continue;
    }
    changed.push(
      segmentSchema.parse({
        kind: 'builtin',
        id,
        family: group.family,
        group: group.group,
        order: group.order,
        nameZh: group.nameZh,
        nameEn: group.nameEn,
        description: group.description,
        descriptionZh: group.descriptionZh,
        rule,
        owner: 'system',
        version: (versions.get(id) ?? 0) + 1,
        createdAt: current?.createdAt ?? now,
        createdBy: current?.createdBy ?? 'system',
        updatedAt: now,
        updatedBy: 'system',
      }),
    );
  }
  await writeSegmentRows(tx, changed, 'system');
  const written = changed.length;
  return { written, unchanged, skipped: [...skipped].map(([family, reason]) => ({ family, reason })) };
}

/** Installs one family as exactly these groups: others of the family are retired. */
export async function replaceFamily(tx: Queryable, family: BuiltinFamily, groups: readonly BuiltinGroup[]): Promise<InstallResult> {
  const result = await installBuiltinGroups(tx, groups);
  await retireBuiltins(tx, family, groups.map((g) => builtinSegmentId(family, g.group)));
  return result;
}

/** Brings the formula families up to date with this code (migration, and each pipeline run after a refresh). */
export function installFormulaFamilies(tx: Queryable): Promise<InstallResult> {
  return installBuiltinGroups(tx, formulaGroups);
}
