// The RFM named groups, one grid for both places that name them: the `rfm_segment` tag (value.ts) and the
// built-in RFM segments (src/segments/builtin/rfm.ts), so that a customer's group on the 360° page's tags and
// the segment they belong to always agree. A 5 × 5 grid of the recency score R and FM = round((F + M) / 2),
// the mean of the frequency and monetary quintile scores (rfm_r_score, rfm_f_score, rfm_m_score; 5 is best).
// Every cell belongs to exactly one group, so the eleven groups partition the customers. Missing scores count
// as 1: a customer without purchases falls into "lost" rather than nowhere.

const r = 'coalesce(rfm_r_score, 1)';
const fm = 'round((coalesce(rfm_f_score, 1) + coalesce(rfm_m_score, 1)) / 2)';

/** Recency scores, and the FM range (inclusive) they pair with. */
export type RfmCell = readonly [recency: readonly number[], fmLow: number, fmHigh: number];

export interface RfmGroup {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly description: string;
  readonly descriptionZh: string;
  readonly cells: readonly RfmCell[];
}

export const rfmGrid: readonly RfmGroup[] = [
  {
    code: 'champions',
    nameZh: '冠军客户',
    nameEn: 'Champions',
    description: 'Bought recently, buy often and spend the most.',
    descriptionZh: '近期有消费，消费频繁且金额最高。',
    cells: [
      [[5], 4, 5],
      [[4], 5, 5],
    ],
  },
  {
    code: 'loyal',
    nameZh: '忠诚客户',
    nameEn: 'Loyal',
    description: 'Buy often and spend well; recent enough.',
    descriptionZh: '消费频繁、金额可观，近期仍有消费。',
    cells: [
      [[4], 4, 4],
      [[3], 4, 5],
    ],
  },
  {
    code: 'potential_loyalists',
    nameZh: '潜力客户',
    nameEn: 'Potential loyalists',
    description: 'Recent customers with average frequency and spend.',
    descriptionZh: '近期有消费，频度与金额中等。',
    cells: [[[4, 5], 2, 3]],
  },
  {
    code: 'new',
    nameZh: '新客户',
    nameEn: 'New customers',
    description: 'Bought very recently, but rarely and little so far.',
    descriptionZh: '刚刚有过消费，但至今次数少、金额低。',
    cells: [[[5], 1, 1]],
  },
  {
    code: 'promising',
    nameZh: '有望客户',
    nameEn: 'Promising',
    description: 'Recent, but low frequency and spend.',
    descriptionZh: '近期有消费，但频度与金额偏低。',
    cells: [[[4], 1, 1]],
  },
  {
    code: 'need_attention',
    nameZh: '需关注客户',
    nameEn: 'Need attention',
    description: 'Average on recency, frequency and spend.',
    descriptionZh: '近度、频度、金额均处中游。',
    cells: [[[3], 3, 3]],
  },
  {
    code: 'about_to_sleep',
    nameZh: '即将沉睡',
    nameEn: 'About to sleep',
    description: 'Below average recency, frequency and spend.',
    descriptionZh: '近度、频度、金额均低于平均。',
    cells: [[[3], 1, 2]],
  },
  {
    code: 'at_risk',
    nameZh: '流失风险客户',
    nameEn: 'At risk',
    description: 'Used to buy often and spend well, but not recently.',
    descriptionZh: '曾经消费频繁、金额可观，近期没有消费。',
    cells: [[[1, 2], 3, 4]],
  },
  {
    code: 'cant_lose',
    nameZh: '不能失去的客户',
    nameEn: "Can't lose them",
    description: 'Were among the best customers; have not bought for a long time.',
    descriptionZh: '曾是最好的客户之一，已很久没有消费。',
    cells: [[[1, 2], 5, 5]],
  },
  {
    code: 'hibernating',
    nameZh: '休眠客户',
    nameEn: 'Hibernating',
    description: 'Low spend, low frequency, last purchase long ago.',
    descriptionZh: '金额低、频度低，上次消费已很久。',
    cells: [[[2], 1, 2]],
  },
  {
    code: 'lost',
    nameZh: '已流失客户',
    nameEn: 'Lost',
    description: 'Lowest recency, frequency and spend.',
    descriptionZh: '近度、频度、金额均最低。',
    cells: [[[1], 1, 2]],
  },
];

function cellCondition([recency, low, high]: RfmCell): string {
  const rPart = recency.length === 1 ? `${r} = ${recency[0]}` : `${r} in (${recency.join(', ')})`;
  const fmPart = low === high ? `${fm} = ${low}` : `${fm} between ${low} and ${high}`;
  return `(${rPart} and ${fmPart})`;
}

/** The expression-language condition of one group: any of its cells. */
export function rfmGroupCondition(group: RfmGroup): string {
  return group.cells.map(cellCondition).join(' or ');
}

/**
 * The group's code for each customer, as one expression: the groups' conditions in grid order, nested. The
 * last group needs no condition of its own, since the grid covers every (R, FM) pair.
 */
export function rfmGroupExpression(): string {
  const last = rfmGrid[rfmGrid.length - 1] as RfmGroup;
  return rfmGrid
    .slice(0, -1)
    .reduceRight(
      (otherwise, group) => `if(${rfmGroupCondition(group)}, '${group.code}', ${otherwise})`,
      `'${last.code}'`,
    );
}
