import { preparedAll, quoteIdent, type Database, type Row } from '../db';

// Reads one customer's row of the tag capability's published tables: the wide `profile` (one row per
// customer, indexed on customer_id) and its dated snapshots (copies of it sorted by customer, so a point
// read touches one row group). The table names come from the
// tag capability (listSnapshots).

/**
 * The customer's row in `profile` (index -1) and in each snapshot table (index = position in `tables`),
 * in one query. BY NAME: snapshots taken under different catalogues have different columns; a column a
 * table lacks reads as NULL.
 */
export async function profileRows(db: Database, tables: readonly string[], customerId: string): Promise<Array<Row & { snapshot_index: number }>> {
  const parts = [
    'SELECT -1 AS snapshot_index, * FROM profile WHERE customer_id = $id',
    ...tables.map((t, i) => `SELECT ${i} AS snapshot_index, * FROM ${quoteIdent(t)} WHERE customer_id = $id`),
  ];
  // Prepared once only for the summary's fixed text; the snapshot union changes with every refresh.
  const sql = parts.join('\nUNION ALL BY NAME\n');
  return tables.length === 0 ? preparedAll(db, sql, { id: customerId }) : db.all(sql, { id: customerId });
}
