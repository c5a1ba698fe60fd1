import type { z } from 'zod';
import type { distributionSchema } from '../../../../src/tags/schema';

type Distribution = z.infer<typeof distributionSchema>;

export interface MostCommonValue {
  /** The value as stored (gold, true): labelled by whoever shows it. */
  readonly value: string;
  /** Its customers over all customers in the snapshot. */
  readonly share: number;
}

/**
 * The value most customers have in a snapshot's histogram (the first in the tag's order on a tie), with its
 * share of all customers: the histogram counts only those with a value, so its share of them is scaled by
 * the coverage. Null when there is no histogram of values or nobody has one.
 */
export function mostCommonValue(distribution: Distribution, coverage: number): MostCommonValue | null {
  if (distribution.kind !== 'values') return null;
  let total = 0;
  let top: { readonly label: string; readonly count: number } | undefined;
  for (const item of distribution.items) {
    total += item.count;
    if (top === undefined || item.count > top.count) top = item;
  }
  if (top === undefined || total === 0) return null;
  return { value: top.label, share: (top.count / total) * coverage };
}
