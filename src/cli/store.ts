import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { openStore } from '../app';
import { fail, type AuditWriter } from '../core';
import type { Database } from '../db';
import { appendAudit } from '../security';

/** Who acts from the command line, as the audit log and saved definitions record it. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

/** Writes the audit log as the command-line actor (the command line has no role). */
export function cliAudit(db: Database): AuditWriter {
  return (action, target, details) =>
    appendAudit(db, {
      actor: cliActor(),
      role: null,
      action,
      target: target ?? null,
      details: details ?? {},
    }).then(() => undefined);
}

/**
 * Opens an existing database for one command and closes it after. A path that does not exist is refused:
 * opening it would create an empty database, and a typo would answer "no jobs" or "no transactions". A
 * running server holds the file: openStore then fails with a message that says so (DESIGN §10).
 */
export async function withStore<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  if (!existsSync(path)) fail('not_found', `找不到数据库文件 ${path}`, `no database file at ${path}`);
  const db = await openStore(path);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
