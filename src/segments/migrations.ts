import type { Migration } from '../db';
import { installFormulaFamilies } from './builtin/install';

// Tables of the segments capability. Memberships and events can be large (a row per member per snapshot), so
// they carry no key index: DuckDB would build one per row, and nothing looks a single row up by key. The one
// point read, a customer's entry days, has a table of its own the size of the current memberships.
export const segmentMigrations: Migration[] = [
  {
    id: 'segments/001_definitions',
    up: [
      `CREATE TABLE segments (segment_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, family VARCHAR, group_code VARCHAR,
        sort_order INTEGER, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL, description VARCHAR NOT NULL,
        rule VARCHAR NOT NULL, owner VARCHAR, version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL, created_by VARCHAR,
        updated_at TIMESTAMP NOT NULL, updated_by VARCHAR, deleted_at TIMESTAMP, description_zh VARCHAR DEFAULT '')`,
      `CREATE TABLE segment_versions (segment_id VARCHAR NOT NULL, version INTEGER NOT NULL, definition JSON NOT NULL,
        saved_at TIMESTAMP NOT NULL, saved_by VARCHAR, PRIMARY KEY (segment_id, version))`,
    ],
  },
  {
    id: 'segments/002_snapshots',
    up: [
      `CREATE TABLE segment_snapshots (snapshot_id VARCHAR PRIMARY KEY, segment_id VARCHAR NOT NULL, seq INTEGER NOT NULL, taken_at TIMESTAMP NOT NULL,
        as_of DATE, size INTEGER NOT NULL, previous_snapshot_id VARCHAR, entered INTEGER NOT NULL, exited INTEGER NOT NULL,
        segment_version INTEGER NOT NULL, rule VARCHAR NOT NULL)`,
      'CREATE TABLE segment_memberships (segment_id VARCHAR NOT NULL, snapshot_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL)',
      `CREATE TABLE segment_events (segment_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
        "at" TIMESTAMP NOT NULL, snapshot_id VARCHAR NOT NULL)`,
    ],
  },
  {
    id: 'segments/003_personas',
    up: [
      `CREATE TABLE persona_runs (run_id VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL, as_of DATE, k INTEGER NOT NULL,
        customers INTEGER NOT NULL, fitted_on INTEGER NOT NULL, min_purchases INTEGER NOT NULL, seed INTEGER NOT NULL,
        features JSON NOT NULL, means JSON NOT NULL, sds JSON NOT NULL, inertia DOUBLE NOT NULL)`,
      `CREATE TABLE persona_clusters (run_id VARCHAR NOT NULL, cluster INTEGER NOT NULL, code VARCHAR NOT NULL,
        name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL, size INTEGER NOT NULL, centroid JSON, profile JSON NOT NULL,
        PRIMARY KEY (run_id, cluster))`,
      'CREATE TABLE customer_personas (customer_id VARCHAR NOT NULL, run_id VARCHAR NOT NULL, cluster INTEGER NOT NULL, persona VARCHAR NOT NULL)',
    ],
  },
  {
    // The built-in families defined by formula exist from the start; pipeline runs keep them current.
    id: 'segments/004_builtin_families',
    up: async (tx) => {
      await installFormulaFamilies(tx);
    },
  },
  {
    // Segments describe themselves in Chinese too. A new database has the column from 001 (004 writes it);
    // one made before it gains it here, last, where 001 puts it, since INSERT … SELECT writes by position.
    // Reinstalling gives existing built-ins their Chinese now rather than at the next pipeline run.
    id: 'segments/005_description_zh',
    up: async (tx) => {
      await tx.run(`ALTER TABLE segments ADD COLUMN IF NOT EXISTS description_zh VARCHAR DEFAULT ''`);
      await installFormulaFamilies(tx);
    },
  },
  {
    // The day each member entered each segment, one row per current member (exits delete theirs), so the
    // 360° page finds a customer's by an index instead of scanning every event ever recorded (which grows with
    // each snapshot). Filled from the events a store already has; the index is built after the fill.
    id: 'segments/006_entry_days',
    up: [
      'CREATE TABLE segment_entry_days (segment_id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, entered_on DATE NOT NULL)',
      `INSERT INTO segment_entry_days
        SELECT segment_id, customer_id, day FROM (
          SELECT e.segment_id, e.customer_id, arg_max(e.event, s.seq) AS event, arg_max(coalesce(s.as_of, s.taken_at::DATE), s.seq) AS day
          FROM segment_events e JOIN segment_snapshots s ON s.snapshot_id = e.snapshot_id
          GROUP BY e.segment_id, e.customer_id)
        WHERE event = 'entered'`,
      'CREATE INDEX segment_entry_days_customer ON segment_entry_days (customer_id)',
    ],
  },
];
