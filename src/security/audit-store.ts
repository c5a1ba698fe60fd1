import { createHash } from 'node:crypto';
import { newId } from '../core';
import { oneAtATime, type Database, type SqlValue } from '../db';
import type { AuditEntry, AuditQuery, AuditVerification } from './schema';

/** Well-known actions; capabilities may add their own as `<noun>.<verb>` (e.g. `segment.export`). */
export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'logout'
  | 'password.change'
  | 'user.create'
  | 'user.update'
  | 'user.password_reset'
  | 'api_key.create'
  | 'api_key.revoke'
  | 'export'
  | 'unmask'
  | 'settings.change'
  | (string & {});

export interface AuditInput {
  /** A username, or `system` / `anonymous` / `cli:<os user>` for non-person actors. */
  readonly actor: string;
  readonly role?: string | null;
  readonly action: AuditAction;
  readonly target?: string | null;
  readonly ip?: string | null;
  readonly details?: Record<string, unknown>;
}

const genesisHash = '0'.repeat(64);

interface AuditRow {
  seq: number;
  id: string;
  ts: Date;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash covers every stored field and the previous hash, in a fixed order, as JSON (no ambiguity). */
function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const fields = [row.seq, row.id, row.ts.toISOString(), row.actor, row.role, row.action, row.target, row.ip, row.details, row.prev_hash];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

// Appends must see the previous hash and write the next one without another append in between.

/** Appends one entry to the hash chain. There is no update or delete: the log only grows. */
export function appendAudit(db: Database, input: AuditInput, now = new Date()): Promise<AuditEntry> {
  return oneAtATime(db, 'audit chain', () =>
    db.transaction(async (tx) => {
      const last = await tx.one<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
      // A JavaScript Date has millisecond precision, which TIMESTAMP stores exactly: the hash of what is
      // written equals the hash of what reads back.
      const ts = now;
      const row: Omit<AuditRow, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        id: newId('aud'),
        ts,
        actor: input.actor,
        role: input.role ?? null,
        action: input.action,
        target: input.target ?? null,
        ip: input.ip ?? null,
        details: JSON.stringify(input.details ?? {}),
        prev_hash: last?.hash ?? genesisHash,
      };
      const hash = rowHash(row);
      await tx.run(
        `INSERT INTO audit_log (seq, id, ts, actor, role, action, target, ip, details, prev_hash, hash)
         VALUES ($1, $2, $3::TIMESTAMP, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.seq, row.id, ts.toISOString(), row.actor, row.role, row.action, row.target, row.ip, row.details, row.prev_hash, hash],
      );
      return toEntry({ ...row, hash });
    }),
  );
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(row.details);
    details = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    // A tampered row may hold anything; show it rather than fail the whole page.
    details = { unparseable: row.details };
  }
  return {
    id: row.id,
    seq: row.seq,
    ts: row.ts.toISOString(),
    actor: row.actor,
    role: row.role,
    action: row.action,
    target: row.target,
    ip: row.ip,
    details,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function listAudit(
  db: Database,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: Record<string, SqlValue> = {};
  if (query.action) {
    // `login` matches login.success and login.failure; `login.failure` matches itself.
    where.push('(action = $action OR starts_with(action, $actionPrefix))');
    params.action = query.action;
    params.actionPrefix = `${query.action}.`;
  }
  if (query.actor) {
    where.push('actor = $actor');
    params.actor = query.actor;
  }
  if (query.from) {
    where.push('ts >= $from::TIMESTAMP');
    params.from = new Date(query.from).toISOString();
  }
  if (query.to) {
    where.push('ts <= $to::TIMESTAMP');
    params.to = new Date(query.to).toISOString();
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log ${filter}`, params))?.n ?? 0;
  const rows = await db.all<AuditRow>(`SELECT * FROM audit_log ${filter} ORDER BY seq DESC LIMIT $limit OFFSET $offset`, {
    ...params,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Recomputes the chain from the first entry. An edited row fails its own hash; a deleted or inserted row
 * breaks the sequence or the link to the previous hash. Removing the newest rows leaves a valid shorter
 * chain, so keep `headHash` and `count` somewhere else (a ticket, a printout) and compare them later.
 */
export async function verifyAuditChain(db: Database, options: { batchSize?: number } = {}): Promise<AuditVerification> {
  // Read in batches so a long log is checked in bounded memory.
  const batchSize = options.batchSize ?? 5_000;
  let expectedSeq = 1;
  let prevHash = genesisHash;
  for (;;) {
    const rows = await db.all<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expectedSeq, batchSize]);
    for (const row of rows) {
      const broken = (reason: string): AuditVerification => ({
        ok: false,
        count: expectedSeq - 1,
        headHash: prevHash,
        brokenAt: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`expected entry ${expectedSeq}, found ${row.seq}: entries are missing`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous entry');
      if (rowHash(row) !== row.hash) return broken('hash does not match the entry: it was changed');
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < batchSize) return { ok: true, count: expectedSeq - 1, headHash: prevHash, brokenAt: null };
  }
}
