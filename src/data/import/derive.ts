/**
 * Columns the importer fills from another column when the file leaves them empty. `transactions.category`
 * comes from the MCC through mcc_categories (one equality join), so files need only carry the MCC.
 */
export interface Derivation {
  readonly column: string;
  readonly from: string;
  readonly lookupTable: string;
  readonly lookupKey: string;
  readonly lookupValue: string;
}

const byTable: Record<string, readonly Derivation[]> = {
  transactions: [{ column: 'category', from: 'mcc', lookupTable: 'mcc_categories', lookupKey: 'mcc', lookupValue: 'category' }],
};

export function derivationsOf(table: string): readonly Derivation[] {
  return byTable[table] ?? [];
}
