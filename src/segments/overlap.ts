import { performance } from 'node:perf_hooks';
import { fail } from '../core';
import type { Database } from '../db';
import { ruleCatalog } from './catalog';
import { compileRules } from './compile';
import type { OverlapResult } from './definition-schema';
import { getSegments } from './definition-store';
import { loadProfileInfo } from './profile-store';
import { prepareRule } from './validate';

export const maxOverlapSegments = 10;

/**
 * Pairwise intersections of up to 10 segments in one scan: each customer gets a bitmask of the segments they
 * belong to, the scan groups by mask (at most 2^10 groups), and every count is summed from the masks here.
 * Each rule is evaluated once per customer instead of once per pair.
 */
export async function overlapSegments(db: Database, ids: readonly string[]): Promise<OverlapResult> {
  const started = performance.now();
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > maxOverlapSegments) {
    fail('bad_request', `请选择 2 到 ${maxOverlapSegments} 个不同的分群`, `choose from 2 to ${maxOverlapSegments} different segments`, {
      count: unique.length,
    });
  }
  const segments = await getSegments(db, unique);
  // Up to ten operator-written rules, behaviour windows included, in one request: under the interactive limit.
  return db.withTimeLimit(async (session) => {
    const catalog = await ruleCatalog(session);
    const profile = await loadProfileInfo(session);
    const { from, wheres, params } = compileRules(segments.map((s) => prepareRule(s.rule, catalog)), profile);
    const bits = wheres.map((where, i) => `(CASE WHEN ${where} THEN ${2 ** i} ELSE 0 END)`).join(' + ');
    const rows = await session.all<{ mask: number; n: number }>(
      `SELECT (${bits})::INTEGER AS mask, count(*)::BIGINT AS n FROM ${from} GROUP BY ALL`,
      Object.keys(params).length > 0 ? params : undefined,
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    const sizeOf = (test: (mask: number) => boolean) => rows.reduce((sum, r) => sum + (test(r.mask) ? r.n : 0), 0);
    const counts = segments.map((_, i) => sizeOf((m) => (m & (1 << i)) !== 0));
    const pairs = [];
    for (let i = 0; i < segments.length; i += 1) {
      for (let j = i + 1; j < segments.length; j += 1) {
        const intersection = sizeOf((m) => (m & (1 << i)) !== 0 && (m & (1 << j)) !== 0);
        const union = (counts[i] as number) + (counts[j] as number) - intersection;
        pairs.push({ a: unique[i] as string, b: unique[j] as string, intersection, union, jaccard: union > 0 ? intersection / union : 0 });
      }
    }
    return {
      total,
      segments: segments.map((s, i) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, count: counts[i] as number })),
      pairs,
      elapsedMs: Math.round((performance.now() - started) * 100) / 100,
    };
  });
}
