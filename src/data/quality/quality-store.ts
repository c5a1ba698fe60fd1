import type { Queryable } from '../../db';
import { contractTables } from '../contract/tables';

/** Any connection, pool or transaction: these functions run single statements. */
type Sql = Omit<Queryable, 'connection'>;
import { qualityReportSchema, type QualityReport } from './schema';

// SQL of the stored quality reports. The report itself is kept as JSON (its shape is the zod schema), with
// the fields the console filters and sorts on beside it as columns.

export async function saveReport(tx: Sql, report: QualityReport): Promise<void> {
  await tx.run(
    `INSERT INTO quality_reports (id, scope, table_name, import_id, as_of, created_at, row_count, score, report)
     VALUES ($id, $scope, $table, $importId, $asOf::DATE, $createdAt::TIMESTAMPTZ AT TIME ZONE 'UTC', $rows, $score, $report::JSON)`,
    {
      id: report.id,
      scope: report.scope,
      table: report.table,
      importId: report.importId,
      asOf: report.asOf,
      createdAt: report.createdAt,
      rows: report.rows,
      score: report.score,
      report: JSON.stringify(report),
    },
  );
}

function parse(rows: Array<{ report: string }>): QualityReport[] {
  return rows.map((r) => qualityReportSchema.parse(JSON.parse(r.report)));
}

/** The newest table-level report of each table, in the contract's table order (parents first). */
export async function latestTableReports(session: Sql, table?: string): Promise<QualityReport[]> {
  const rows = await session.all<{ report: string }>(
    `SELECT arg_max(report::VARCHAR, created_at) AS report FROM quality_reports
     WHERE scope = 'table' AND ($table IS NULL OR table_name = $table) GROUP BY table_name`,
    { table: table ?? null },
  );
  const order = (name: string) => {
    const index = contractTables.findIndex((t) => t.name === name);
    return index < 0 ? contractTables.length : index;
  };
  return parse(rows).sort((a, b) => order(a.table) - order(b.table) || a.table.localeCompare(b.table));
}

export async function importReport(session: Sql, importId: string): Promise<QualityReport | undefined> {
  const rows = await session.all<{ report: string }>(
    `SELECT report::VARCHAR AS report FROM quality_reports WHERE scope = 'import' AND import_id = $id
     ORDER BY created_at DESC LIMIT 1`,
    { id: importId },
  );
  return parse(rows)[0];
}
