import type { Migration } from '../db';

// Tables of the tag capability. The profile itself is not here: each refresh writes it afresh (its columns
// follow the catalogue) and swaps it in, so it exists from the first refresh on.
export const tagMigrations: Migration[] = [
  {
    id: 'tags/001_definitions',
    up: [
      `CREATE TABLE tag_definitions (code VARCHAR PRIMARY KEY, definition JSON NOT NULL, version INTEGER NOT NULL,
        created_at TIMESTAMP NOT NULL, created_by VARCHAR, updated_at TIMESTAMP NOT NULL, updated_by VARCHAR)`,
    ],
  },
  {
    id: 'tags/002_rollups',
    up: [
      `CREATE TABLE txn_daily_rollup (customer_id VARCHAR, day DATE, category VARCHAR, channel VARCHAR, is_overseas BOOLEAN,
        is_airline_hotel BOOLEAN, is_installment BOOLEAN, is_refund BOOLEAN, row_count INTEGER, amount DOUBLE,
        max_amount DOUBLE, min_amount DOUBLE)`,
      'CREATE TABLE event_daily_rollup (customer_id VARCHAR, day DATE, event VARCHAR, row_count INTEGER)',
      `CREATE TABLE tag_rollup_state (rollup VARCHAR PRIMARY KEY, through_day DATE NOT NULL, rows_through BIGINT NOT NULL,
        updated_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    id: 'tags/003_refresh_state',
    up: [
      `CREATE TABLE tag_profile_state (name VARCHAR PRIMARY KEY, as_of DATE NOT NULL, mode VARCHAR NOT NULL,
        refreshed_at TIMESTAMP NOT NULL, duration_ms INTEGER NOT NULL, customers INTEGER NOT NULL, tags JSON NOT NULL)`,
      `CREATE TABLE tag_refresh_jobs (job_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, mode VARCHAR NOT NULL,
        phase VARCHAR, done INTEGER, total INTEGER, detail VARCHAR, as_of DATE, error VARCHAR, requested_by VARCHAR,
        started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP)`,
    ],
  },
  {
    id: 'tags/004_snapshots',
    up: [
      `CREATE TABLE profile_snapshots (snapshot_id VARCHAR PRIMARY KEY, as_of DATE NOT NULL, created_at TIMESTAMP NOT NULL,
        table_name VARCHAR NOT NULL, customers INTEGER NOT NULL, tags JSON NOT NULL)`,
      `CREATE TABLE profile_snapshot_stats (snapshot_id VARCHAR NOT NULL, tag VARCHAR NOT NULL, coverage DOUBLE,
        mean DOUBLE, distribution JSON, PRIMARY KEY (snapshot_id, tag))`,
      `CREATE TABLE tag_settings (name VARCHAR PRIMARY KEY, value JSON NOT NULL)`,
    ],
  },
  {
    // Daily rollups folded ~1 % of transactions yet cost more to write than a pass over the raw rows; kept
    // per-customer states (tag_state_<pass>) replace them, so an incremental refresh reads only new days.
    id: 'tags/005_states_replace_rollups',
    up: [
      'DROP TABLE IF EXISTS txn_daily_rollup',
      'DROP TABLE IF EXISTS event_daily_rollup',
      'DROP TABLE IF EXISTS tag_rollup_state',
      `CREATE TABLE tag_state_meta (pass VARCHAR PRIMARY KEY, as_of DATE NOT NULL, select_sql VARCHAR NOT NULL,
        rows_through BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    // Refresh jobs are now generic jobs (src/jobs); jobs/001 copied these rows into its table first.
    id: 'tags/006_refresh_jobs_to_jobs',
    up: ['DROP TABLE IF EXISTS tag_refresh_jobs'],
  },
  {
    // The day-ordered copy of recent transactions an incremental refresh reads its moved rows from (day-index.ts).
    id: 'tags/007_day_index',
    up: [
      `CREATE TABLE tag_day_index (relation VARCHAR PRIMARY KEY, from_day DATE NOT NULL, through_day DATE NOT NULL,
        rows_through BIGINT NOT NULL, synced_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    // Sums are kept exactly in their measure's type (plan/state-set.ts), so the relations no longer turn money
    // into DOUBLE: the day-ordered copies, which held it as DOUBLE, are dropped and rebuilt by the next
    // incremental refresh (kept states are recomputed anyway: their stored SELECT differs from the plan's).
    id: 'tags/008_exact_sums',
    up: [
      'DROP TABLE IF EXISTS tag_days_txn',
      'DROP TABLE IF EXISTS tag_days_statement',
      'DELETE FROM tag_day_index',
    ],
  },
  {
    // On-demand tags: the last computation of each (its values are in tag_values_<code>, kept-values.ts).
    id: 'tags/009_on_demand',
    up: [
      `CREATE TABLE tag_on_demand_runs (code VARCHAR PRIMARY KEY, version INTEGER NOT NULL, as_of DATE NOT NULL,
        computed_at TIMESTAMP NOT NULL, computed_by VARCHAR, customers INTEGER NOT NULL, ms INTEGER NOT NULL)`,
    ],
  },
];
