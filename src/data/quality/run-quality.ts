import { fail, shanghaiDate } from '../../core';
import type { Database } from '../../db';
import { contractTable, contractTables } from '../contract/tables';
import { measureTable } from './measure-table';
import { saveReport } from './quality-store';
import { buildReport } from './report';
import type { QualityReport } from './schema';

export interface RunQualityOptions {
  /** One contract table; every contract table when absent. */
  readonly table?: string | undefined;
  /** The day freshness is measured against; today in Shanghai when absent. */
  readonly asOf?: string | undefined;
}

/** Measures table-level quality now and stores one report per table (kept, so trends can be shown). */
export async function runQuality(db: Database, options: RunQualityOptions = {}): Promise<QualityReport[]> {
  const specs = options.table ? [contractTable(options.table)] : contractTables;
  if (specs.some((s) => !s)) {
    fail('bad_request', `未知的表 ${options.table}`, `unknown table '${options.table}'`);
  }
  const asOf = options.asOf ?? shanghaiDate(new Date());
  const reports: QualityReport[] = [];
  await db.withConnection(async (session) => {
    for (const spec of specs) {
      if (!spec) continue;
      reports.push(buildReport(await measureTable(session, spec, asOf), { scope: 'table', table: spec.name, importId: null, asOf }));
    }
  });
  await db.transaction(async (tx) => {
    for (const report of reports) await saveReport(tx, report);
  });
  return reports;
}
