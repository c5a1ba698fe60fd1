import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../app';
import type { Database } from '../db';

/** A real DuckDB file in a fresh temporary folder, migrated; `cleanup` closes it and removes the folder. */
export async function tempStore(): Promise<{ db: Database; dir: string; path: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cardwise-test-'));
  const path = join(dir, 'cardwise.duckdb');
  const db = await openStore(path, { connections: 2, threads: 1 });
  return {
    db,
    dir,
    path,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
