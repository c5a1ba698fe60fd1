import { newId } from '../core';
import type { Role } from '../core/schema';
import type { SqlRunner } from './sql-runner';
import type { ApiKey } from './schema';
import { newSecret, sha256Hex } from './tokens';

/** Every key starts with this, so a leaked key is recognisable by secret scanners and in logs. */
export const apiKeyPrefix = 'cw_';

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const columns = 'id, name, role, prefix, created_by, created_at, last_used_at, revoked_at';
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function fromRow(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Creates a key and returns its secret, which is not stored and cannot be shown again. */
export async function insertApiKey(
  db: SqlRunner,
  input: { name: string; role: Role; createdBy: string },
  now = new Date(),
): Promise<{ key: ApiKey; secret: string }> {
  const id = newId('key');
  const secret = `${apiKeyPrefix}${newSecret()}`;
  await db.run(
    `INSERT INTO api_keys (id, name, role, secret_hash, prefix, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::TIMESTAMP)`,
    [id, input.name, input.role, sha256Hex(secret), secret.slice(0, 10), input.createdBy, now.toISOString()],
  );
  return { key: (await findApiKey(db, id)) as ApiKey, secret };
}

export async function findApiKey(db: SqlRunner, id: string): Promise<ApiKey | undefined> {
  const row = await db.one<ApiKeyRow>(`SELECT ${columns} FROM api_keys WHERE id = $1`, [id]);
  return row ? fromRow(row) : undefined;
}

export async function listApiKeys(db: SqlRunner): Promise<ApiKey[]> {
  return (await db.all<ApiKeyRow>(`SELECT ${columns} FROM api_keys ORDER BY created_at DESC`)).map(fromRow);
}

export async function revokeApiKey(db: SqlRunner, id: string, now = new Date()): Promise<ApiKey | undefined> {
  await db.run('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $1::TIMESTAMP) WHERE id = $2', [now.toISOString(), id]);
  return findApiKey(db, id);
}

// As with sessions: recording every use would make each ingestion call a write to this table.
const touchEveryMs = 60_000;

/** The live (not revoked) key a presented secret belongs to. */
export async function resolveApiKey(db: SqlRunner, secret: string, now = new Date()): Promise<ApiKey | undefined> {
  if (!secret.startsWith(apiKeyPrefix)) return undefined;
  const row = await db.one<ApiKeyRow>(`SELECT ${columns} FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL`, [sha256Hex(secret)]);
  if (!row) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > touchEveryMs) {
    await db.run('UPDATE api_keys SET last_used_at = $1::TIMESTAMP WHERE id = $2', [now.toISOString(), row.id]).catch(() => {});
  }
  return fromRow(row);
}
