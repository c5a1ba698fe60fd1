import { quoteIdent } from '../../db';

// Quantile scores (RFM's 1–5) without a window function. A score is defined by the rank as percent_rank
// would give it: `least(n, floor(before · n / (N − 1)) + 1)`, where `before` counts the customers strictly
// ahead in the order (empty values first, so they score 1) and ties share a score. A window per score cost
// a full single-threaded sort of a million rows each (~1 s apiece at 1M customers); here one aggregate per
// layer collects each value's sorted list, the n − 1 thresholds are read from it, and each customer's score
// is n − 1 comparisons. The arithmetic is exact integers, so a boundary never depends on rounding.

export interface QuantileTag {
  readonly code: string;
  /** SQL of the ranked value over the layer's row alias `l`. */
  readonly value: string;
  readonly quantiles: number;
  readonly descending: boolean;
}

const col = (tag: QuantileTag, part: string) => quoteIdent(`q_${tag.code}_${part}`);

/** How many customers must be strictly ahead (of N) to reach score k + 1: ceil(k · (N − 1) / n). */
const ahead = (k: number, n: number) => `((${k} * (q.n - 1) + ${n - 1}) // ${n})`;

/**
 * Two CTEs: `<name>_lists` (the sorted non-empty values of each ranked tag) and `<name>` (one row: the
 * population N and, per tag and threshold k, how many non-empty values must be ahead and the value at that
 * place). Cross-joined into the layer, they turn each score into comparisons with constants.
 */
export function quantileCtes(name: string, layer: string, tags: readonly QuantileTag[]): string[] {
  const lists = tags.map(
    (t) => `count(${t.value}) AS ${col(t, 'count')}, list_sort(list(${t.value}) FILTER (WHERE (${t.value}) IS NOT NULL), '${t.descending ? 'DESC' : 'ASC'}') AS ${col(t, 'sorted')}`,
  );
  const thresholds = tags.flatMap((t) => {
    const items = [`q.${col(t, 'count')}`];
    for (let k = 1; k < t.quantiles; k += 1) {
      // Empty values are all ahead of any non-empty one: they count towards the place before the list starts.
      const needed = `(${ahead(k, t.quantiles)} - (q.n - q.${col(t, 'count')}))`;
      items.push(`${needed} AS ${col(t, `need${k}`)}`, `q.${col(t, 'sorted')}[greatest(1, least(q.${col(t, 'count')}, ${needed}))] AS ${col(t, `at${k}`)}`);
    }
    return items;
  });
  return [
    `${name}_lists AS (SELECT count(*) AS n, ${lists.join(', ')} FROM ${layer} l)`,
    `${name} AS (SELECT q.n, ${thresholds.join(', ')} FROM ${name}_lists q)`,
  ];
}

/** The score of one customer (row alias `l`) against the thresholds CTE aliased `q`. */
export function quantileScore(tag: QuantileTag): string {
  const beyond = tag.descending ? '<' : '>';
  const steps: string[] = [];
  for (let k = 1; k < tag.quantiles; k += 1) {
    const [need, at] = [`q.${col(tag, `need${k}`)}`, `q.${col(tag, `at${k}`)}`];
    steps.push(`(${need} <= 0 OR (${need} <= q.${col(tag, 'count')} AND (${tag.value}) ${beyond} ${at}))::INTEGER`);
  }
  return `CASE WHEN (${tag.value}) IS NULL OR q.n <= 1 THEN 1 ELSE 1 + ${steps.join(' + ')} END`;
}
