import { Database, migrate, type OpenOptions } from '../db';
import { dataMigrations } from '../data';
import { jobMigrations } from '../jobs';
import { profileMigrations } from '../profiles';
import { securityMigrations } from '../security';
import { segmentMigrations, segmentTagReaders } from '../segments';
import { registerTagReaders, tagMigrations } from '../tags';

// The composition root for storage: opens a Cardwise database file and brings its schema up to date with
// every capability's migrations, in dependency order. Server, CLI and tests all open stores through here.
// Jobs come before tags: jobs/001 carries over tag_refresh_jobs, which tags/006 then drops.
export const allMigrations = [
  ...dataMigrations,
  ...securityMigrations,
  ...jobMigrations,
  ...tagMigrations,
  ...profileMigrations,
  ...segmentMigrations,
];

// Saved definitions outside tags that read tags: an edit of a tag that would break one is refused.
registerTagReaders(segmentTagReaders);

export async function openStore(path: string, options: OpenOptions = {}): Promise<Database> {
  const db = await Database.open(path, options);
  try {
    await migrate(db, allMigrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
