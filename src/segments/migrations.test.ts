import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../app';
import { Database, migrate } from '../db';
import { getSegment, listVersions } from './definition-store';
import { enteredOn } from './events-store';

const dir = mkdtempSync(join(tmpdir(), 'cardwise-segments-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const db of opened) await db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A store with every migration but `upgrade`: one made before it shipped, but for what a test changes back. */
async function storeBefore(upgrade: string): Promise<Database> {
  const db = await Database.open(join(dir, `${upgrade.replace('/', '-')}.duckdb`), {
    connections: 1,
    threads: 1,
  });
  opened.push(db);
  await migrate(
    db,
    allMigrations.filter((m) => m.id !== upgrade),
  );
  return db;
}

// A store made before segments had a Chinese description: its table lacks the column, and its built-in
// segments and versions were written in English only.
describe('upgrading a store whose segments have one description', () => {
  it('adds the column, describes the built-ins in Chinese, and keeps a saved segment and its old versions readable', async () => {
    const upgrade = 'segments/005_description_zh';
    const db = await storeBefore(upgrade);
    // Back to the table as it was: no column, a built-in and a rule segment in English only.
    await db.run('DELETE FROM segments');
    await db.run('ALTER TABLE segments DROP COLUMN description_zh');
    const old = `INSERT INTO segments VALUES ($id, $kind, $family, $grp, 0, '名', 'Name', $description, $rule, 'system', 1,
      TIMESTAMP '2026-01-01 00:00:00', 'system', TIMESTAMP '2026-01-01 00:00:00', 'system', NULL)`;
    await db.run(old, {
      id: 'seg_risk_grade_a',
      kind: 'builtin',
      family: 'risk_grade',
      grp: 'a',
      description: 'old',
      rule: 'age > 0',
    });
    await db.run(old, {
      id: 'seg_mine',
      kind: 'rule',
      family: null,
      grp: null,
      description: 'Mine.',
      rule: 'age > 30',
    });
    const definition = {
      kind: 'rule',
      id: 'seg_mine',
      nameZh: '名',
      nameEn: 'Name',
      description: 'Mine.',
      rule: 'age > 30',
      owner: 'system',
    };
    await db.run(
      `INSERT INTO segment_versions VALUES ('seg_mine', 1, $definition, now()::TIMESTAMP, 'system')`,
      {
        definition: JSON.stringify({
          ...definition,
          version: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          createdBy: 'system',
          updatedAt: '2026-01-01T00:00:00.000Z',
          updatedBy: 'system',
        }),
      },
    );

    expect(await migrate(db, allMigrations)).toEqual([upgrade]);
    const gradeA = await getSegment(db, 'seg_risk_grade_a');
    expect(gradeA.description).toBe('No overdue, rarely pays only the minimum, good bureau score.');
    expect(gradeA.descriptionZh).toBe('无逾期，极少仅还最低额，征信评分良好。');
    const mine = await getSegment(db, 'seg_mine');
    expect([mine.description, mine.descriptionZh]).toEqual(['Mine.', '']);
    expect((await listVersions(db, 'seg_mine'))[0]?.definition.descriptionZh).toBe('');
  });
});

describe('upgrading a store whose segments have events but no entry days', () => {
  it('fills each current member’s entry day from the events, and none for a customer who left', async () => {
    const upgrade = 'segments/006_entry_days';
    const db = await storeBefore(upgrade);
    await db.run(`INSERT INTO segment_snapshots VALUES
      ('snp_1', 'seg_x', 1, TIMESTAMP '2026-01-01 02:00:00', DATE '2026-01-01', 2, NULL, 2, 0, 1, 'age > 0'),
      ('snp_2', 'seg_x', 2, TIMESTAMP '2026-01-02 02:00:00', DATE '2026-01-02', 2, 'snp_1', 1, 1, 1, 'age > 0')`);
    await db.run(`INSERT INTO segment_events VALUES
      ('seg_x', 'C1', 'entered', TIMESTAMP '2026-01-01 02:00:00', 'snp_1'),
      ('seg_x', 'C2', 'entered', TIMESTAMP '2026-01-01 02:00:00', 'snp_1'),
      ('seg_x', 'C2', 'exited', TIMESTAMP '2026-01-02 02:00:00', 'snp_2'),
      ('seg_x', 'C3', 'entered', TIMESTAMP '2026-01-02 02:00:00', 'snp_2')`);

    expect(await migrate(db, allMigrations)).toEqual([upgrade]);
    const days = async (customer: string) => Object.fromEntries(await enteredOn(db, customer));
    expect(await days('C1')).toEqual({ seg_x: '2026-01-01' });
    expect(await days('C2')).toEqual({});
    expect(await days('C3')).toEqual({ seg_x: '2026-01-02' });
  });
});
