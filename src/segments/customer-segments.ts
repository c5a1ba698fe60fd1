import type { Database } from '../db';
import { ruleCatalog } from './catalog';
import { compileRules } from './compile';
import type { Segment } from './definition-schema';
import { listSegments } from './definition-store';
import { loadProfileInfo } from './profile-store';
import { prepareRule } from './validate';

/**
 * The segments one customer belongs to now (for the 360° view): every rule evaluated on that customer's profile
 * row in one query. A rule that no longer compiles (a tag removed since) is left out rather than failing the page.
 */
export async function customerSegments(db: Database, customerId: string): Promise<Segment[]> {
  const segments = await listSegments(db);
  return db.withConnection(async (session) => {
    const catalog = await ruleCatalog(session);
    const profile = await loadProfileInfo(session);
    const usable = segments.flatMap((segment) => {
      try {
        const prepared = prepareRule(segment.rule, catalog);
        compileRules([prepared], profile);
        return [{ segment, prepared }];
      } catch {
        return [];
      }
    });
    if (usable.length === 0) return [];
    const { from, wheres, params } = compileRules(usable.map((u) => u.prepared), profile);
    const row = await session.one<{ hits: boolean[] }>(
      `SELECT [${wheres.map((w) => `coalesce(${w}, false)`).join(', ')}] AS hits FROM ${from} WHERE p.customer_id = $customer`,
      { ...params, customer: customerId },
    );
    return row ? usable.filter((_, i) => row.hits[i] === true).map((u) => u.segment) : [];
  });
}
