import { kmeans } from 'ml-kmeans';

// k-means with reproducible starts. ml-kmeans' own k-means++ start draws from Math.random unless seeded and
// failed on our data with a row index out of range (a point repeated many times: customers with identical
// shares), so the k-means++ start is chosen here from a seeded generator and handed to ml-kmeans as centroids.

/** mulberry32: a tiny, well-mixed 32-bit generator; the same seed gives the same starts on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function squaredDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < a.length; j += 1) sum += ((a[j] as number) - (b[j] as number)) ** 2;
  return sum;
}

/** k-means++: each next start is a point drawn with probability proportional to its squared distance to the nearest start. */
function plusPlusStarts(points: readonly number[][], k: number, random: () => number): number[][] {
  const first = points[Math.floor(random() * points.length)] as number[];
  const starts = [first];
  const nearest = points.map((p) => squaredDistance(p, first));
  while (starts.length < k) {
    const total = nearest.reduce((a, b) => a + b, 0);
    let target = random() * total;
    let index = 0;
    while (index < points.length - 1 && target > (nearest[index] as number)) {
      target -= nearest[index] as number;
      index += 1;
    }
    const next = points[index] as number[];
    starts.push(next);
    points.forEach((p, i) => {
      const d = squaredDistance(p, next);
      if (d < (nearest[i] as number)) nearest[i] = d;
    });
  }
  return starts.map((s) => [...s]);
}

export function nearestCentroid(point: readonly number[], centroids: readonly number[][]): { cluster: number; distance: number } {
  let cluster = 0;
  let distance = Infinity;
  centroids.forEach((c, i) => {
    const d = squaredDistance(point, c);
    if (d < distance) {
      distance = d;
      cluster = i;
    }
  });
  return { cluster, distance };
}

export interface KMeansFit {
  readonly centroids: number[][];
  /** Sum of squared distances of the fitted points to their centroids (lower is tighter). */
  readonly inertia: number;
  readonly iterations: number;
}

/** Best of `restarts` runs (lowest inertia), each from seeded k-means++ starts. */
export function fitKMeans(points: readonly number[][], k: number, options: { seed: number; restarts: number; maxIterations?: number }): KMeansFit {
  let best: KMeansFit | undefined;
  for (let r = 0; r < options.restarts; r += 1) {
    const random = seededRandom(options.seed + r * 7919);
    const result = kmeans(points as number[][], k, {
      initialization: plusPlusStarts(points, k, random),
      maxIterations: options.maxIterations ?? 300,
    });
    const inertia = points.reduce((sum, p, i) => sum + squaredDistance(p, result.centroids[result.clusters[i] as number] as number[]), 0);
    if (!best || inertia < best.inertia) best = { centroids: result.centroids, inertia, iterations: result.iterations };
  }
  if (!best) throw new Error('k-means needs at least one restart');
  return best;
}
