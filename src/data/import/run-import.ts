import { newId, shanghaiDate, silentProgress, type ProgressListener } from '../../core';
import { enableQueryProgress, quoteIdent, withQueryProgress, type Database, type Queryable } from '../../db';
import type { TableSpec } from '../contract/define';
import { saveReport } from '../quality/quality-store';
import { buildReport } from '../quality/report';
import type { ReadFormats } from './column-checks';
import { countFilled, measureImport } from './import-quality';
import { findSameImport, insertImport, insertRejects } from './import-store';
import type { LoadedMapping } from './mapping';
import type { ImportSummary } from './schema';
import { tempNames, viewNames, type Stage, type TempNames } from './stage';
import { insertGoodRowsSql, validateStage } from './validate';

/** Where the rows come from, as recorded in the import log. */
export interface SourceInfo {
  readonly fileName: string;
  readonly fileBytes: number;
  /** Started before reading so that hashing a large file overlaps DuckDB's work. */
  readonly fileSha256: Promise<string>;
  readonly format: string;
  readonly source: 'file' | 'berka';
  readonly mapping: LoadedMapping;
  readonly formats: ReadFormats;
}

export interface ImportRunOptions {
  readonly progress?: ProgressListener | undefined;
  /** The day freshness is measured against; today in Shanghai when absent. */
  readonly asOf?: string | undefined;
}

export interface ImportResult extends ImportSummary {
  /** Set when this exact import had already been done: nothing was written, `id` is the earlier import's. */
  readonly alreadyImported: boolean;
  readonly rejectEntries: number;
  readonly ignoredColumns: readonly string[];
}

/** Builds the stage on the import's connection; `run` executes a long statement with the read progress bar. */
export type StageBuilder = (
  session: Queryable,
  names: TempNames,
  run: (sql: string, params: Record<string, string>) => Promise<void>,
) => Promise<Stage>;

const queues = new WeakMap<Database, Promise<unknown>>();

/**
 * Imports into one store run one at a time: validation must see the rows a previous import wrote, or two
 * concurrent imports of overlapping files would both insert the same keys.
 */
export function importLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(db, next);
  return next;
}

async function dropTemps(session: Queryable, names: TempNames): Promise<void> {
  for (const [key, name] of Object.entries(names) as Array<[keyof TempNames, string]>) {
    const kind = viewNames.has(key) ? 'VIEW' : 'TABLE';
    await session.run(`DROP ${kind} IF EXISTS temp.main.${quoteIdent(name)}`).catch(() => undefined);
  }
}

/**
 * The shared path of every import: stage → validate in SQL → write the good rows, the import record, its
 * rejects and its quality report in one transaction. Run it on one connection (temp tables are per
 * connection) and inside importLock.
 */
export async function runImport(
  session: Queryable,
  spec: TableSpec,
  source: SourceInfo,
  buildStage: StageBuilder,
  options: ImportRunOptions = {},
): Promise<ImportResult> {
  const progress = options.progress ?? silentProgress;
  const id = newId('imp');
  const names = tempNames(id);
  const startedAt = new Date();
  await enableQueryProgress(session.connection);
  try {
    const stage = await buildStage(session, names, (sql, params) =>
      withQueryProgress(session.connection, 'read', progress, () => session.run(sql, params), source.fileName),
    );
    const filled = await countFilled(session, spec, stage);
    const steps = ['types and rules', 'references', 'keys', 'quality figures', 'done'];
    const step = (done: number) => progress({ phase: 'validate', done, total: 4, detail: steps[done] ?? '' });
    step(0);
    const outcome = await validateStage(session, spec, stage, source.formats, names, step);
    const sha256 = await source.fileSha256;
    const same = await findSameImport(session, spec.name, sha256, source.mapping.sha256);
    const figures = {
      rowsRead: outcome.rowsRead,
      rowsImported: outcome.rowsToImport,
      rowsUnchanged: outcome.rowsUnchanged,
      rowsRejected: outcome.rowsRejected,
      rejectEntries: outcome.rejectEntries,
      ignoredColumns: stage.ignoredColumns,
    };
    if (same && outcome.rowsToImport === 0 && same.rejectsDigest === outcome.rejectsDigest) {
      step(4);
      const { mappingSha256: _m, mapping: _j, rejectsDigest: _d, ...summary } = same;
      return { ...summary, ...figures, alreadyImported: true };
    }
    const asOf = options.asOf ?? shanghaiDate(new Date());
    const counts = await measureImport(session, spec, stage, names, asOf, filled);
    step(4);
    const summary: ImportSummary = {
      id,
      table: spec.name,
      fileName: source.fileName,
      fileSha256: sha256,
      fileBytes: source.fileBytes,
      format: source.format,
      source: source.source,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      rowsRead: outcome.rowsRead,
      rowsImported: outcome.rowsToImport,
      rowsUnchanged: outcome.rowsUnchanged,
      rowsRejected: outcome.rowsRejected,
      status: 'completed',
    };
    await session.run('BEGIN TRANSACTION');
    try {
      const writing = `${outcome.rowsToImport.toLocaleString('en-US')} rows into ${spec.name}`;
      await withQueryProgress(session.connection, 'write', progress, () => session.run(insertGoodRowsSql(spec, names, outcome)), writing);
      await insertImport(session, {
        ...summary,
        mappingSha256: source.mapping.sha256,
        mapping: source.mapping.sha256 ? JSON.stringify(source.mapping.mapping) : null,
        rejectsDigest: outcome.rejectsDigest,
      });
      await insertRejects(session, id, source.fileName, names.problems);
      await saveReport(session, buildReport(counts, { scope: 'import', table: spec.name, importId: id, asOf }));
      await session.run('COMMIT');
    } catch (error) {
      await session.run('ROLLBACK');
      throw error;
    }
    return { ...summary, ...figures, alreadyImported: false };
  } finally {
    await dropTemps(session, names);
  }
}
