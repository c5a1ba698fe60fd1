import { randomBytes } from 'node:crypto';
import { fail, silentProgress, type ProgressListener } from '../../core';
import { spendCategoryNames, type SpendCategory } from '../../data';
import type { Database } from '../../db';
import { replaceFamily } from '../builtin/install';
import type { BuiltinGroup } from '../builtin/group';
import type { PersonaCluster, PersonaRun } from '../persona-schema';
import { loadProfileInfo } from '../profile-store';
import { minPurchases, personaFeatures, readFeatures, shareCategories, standardisation, standardRow } from './features';
import { fitKMeans, nearestCentroid } from './kmeans';
import { nameClusters, ruleNames, type PersonaName } from './naming';
import { insertRun, latestPersonaRun, replaceAssignments } from './persona-store';

export interface PersonaOptions {
  /**
   * Clusters (default 8). Not chosen by silhouette: on spend-share data the silhouette is low and nearly flat
   * (0.13–0.21 for k = 6…12 on a generated portfolio), so it cannot pick k; 8 gives groups large enough to act
   * on and distinct enough to name (README: Personas).
   */
  readonly k?: number;
  readonly seed?: number;
  readonly restarts?: number;
  /**
   * Customers the centroids are fitted on (every n-th in customer order, default 20,000); all are then assigned.
   * Eight centroids in 15 dimensions are well placed by 20,000 points, and ml-kmeans on plain arrays costs
   * about a second per restart at that size.
   */
  readonly sampleSize?: number;
  readonly onProgress?: ProgressListener;
}

type ClusterDraft = Omit<PersonaCluster, 'share' | 'method' | 'segmentId'>;

function profileOf(
  sum: Float64Array,
  spend: number,
  size: number,
  centroid: readonly number[],
  portfolio: readonly number[],
): ClusterDraft['profile'] {
  const meanShares = Object.fromEntries(shareCategories.map((c, j) => [c, size > 0 ? (sum[j] as number) / size : 0]));
  // Ranked by lift over the portfolio, not by share: travel tickets are large, so travel leads everyone's
  // share of spend; what a marketer needs is where this group spends MORE than others.
  const lift = (j: number) => (meanShares[shareCategories[j] as string] as number) / Math.max(portfolio[j] as number, 1e-9);
  const topCategories = shareCategories
    .map((c, j) => [c, lift(j)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([c]) => c);
  const traits = personaFeatures
    .map((f, j) => ({ feature: f.name, z: Math.round((centroid[j] ?? 0) * 100) / 100 }))
    .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
    .slice(0, 4);
  return { meanShares, meanSpend365d: size > 0 ? spend / size : 0, topCategories, traits };
}

/** What sets a persona apart, in both languages: the categories it spends more on than the portfolio does. */
function personaDescription(cluster: ClusterDraft, minPurchases: number): { description: string; descriptionZh: string } {
  if (cluster.centroid === null) {
    return { description: `Fewer than ${minPurchases} purchases in 365 days.`, descriptionZh: `近365天消费少于 ${minPurchases} 笔。` };
  }
  const names = cluster.profile.topCategories.map((c) => spendCategoryNames[c as SpendCategory]);
  return {
    description: `Spends more than the portfolio on ${names.map((n) => n.en).join(', ')}.`,
    descriptionZh: `${names.map((n) => n.zh).join('、')}消费占比高于全体客户。`,
  };
}

/**
 * Clusters customers into behaviour personas and stores the run, every customer's persona and a built-in
 * segment per persona (`persona = 'foodie'`), all in one transaction. Deterministic for a given profile and seed.
 */
export async function computePersonas(db: Database, options: PersonaOptions = {}): Promise<PersonaRun> {
  const k = options.k ?? 8;
  const seed = options.seed ?? 20261;
  const onProgress = options.onProgress ?? silentProgress;
  onProgress({ phase: 'personas', done: 0, total: 4, detail: 'reading features' });
  const { matrix, asOf } = await db.withConnection(async (session) => {
    const profile = await loadProfileInfo(session);
    return { matrix: await readFeatures(session, profile.columns), asOf: profile.asOf };
  });
  const n = matrix.customerIds.length;
  const width = personaFeatures.length;
  if (n < k * 5) fail('bad_request', `可聚类的客户太少（${n}）`, `too few customers to cluster (${n}; need at least ${k * 5})`);
  const scale = standardisation(matrix.values, width);
  const step = Math.max(1, Math.ceil(n / (options.sampleSize ?? 20_000)));
  const sample: number[][] = [];
  for (let i = 0; i < n; i += step) sample.push(standardRow(matrix.values, i, scale));
  onProgress({ phase: 'personas', done: 1, total: 4, detail: `k-means on ${sample.length.toLocaleString('en-US')} customers` });
  const fit = fitKMeans(sample, k, { seed, restarts: options.restarts ?? 5, maxIterations: 100 });

  onProgress({ phase: 'personas', done: 2, total: 4, detail: `assigning ${n.toLocaleString('en-US')} customers` });
  const assigned = new Int32Array(n);
  const shareSums = Array.from({ length: k }, () => new Float64Array(shareCategories.length));
  const spendSums = new Float64Array(k);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i += 1) {
    const c = nearestCentroid(standardRow(matrix.values, i, scale), fit.centroids).cluster;
    assigned[i] = c;
    sizes[c] = (sizes[c] as number) + 1;
    spendSums[c] = (spendSums[c] as number) + (matrix.spend[i] as number);
    // Share features are square roots of shares: squaring gives the share back for the profile.
    const sums = shareSums[c] as Float64Array;
    for (let j = 0; j < shareCategories.length; j += 1) sums[j] = (sums[j] as number) + (matrix.values[i * width + j] as number) ** 2;
  }
  const portfolio = shareCategories.map((_, j) => shareSums.reduce((t, sums) => t + (sums[j] as number), 0) / n);
  const keyed = fit.centroids.map((centroid) => Object.fromEntries(personaFeatures.map((f, j) => [f.name, centroid[j] ?? 0])));
  const names = nameClusters(keyed);
  const rounded = (centroid: readonly number[]) => centroid.map((v) => Math.round(v * 1000) / 1000);
  const clusters: ClusterDraft[] = fit.centroids.map((centroid, c) => ({
    cluster: c,
    code: (names[c] as PersonaName).code,
    nameZh: (names[c] as PersonaName).zh,
    nameEn: (names[c] as PersonaName).en,
    size: sizes[c] as number,
    centroid: rounded(centroid),
    profile: profileOf(shareSums[c] as Float64Array, spendSums[c] as number, sizes[c] as number, centroid, portfolio),
  }));
  const ruled = [ruleNames.dormant, ruleNames.newcomer].map((name, i) => ({
    cluster: k + i,
    code: name.code,
    nameZh: name.zh,
    nameEn: name.en,
    size: matrix.ruled.filter((r) => r.persona === name.code).length,
    centroid: null,
    profile: { meanShares: {}, meanSpend365d: 0, topCategories: [], traits: [] },
  }));
  const all = [...clusters, ...ruled].filter((c) => c.size > 0);

  onProgress({ phase: 'personas', done: 3, total: 4, detail: 'saving' });
  const runId = `per_${randomBytes(8).toString('hex')}`;
  await db.transaction(async (tx) => {
    await insertRun(
      tx,
      { runId, asOf, k, customers: n + matrix.ruled.length, fittedOn: sample.length, minPurchases, seed, features: personaFeatures.map((f) => f.name), means: scale.means, sds: scale.sds, inertia: fit.inertia },
      all,
    );
    const codeOf = new Map(all.map((c) => [c.cluster, c.code]));
    const ruledCluster = new Map(ruled.map((r) => [r.code, r.cluster]));
    await replaceAssignments(tx, runId, [
      ...matrix.customerIds.map((id, i) => [id, assigned[i] as number, codeOf.get(assigned[i] as number) as string] as const),
      ...matrix.ruled.map((r) => [r.customerId, ruledCluster.get(r.persona) as number, r.persona] as const),
    ]);
    const groups: BuiltinGroup[] = all.map((c, order) => ({
      family: 'persona',
      group: c.code,
      order,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      ...personaDescription(c, minPurchases),
      rule: `persona = '${c.code}'`,
    }));
    await replaceFamily(tx, 'persona', groups);
  });
  onProgress({ phase: 'personas', done: 4, total: 4 });
  return (await latestPersonaRun(db)) as PersonaRun;
}
