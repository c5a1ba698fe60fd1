import type { Database } from './database';

// Work that must read and then write without another instance of the same work in between: appending to the
// audit hash chain, rebuilding the search keys, saving definitions that are checked against each other (tags
// and the segments that read them). DuckDB's snapshot isolation would let two such transactions each pass
// their checks and both commit (a write skew), so the check and the write run one at a time per database and
// purpose. In the embedded tier one process owns the file, so a queue in this process is enough; a shared
// server tier would take a database advisory lock under the same call.

const queues = new WeakMap<Database, Map<string, Promise<unknown>>>();

/** Runs `work` after every earlier `oneAtATime` of the same `purpose` on `db` has settled (failed or not). */
export function oneAtATime<T>(db: Database, purpose: string, work: () => Promise<T>): Promise<T> {
  let byPurpose = queues.get(db);
  if (!byPurpose) queues.set(db, (byPurpose = new Map()));
  const next = (byPurpose.get(purpose) ?? Promise.resolve()).catch(() => undefined).then(work);
  byPurpose.set(purpose, next);
  return next;
}
