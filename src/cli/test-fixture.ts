// Shared by this capability's tests: a database file opened between two commands (each command holds the file
// while it runs). Capabilities are reached through their index.ts, tests included.
import { openStore } from '../app';
import type { Database } from '../db';

/** Opens the file at `path`, works on it, and closes it, so that the next command can open it. */
export async function withStoreFile<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openStore(path, { connections: 1 });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
