import type { Database, Queryable } from '../../db';
import type { PersonaCluster, PersonaRun } from '../persona-schema';

// Each clustering run is kept (its clusters and centroids are small); assignments are kept for the latest
// run only, replaced whole, since rules and the 360° view read the current persona.

interface RunRow {
  run_id: string;
  created_at: Date;
  as_of: string | null;
  k: number;
  customers: number;
  fitted_on: number;
  min_purchases: number;
  seed: number;
  features: string;
  inertia: number;
}

interface ClusterRow {
  cluster: number;
  code: string;
  name_zh: string;
  name_en: string;
  size: number;
  centroid: string | null;
  profile: string;
}

async function latestRunRow(db: Database | Queryable): Promise<RunRow | undefined> {
  return db.one<RunRow>(
    `SELECT run_id, created_at, as_of, k, customers, fitted_on, min_purchases, seed, features, inertia
     FROM persona_runs ORDER BY created_at DESC, run_id DESC LIMIT 1`,
  );
}

/** Persona codes of the latest run, for the rule checker (`persona = 'foodie'`); empty before the first run. */
export async function currentPersonaCodes(db: Database | Queryable): Promise<string[]> {
  const rows = await db.all<{ code: string }>(
    `SELECT code FROM persona_clusters WHERE run_id = (SELECT run_id FROM persona_runs ORDER BY created_at DESC, run_id DESC LIMIT 1)
     ORDER BY cluster`,
  );
  return rows.map((r) => r.code);
}

export async function latestPersonaRun(db: Database | Queryable): Promise<PersonaRun | undefined> {
  const run = await latestRunRow(db);
  if (!run) return undefined;
  const rows = await db.all<ClusterRow>(
    'SELECT cluster, code, name_zh, name_en, size, centroid, profile FROM persona_clusters WHERE run_id = $1 ORDER BY cluster',
    [run.run_id],
  );
  const clusters: PersonaCluster[] = rows.map((r) => ({
    cluster: r.cluster,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    size: r.size,
    share: run.customers > 0 ? r.size / run.customers : 0,
    method: r.centroid === null ? 'rule' : 'kmeans',
    centroid: r.centroid === null ? null : (JSON.parse(r.centroid) as number[]),
    profile: JSON.parse(r.profile) as PersonaCluster['profile'],
    segmentId: `seg_persona_${r.code}`,
  }));
  return {
    runId: run.run_id,
    createdAt: run.created_at.toISOString(),
    asOf: run.as_of,
    k: run.k,
    customers: run.customers,
    fittedOn: run.fitted_on,
    minPurchases: run.min_purchases,
    seed: run.seed,
    features: JSON.parse(run.features) as string[],
    inertia: run.inertia,
    clusters,
  };
}

export interface RunRecord {
  readonly runId: string;
  readonly asOf: string | null;
  readonly k: number;
  readonly customers: number;
  readonly fittedOn: number;
  readonly minPurchases: number;
  readonly seed: number;
  readonly features: readonly string[];
  readonly means: readonly number[];
  readonly sds: readonly number[];
  readonly inertia: number;
}

export async function insertRun(tx: Queryable, run: RunRecord, clusters: readonly Omit<PersonaCluster, 'share' | 'method' | 'segmentId'>[]): Promise<void> {
  await tx.run('INSERT INTO persona_runs VALUES ($1, now()::TIMESTAMP, $2::DATE, $3, $4, $5, $6, $7, $8, $9, $10, $11)', [
    run.runId,
    run.asOf,
    run.k,
    run.customers,
    run.fittedOn,
    run.minPurchases,
    run.seed,
    JSON.stringify(run.features),
    JSON.stringify(run.means),
    JSON.stringify(run.sds),
    run.inertia,
  ]);
  for (const c of clusters) {
    await tx.run('INSERT INTO persona_clusters VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      run.runId,
      c.cluster,
      c.code,
      c.nameZh,
      c.nameEn,
      c.size,
      c.centroid === null ? null : JSON.stringify(c.centroid),
      JSON.stringify(c.profile),
    ]);
  }
}

/** Replaces every customer's persona with this run's assignments (appended in bulk: a row per customer). */
export async function replaceAssignments(tx: Queryable, runId: string, rows: Iterable<readonly [customerId: string, cluster: number, code: string]>): Promise<void> {
  await tx.run('DELETE FROM customer_personas');
  const appender = await tx.connection.createAppender('customer_personas');
  try {
    for (const [customerId, cluster, code] of rows) {
      appender.appendVarchar(customerId);
      appender.appendVarchar(runId);
      appender.appendInteger(cluster);
      appender.appendVarchar(code);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
