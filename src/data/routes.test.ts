import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../core';
import type { Endpoint, EndpointResponse } from '../core/schema';
import type { Database } from '../db';
import { tempStore } from '../test-support/temp-store';
import { listLayoutEndpoint } from './cluster/schema';
import { importFile } from './import/import-file';
import { getImportEndpoint, listImportsEndpoint } from './import/schema';
import { latestQualityEndpoint, runQualityEndpoint } from './quality/schema';
import { dataRoutes } from './routes';

// The handlers are called directly (the server's own tests cover transport, roles and validation); every
// answer is parsed with its endpoint's response schema, so a handler cannot drift from what the console expects.
async function call<E extends Endpoint>(
  endpoint: E,
  input: { params?: unknown; query?: unknown; body?: unknown },
  db: Database,
): Promise<{ result: EndpointResponse<E>; audits: unknown[] }> {
  const found = dataRoutes.find((r) => r.endpoint === (endpoint as Endpoint)) as RouteDefinition | undefined;
  if (!found) throw new Error(`no route ${endpoint.method} ${endpoint.path}`);
  const audits: unknown[] = [];
  const ctx = {
    db,
    params: endpoint.params?.parse(input.params ?? {}),
    query: endpoint.query?.parse(input.query ?? {}),
    body: endpoint.body?.parse(input.body),
    user: { id: 'usr_test', role: 'admin' },
    audit: async (...entry: unknown[]) => {
      audits.push(entry);
    },
  };
  const result = await found.handler(ctx as unknown as Parameters<RouteDefinition['handler']>[0]);
  return { result: endpoint.response.parse(result) as EndpointResponse<E>, audits };
}

describe('data page routes', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let db: Database;
  let importId: string;
  beforeAll(async () => {
    store = await tempStore();
    db = store.db;
    const file = join(store.dir, 'customers.csv');
    writeFileSync(
      file,
      'customer_id,name,phone,email,customer_since\nC1,王小明,13812345678,wang@example.com,2020-01-01\n' +
        'C2,李雷,13800000000,li@@example,2020-01-02\nC3,韩梅梅,12,han@example.com,2020-01-03\n',
    );
    importId = (await importFile(db, { table: 'customers', file })).id;
  });
  afterAll(() => store.cleanup());

  it('lists the layout of each table: the imported customers never clustered, so without a tail', async () => {
    const { result } = await call(listLayoutEndpoint, {}, db);
    expect(result.items.find((l) => l.table === 'customers')).toEqual({
      table: 'customers', rows: 1, clusteredThrough: null, mode: null, clusteredAt: null, tailRows: null,
    });
    expect(result.items.find((l) => l.table === 'transactions')).toMatchObject({ rows: 0, tailRows: null });
  });

  it('lists imports newest first, filtered by table', async () => {
    const { result } = await call(listImportsEndpoint, { query: { table: 'customers' } }, db);
    expect(result).toMatchObject({ total: 1, items: [{ id: importId, table: 'customers', rowsImported: 1, rowsRejected: 2 }] });
    const none = await call(listImportsEndpoint, { query: { table: 'transactions' } }, db);
    expect(none.result).toEqual({ items: [], total: 0 });
  });

  it('shows one import with a page of rejects, masking personal information', async () => {
    const { result } = await call(getImportEndpoint, { params: { id: importId }, query: { limit: 1 } }, db);
    expect(result.rejects.total).toBe(2);
    expect(result.rejects.items).toEqual([
      { rowNumber: 3, field: 'email', rule: 'pattern', reason: { 'zh-CN': '不符合格式 [^@\\s]+@[^@\\s]+\\.[^@\\s]+', 'en-US': 'does not match [^@\\s]+@[^@\\s]+\\.[^@\\s]+' },
        value: 'l***@example' },
    ]);
    const second = await call(getImportEndpoint, { params: { id: importId }, query: { limit: 1, offset: 1 } }, db);
    expect(second.result.rejects.items).toEqual([
      { rowNumber: 4, field: 'phone', rule: 'pattern', reason: { 'zh-CN': '不符合格式 \\+?[0-9 -]{6,20}', 'en-US': 'does not match \\+?[0-9 -]{6,20}' },
        value: '**' },
    ]);
    expect(result.rejectCounts).toEqual([
      { rule: 'pattern', field: 'email', rows: 1 },
      { rule: 'pattern', field: 'phone', rows: 1 },
    ]);
    expect(result.quality).toMatchObject({ scope: 'import', importId, rows: 3 });
  });

  it('answers not_found for an unknown import', async () => {
    await expect(call(getImportEndpoint, { params: { id: 'imp_0000000000000000' } }, db)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('runs quality now, audits it, and then serves the latest report per table', async () => {
    const run = await call(runQualityEndpoint, { body: { table: 'customers', asOf: '2020-12-31' } }, db);
    expect(run.result.items).toHaveLength(1);
    expect(run.audits).toEqual([['quality_run', 'customers', { tables: ['customers'] }]]);
    const { result } = await call(latestQualityEndpoint, {}, db);
    expect(result.items.map((r) => [r.table, r.rows, r.asOf])).toEqual([['customers', 1, '2020-12-31']]);
  });
});
