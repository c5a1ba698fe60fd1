// Browser-safe: behaviour personas as the API returns them (README: Personas).
import { z } from 'zod';

export const personaProfileSchema = z.object({
  /** Mean share of 365-day spend per category (0–1), over the persona's customers. */
  meanShares: z.record(z.string(), z.number()),
  meanSpend365d: z.number(),
  /** The categories where the persona's share most exceeds the portfolio's (lift), strongest first. */
  topCategories: z.array(z.string()),
  /** The standardised features that set the cluster apart most (centroid z-scores), strongest first. */
  traits: z.array(z.object({ feature: z.string(), z: z.number() })),
});

export const personaClusterSchema = z.object({
  cluster: z.number().int(),
  /** Stable, readable code used in rules: persona = 'foodie'. */
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  size: z.number().int(),
  share: z.number(),
  /** How members were chosen: by k-means, or by rule (too few purchases to cluster). */
  method: z.enum(['kmeans', 'rule']),
  /** Centroid in standardised feature space (null for rule personas). */
  centroid: z.array(z.number()).nullable(),
  profile: personaProfileSchema,
  segmentId: z.string(),
});
export type PersonaCluster = z.infer<typeof personaClusterSchema>;

export const personaRunSchema = z.object({
  runId: z.string(),
  createdAt: z.string(),
  asOf: z.string().nullable(),
  k: z.number().int(),
  customers: z.number().int(),
  fittedOn: z.number().int(),
  minPurchases: z.number().int(),
  seed: z.number().int(),
  features: z.array(z.string()),
  inertia: z.number(),
  clusters: z.array(personaClusterSchema),
});
export type PersonaRun = z.infer<typeof personaRunSchema>;
