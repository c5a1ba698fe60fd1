import type { Database } from '../../db';
import { tempStore } from '../../test-support/temp-store';
import { generatePortfolio, type GenerateOptions, type GenerateResult } from './generate';

/** A freshly generated portfolio in a temporary DuckDB file, for the generator's own tests. */
export async function generatedStore(options: GenerateOptions): Promise<{
  db: Database;
  result: GenerateResult;
  cleanup: () => Promise<void>;
}> {
  const store = await tempStore();
  try {
    const result = await generatePortfolio(store.db, options);
    return { db: store.db, result, cleanup: store.cleanup };
  } catch (error) {
    await store.cleanup();
    throw error;
  }
}

/** An order-independent fingerprint of a table's content: row count and the sum of row hashes. */
export async function tableFingerprint(db: Database, table: string): Promise<string> {
  const row = await db.one<{ n: number; h: string }>(
    `SELECT count(*)::BIGINT AS n, coalesce(sum(hash(t)::HUGEINT), 0)::VARCHAR AS h FROM ${table} t`,
  );
  return `${row?.n}:${row?.h}`;
}
