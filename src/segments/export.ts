import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Role } from '../core/schema';
import { quoteIdent, type Database, type Queryable } from '../db';
import { maskCustomer } from '../security';
import { ruleCatalog } from './catalog';
import { compileRule, type CompiledRule } from './compile';
import { countCompiled } from './count';
import { csvLine, utf8Bom } from './csv';
import { getSegment } from './definition-store';
import { loadProfileInfo } from './profile-store';
import { prepareRule } from './validate';

// Export policy, in one place: a segment list leaves the platform with personal fields masked for EVERY role.
// Even roles that may unmask (agent, admin) do so one customer at a time for a stated reason (src/security);
// a bulk file is never that. Who may export at all is the endpoint's role list (admin, operator, analyst).

export interface ExportDetails {
  readonly rows: number;
  readonly columns: readonly string[];
  readonly masked: true;
  readonly role: Role | null;
  readonly rule: string;
  readonly version: number;
}

export interface SegmentExport extends ExportDetails {
  readonly fileName: string;
  readonly stream: Readable;
}

const piiColumns = ['name', 'phone', 'email'] as const;

function selectSql(compiled: CompiledRule): string {
  const tags = compiled.tags.map((t) => `${compiled.tagSql[t] as string} AS ${quoteIdent(t)}`);
  return `SELECT p.customer_id, c.name, c.phone, c.email${tags.map((t) => `, ${t}`).join('')}
    FROM ${compiled.from} LEFT JOIN customers AS c ON c.customer_id = p.customer_id
    WHERE ${compiled.where} ORDER BY p.customer_id`;
}

async function pump(session: Queryable, sql: string, compiled: CompiledRule, columns: readonly string[], out: PassThrough): Promise<void> {
  const params = Object.keys(compiled.params).length > 0 ? { ...compiled.params } : undefined;
  const result = await session.connection.stream(sql, params as never);
  out.write(utf8Bom + csvLine(columns));
  for await (const rows of result.yieldRowsJson()) {
    let text = '';
    for (const row of rows) {
      const [id, name, phone, email, ...tags] = row;
      const masked = maskCustomer({ name: name as string | null, phone: phone as string | null, email: email as string | null });
      text += csvLine([id, masked.name, masked.phone, masked.email, ...tags]);
    }
    // Respect backpressure, and stop reading (freeing the connection) if the client went away.
    if (!out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')]);
    if (out.destroyed) return;
  }
  out.end();
}

/**
 * Prepares a segment's current members as a CSV stream. `audit` runs with the row count BEFORE any data is
 * produced, so there is no export without its audit entry; if the audit write fails, nothing is exported.
 */
export async function exportSegment(
  db: Database,
  segmentId: string,
  role: Role | null,
  audit: (details: ExportDetails) => Promise<void>,
): Promise<SegmentExport> {
  const segment = await getSegment(db, segmentId);
  const { compiled, rows } = await db.withConnection(async (session) => {
    const compiledRule = compileRule(prepareRule(segment.rule, await ruleCatalog(session)), await loadProfileInfo(session));
    return { compiled: compiledRule, rows: await countCompiled(session, compiledRule) };
  });
  const columns = ['customer_id', ...piiColumns, ...compiled.tags];
  const details: ExportDetails = { rows, columns, masked: true, role, rule: segment.rule, version: segment.version };
  await audit(details);
  const out = new PassThrough();
  const sql = selectSql(compiled);
  db.withConnection((session) => pump(session, sql, compiled, columns, out)).catch((error: unknown) => out.destroy(error as Error));
  const day = new Date().toISOString().slice(0, 10);
  return { ...details, fileName: `${segment.id}-${day}.csv`, stream: out };
}
