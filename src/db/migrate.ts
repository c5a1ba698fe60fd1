import type { Database, Queryable } from './database';

/** A schema change owned by one capability. Ids are `<capability>/<NNN>_<what>` and never change once shipped. */
export interface Migration {
  readonly id: string;
  readonly up: readonly string[] | ((tx: Queryable) => Promise<void>);
}

/** Applies, in order and each in its own transaction, the migrations this file has not seen yet. */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  await db.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (id VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)',
  );
  const done = new Set((await db.all<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await db.transaction(async (tx) => {
      if (typeof migration.up === 'function') await migration.up(tx);
      else for (const statement of migration.up) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations VALUES ($1, now()::TIMESTAMP)', [migration.id]);
    });
    applied.push(migration.id);
  }
  return applied;
}
