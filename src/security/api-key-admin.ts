import { fail } from '../core';
import type { Role } from '../core/schema';
import type { Database } from '../db';
import { insertApiKey, revokeApiKey } from './api-keys-store';
import { appendAudit } from './audit-store';
import type { ApiKey } from './schema';
import type { Actor } from './user-admin';

export async function createApiKeyAudited(
  db: Database,
  by: Actor,
  input: { name: string; role: Exclude<Role, 'admin'> },
): Promise<{ key: ApiKey; secret: string }> {
  const created = await insertApiKey(db, { name: input.name, role: input.role, createdBy: by.actor });
  await appendAudit(db, { ...by, action: 'api_key.create', target: created.key.id, details: { name: input.name, role: input.role } });
  return created;
}

export async function revokeApiKeyAudited(db: Database, by: Actor, id: string): Promise<ApiKey> {
  const key = await revokeApiKey(db, id);
  if (!key) fail('not_found', `找不到 API 密钥 ${id}`, `API key ${id} not found`);
  await appendAudit(db, { ...by, action: 'api_key.revoke', target: id, details: { name: key.name } });
  return key;
}
