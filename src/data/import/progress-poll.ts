import type { DuckDBConnection } from '@duckdb/node-api';
import type { ProgressListener } from '../../core';

/**
 * Runs one long statement while polling DuckDB's own progress for it, so a multi-gigabyte read shows a
 * moving bar instead of a silent wait. DuckDB only tracks progress with `enable_progress_bar` on (printing
 * stays off: the CLI draws its own bar on stderr).
 */
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
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    // -1 while DuckDB cannot estimate (e.g. before the scan starts): keep the bar where it is.
    if (percentage >= 0) listener({ phase, done: Math.min(99, Math.floor(percentage)), total: 100, ...note });
  }, intervalMs);
  try {
    const result = await work();
    listener({ phase, done: 100, total: 100, ...note });
    return result;
  } finally {
    clearInterval(timer);
  }
}

export async function enableQueryProgress(connection: DuckDBConnection): Promise<void> {
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
}
