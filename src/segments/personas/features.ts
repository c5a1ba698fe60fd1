import { fail } from '../../core';
import { quoteIdent, type Queryable } from '../../db';

// What a persona is clustered on (README: Personas). Spend shares by category say what a customer spends on;
// on their own they cannot tell a revolver from a transactor or a premium spender from an average one, so a
// few behaviour measures sit beside them. Shares go through a square root (the Hellinger transform): it
// steadies the variance of proportions, so that noise in a rare category (education, mother and baby) does
// not outweigh a clear signal in a common one. Every feature is then standardised and clipped at ±3 sd.

export const shareCategories = [
  'dining',
  'travel',
  'shopping',
  'online_shopping',
  'supermarket',
  'entertainment',
  'health',
  'education',
  'mother_baby',
  'fuel',
] as const;
export type ShareCategory = (typeof shareCategories)[number];

const share = (tag: string) => `sqrt(least(greatest(coalesce(${quoteIdent(tag)}, 0), 0), 1))`;
const logOf = (tag: string) => `ln(1 + greatest(coalesce(${quoteIdent(tag)}, 0), 0))`;

export interface Feature {
  readonly name: string;
  /** SQL over the profile's columns (tags), producing a DOUBLE. */
  readonly sql: string;
  readonly reads: readonly string[];
}

export const personaFeatures: readonly Feature[] = [
  ...shareCategories.map((c) => ({ name: `share_${c}`, sql: share(`spend_share_${c}_365d`), reads: [`spend_share_${c}_365d`] })),
  { name: 'log_spend', sql: logOf('spend_365d'), reads: ['spend_365d'] },
  { name: 'log_avg_ticket', sql: logOf('avg_ticket_365d'), reads: ['avg_ticket_365d'] },
  {
    name: 'revolving_ratio',
    sql: 'coalesce("revolve_months_12m" / nullif("statement_count_12m", 0), 0)',
    reads: ['revolve_months_12m', 'statement_count_12m'],
  },
  { name: 'online_share', sql: share('spend_share_online_365d'), reads: ['spend_share_online_365d'] },
  { name: 'qr_share', sql: share('spend_share_qr_365d'), reads: ['spend_share_qr_365d'] },
];

/**
 * Below this many purchases in 365 days, spend shares are too noisy to read a taste from: such customers get
 * a persona by rule (dormant, or newcomer when they joined in the last 12 months) instead of a cluster.
 */
export const minPurchases = 12;

export interface FeatureMatrix {
  readonly customerIds: string[];
  /** Row-major, `customerIds.length × personaFeatures.length`, raw (not yet standardised). */
  readonly values: Float64Array;
  /** Customers not clustered, with the rule persona each gets. */
  readonly ruled: Array<{ customerId: string; persona: 'dormant' | 'newcomer' }>;
  /** Spend over 365 days per clustered customer, for the cluster profiles. */
  readonly spend: Float64Array;
}

/** Reads the features of every customer in the profile, in customer order (so runs are reproducible). */
export async function readFeatures(session: Queryable, columns: ReadonlySet<string>): Promise<FeatureMatrix> {
  const needed = [...new Set([...personaFeatures.flatMap((f) => f.reads), 'txn_count_365d'])];
  const missing = needed.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    fail('bad_request', `客户画像缺少聚类所需的标签：${missing.join(', ')}`, `the profile lacks tags personas need: ${missing.join(', ')}`, {
      missing,
    });
  }
  const tenure = columns.has('tenure_months') ? '"tenure_months"' : 'NULL';
  const result = await session.connection.stream(
    `SELECT customer_id, coalesce("txn_count_365d", 0) >= ${minPurchases} AS clustered, coalesce(${tenure} < 12, false) AS recent,
       coalesce("spend_365d", 0)::DOUBLE AS spend, ${personaFeatures.map((f) => `(${f.sql})::DOUBLE`).join(', ')}
     FROM profile ORDER BY customer_id`,
  );
  const width = personaFeatures.length;
  const ids: string[] = [];
  const ruled: FeatureMatrix['ruled'] = [];
  let values: Float64Array = new Float64Array(1 << 16);
  let spend: Float64Array = new Float64Array(1 << 12);
  for await (const rows of result.yieldRowsJs()) {
    for (const row of rows) {
      const id = String(row[0]);
      if (row[1] !== true) {
        ruled.push({ customerId: id, persona: row[2] === true ? 'newcomer' : 'dormant' });
        continue;
      }
      const n = ids.length;
      if ((n + 1) * width > values.length) values = grow(values);
      if (n + 1 > spend.length) spend = grow(spend);
      for (let j = 0; j < width; j += 1) values[n * width + j] = Number(row[4 + j] ?? 0);
      spend[n] = Number(row[3] ?? 0);
      ids.push(id);
    }
  }
  return { customerIds: ids, values: values.slice(0, ids.length * width), ruled, spend: spend.slice(0, ids.length) };
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export interface Standardisation {
  readonly means: number[];
  readonly sds: number[];
}

export const clipSd = 3;

export function standardisation(values: Float64Array, width: number): Standardisation {
  const n = values.length / width;
  const means = new Array<number>(width).fill(0);
  const sds = new Array<number>(width).fill(0);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < width; j += 1) means[j] = (means[j] as number) + (values[i * width + j] as number) / n;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < width; j += 1) sds[j] = (sds[j] as number) + ((values[i * width + j] as number) - (means[j] as number)) ** 2 / n;
  }
  // A constant feature (everyone 0) would divide by zero; it carries no information, so it stays at 0.
  return { means, sds: sds.map((v) => (v > 0 ? Math.sqrt(v) : 1)) };
}

/** One customer's standardised, clipped features. */
export function standardRow(values: Float64Array, row: number, s: Standardisation): number[] {
  const width = s.means.length;
  const out = new Array<number>(width);
  for (let j = 0; j < width; j += 1) {
    const z = ((values[row * width + j] as number) - (s.means[j] as number)) / (s.sds[j] as number);
    out[j] = Math.max(-clipSd, Math.min(clipSd, z));
  }
  return out;
}
