import { quoteIdent, type Database, type Row } from '../db';

// Reads one customer's row of the tag capability's published tables: the wide `profile` (one row per
// customer, written ORDER BY customer_id so a point read touches one row group) and its dated snapshots
// (copies of it, in the same order). The table names come from the tag capability (listSnapshots).

export async function currentProfileRow(db: Database, customerId: string): Promise<Row | undefined> {
  return db.one<Row>('SELECT * FROM profile WHERE customer_id = $id', { id: customerId });
}

/** The customer's row in each snapshot table, tagged with the table's position in `tables`; one query. */
export async function snapshotRows(db: Database, tables: readonly string[], customerId: string): Promise<Array<Row & { snapshot_index: number }>> {
  if (tables.length === 0) return [];
  const parts = tables.map((t, i) => `SELECT ${i} AS snapshot_index, * FROM ${quoteIdent(t)} WHERE customer_id = $id`);
  // BY NAME: snapshots taken under different catalogues have different columns; missing ones read as NULL.
  return db.all(parts.join('\nUNION ALL BY NAME\n'), { id: customerId });
}
