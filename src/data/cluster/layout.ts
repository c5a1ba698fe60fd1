import { quoteIdent, tableExists, type Queryable } from '../../db';
import { sqlTypeOf } from '../contract/define';
import { contractTables } from '../contract/tables';
import type { TableLayout } from './schema';

/** The tables clustering can keep in order: every contract table with a freshness column to find new rows by. */
export function layoutTables(): string[] {
  return contractTables.filter((t) => t.freshness !== undefined).map((t) => t.name);
}

/**
 * Each such table's layout: the rows loaded after its last clustering are counted on the stored freshness
 * column, so zone maps skip the clustered row groups (their maxima are at most the recorded point). A table
 * never clustered has no such point: its tail is unknown (null), not "every row".
 */
export async function tableLayouts(db: Pick<Queryable, 'one'>): Promise<TableLayout[]> {
  const out: TableLayout[] = [];
  for (const name of layoutTables()) {
    if (!(await tableExists(db, name))) continue;
    const spec = contractTables.find((t) => t.name === name);
    const column = spec?.columns.find((c) => c.name === spec.freshness);
    const freshness = quoteIdent(column?.name ?? '');
    const state = await db.one<{ through: string | null; mode: string; at: string }>(
      `SELECT clustered_through::VARCHAR AS through, mode, strftime(clustered_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS at FROM data_clustering WHERE table_name = $1`,
      [name],
    );
    const through = state?.through ?? null;
    const table = quoteIdent(name);
    const rows = Number((await db.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table}`))?.n ?? 0);
    // The constant is cast to the column's type, so that the filter stays on the stored column.
    const after = `${freshness} > CAST($1::TIMESTAMP AS ${sqlTypeOf[column?.type ?? 'timestamp']})`;
    const tail = through === null ? null : Number((await db.one<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${table} WHERE ${after}`, [through]))?.n ?? 0);
    out.push({ table: name, rows, clusteredThrough: through, mode: state?.mode ?? null, clusteredAt: state?.at ?? null, tailRows: tail });
  }
  return out;
}
