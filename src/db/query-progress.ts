import type { DuckDBConnection } from '@duckdb/node-api';
import type { ProgressListener } from '../core';

// DuckDB estimates how far the statement running on a connection has come. Long statements (an import's
// read of a multi-gigabyte file, a tag refresh's pass over 100M transactions) poll it, so that a bar moves
// instead of standing still for tens of seconds. DuckDB only tracks it with `enable_progress_bar` on
// (printing stays off: the CLI draws its own bar on stderr, the console its own).

export async function enableQueryProgress(connection: DuckDBConnection): Promise<void> {
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
}

/**
 * Calls `onPercent` (0–100) every `intervalMs` while DuckDB can estimate the running statement's progress
 * (it reports -1 before a scan starts and between statements: then nothing is called). Returns the stop.
 */
export function pollQueryProgress(
  connection: DuckDBConnection,
  onPercent: (percent: number) => void,
  intervalMs = 200,
): () => void {
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    if (percentage >= 0) onPercent(Math.min(100, percentage));
  }, intervalMs);
  return () => clearInterval(timer);
}

/** Runs one long statement as a phase of its own, from 0 to 100 by DuckDB's estimate. */
export async function withQueryProgress<T>(
  connection: DuckDBConnection,
  phase: string,
  listener: ProgressListener,
  work: () => Promise<T>,
  detail?: string,
  intervalMs = 200,
): Promise<T> {
  const note = detail === undefined ? {} : { detail };
  listener({ phase, done: 0, total: 100, ...note });
  const stop = pollQueryProgress(
    connection,
    (percent) => listener({ phase, done: Math.min(99, Math.floor(percent)), total: 100, ...note }),
    intervalMs,
  );
  try {
    const result = await work();
    listener({ phase, done: 100, total: 100, ...note });
    return result;
  } finally {
    stop();
  }
}
