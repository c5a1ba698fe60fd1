import { fail, route } from '../core';
import { maskEmail, maskIdHash, maskName, maskPhone } from '../security';
import { tableLayouts } from './cluster/layout';
import { listLayoutEndpoint } from './cluster/schema';
import { contractTable } from './contract/tables';
import { countRejects, getImport, listImports, listRejects } from './import/import-store';
import { getImportEndpoint, listImportsEndpoint, type ImportReject } from './import/schema';
import { importReport, latestTableReports } from './quality/quality-store';
import { runQuality } from './quality/run-quality';
import { latestQualityEndpoint, runQualityEndpoint } from './quality/schema';

// Rejected values are raw file content, so a rejected phone or e-mail is personal information: the data
// page shows it masked for every role, like the rest of the console (src/security/masking.ts).
const maskers: Record<string, (value: string) => string> = {
  name: maskName,
  phone: maskPhone,
  email: maskEmail,
  id_hash: maskIdHash,
};

function maskReject(table: string, reject: ImportReject): ImportReject {
  if (reject.value === null || reject.field === null) return reject;
  const column = contractTable(table)?.columns.find((c) => c.name === reject.field);
  if (!column?.pii) return reject;
  const mask = maskers[column.name] ?? ((v: string) => '*'.repeat(Math.min(v.length, 8)));
  return { ...reject, value: mask(reject.value) };
}

/** The data page's HTTP edge: the import log with rejects, quality reports and tables' layout. SQL lives in the stores. */
export const dataRoutes = [
  route(listImportsEndpoint, ({ db, query }) => listImports(db, query)),
  route(getImportEndpoint, async ({ db, params, query }) => {
    const summary = await getImport(db, params.id);
    if (!summary) fail('not_found', `找不到导入记录 ${params.id}`, `no import ${params.id}`);
    const rejects = await listRejects(db, params.id, query);
    return {
      import: summary,
      rejects: { ...rejects, items: rejects.items.map((r) => maskReject(summary.table, r)) },
      rejectCounts: await countRejects(db, params.id),
      quality: (await importReport(db, params.id)) ?? null,
    };
  }),
  route(listLayoutEndpoint, async ({ db }) => ({ items: await tableLayouts(db) })),
  route(latestQualityEndpoint, async ({ db }) => ({ items: await latestTableReports(db) })),
  route(runQualityEndpoint, async ({ db, body, audit }) => {
    const items = await runQuality(db, body);
    await audit('quality_run', body.table ?? null, { tables: items.map((r) => r.table) });
    return { items };
  }),
];
