import { quoteIdent, tableExists, type Queryable } from '../../db';
import { sqlTypeOf } from '../contract/define';
import { clusterableTables } from './cluster-table';
import type { TableLayout } from './schema';

/**
 * The layout of every table clustering can keep in order: the rows loaded after its last clustering are
 * counted on the stored freshness column, so zone maps skip the clustered row groups (their maxima are at
 * most the recorded point). A table never clustered has no such point: its tail is unknown (null), not
 * "every row".
 */
export async function tableLayouts(db: Pick<Queryable, 'one' | 'all'>): Promise<TableLayout[]> {
  const states = await db.all<{ table_name: string; through: string | null; mode: string; at: string }>(
    `SELECT table_name, clustered_through::VARCHAR AS through, mode, strftime(clustered_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM data_clustering`,
  );
  const stateOf = new Map(states.map((s) => [s.table_name, s]));
  const out: TableLayout[] = [];
  for (const spec of clusterableTables) {
    if (!(await tableExists(db, spec.name))) continue;
    const state = stateOf.get(spec.name);
    const through = state?.through ?? null;
    const table = quoteIdent(spec.name);
    const count = async (where = '', since?: string) =>
      Number((await db.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table} ${where}`, since === undefined ? undefined : [since]))?.n ?? 0);
    // The constant is cast to the column's type, so that the filter stays on the stored column.
    const type = sqlTypeOf[spec.columns.find((c) => c.name === spec.freshness)?.type ?? 'timestamp'];
    const tail = through === null ? null : await count(`WHERE ${quoteIdent(spec.freshness)} > CAST($1::TIMESTAMP AS ${type})`, through);
    out.push({ table: spec.name, rows: await count(), clusteredThrough: through, mode: state?.mode ?? null, clusteredAt: state?.at ?? null, tailRows: tail });
  }
  return out;
}
