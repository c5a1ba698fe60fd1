import type { Migration } from '../db';

// Tables of the jobs capability. Phases, parameters and results are JSON: their shape belongs to each kind
// and is validated by the zod schemas on the way out.
export const jobMigrations: Migration[] = [
  {
    id: 'jobs/001_jobs',
    up: async (tx) => {
      await tx.run(`CREATE TABLE jobs (job_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, status VARCHAR NOT NULL,
        params JSON NOT NULL, phases JSON NOT NULL, result JSON, error VARCHAR, started_by VARCHAR,
        created_at TIMESTAMP NOT NULL, started_at TIMESTAMP, finished_at TIMESTAMP)`);
      // Refreshes started before jobs existed were kept in tag_refresh_jobs (dropped by tags/006, which runs
      // after this): carry them over so their history survives the upgrade. One left running was cut off.
      const old = await tx.one<{ n: number }>("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'tag_refresh_jobs'");
      if (!old?.n) return;
      await tx.run(`INSERT INTO jobs SELECT job_id, 'profile_refresh',
          CASE status WHEN 'running' THEN 'interrupted' ELSE status END,
          json_object('incremental', mode = 'incremental'), '[]',
          CASE WHEN status = 'succeeded' THEN json_object('asOf', CAST(as_of AS VARCHAR), 'mode', mode) END,
          error, requested_by, started_at, started_at, coalesce(finished_at, CASE WHEN status = 'running' THEN now()::TIMESTAMP END)
        FROM tag_refresh_jobs`);
    },
  },
];
