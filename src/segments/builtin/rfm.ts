import type { BuiltinGroup } from './group';

// RFM named groups on a 5 × 5 grid of the recency score R and FM = round((F + M) / 2), the mean of the
// frequency and monetary quintile scores (tags rfm_r_score, rfm_f_score, rfm_m_score; 5 is best). Every cell
// belongs to exactly one group, so the eleven groups partition the customers (README: RFM). Missing scores
// count as 1, so a customer without purchases falls into "lost" rather than nowhere.
const r = 'coalesce(rfm_r_score, 1)';
const fm = 'round((coalesce(rfm_f_score, 1) + coalesce(rfm_m_score, 1)) / 2)';

type Cell = readonly [recency: readonly number[], fmLow: number, fmHigh: number];

const groups: ReadonlyArray<readonly [code: string, zh: string, en: string, description: string, cells: readonly Cell[]]> = [
  ['champions', '冠军客户', 'Champions', 'Bought recently, buy often and spend the most.', [[[5], 4, 5], [[4], 5, 5]]],
  ['loyal', '忠诚客户', 'Loyal', 'Buy often and spend well; recent enough.', [[[4], 4, 4], [[3], 4, 5]]],
  ['potential_loyalists', '潜力客户', 'Potential loyalists', 'Recent customers with average frequency and spend.', [[[4, 5], 2, 3]]],
  ['new', '新客户', 'New customers', 'Bought very recently, but rarely and little so far.', [[[5], 1, 1]]],
  ['promising', '有望客户', 'Promising', 'Recent, but low frequency and spend.', [[[4], 1, 1]]],
  ['need_attention', '需关注客户', 'Need attention', 'Average on recency, frequency and spend.', [[[3], 3, 3]]],
  ['about_to_sleep', '即将沉睡', 'About to sleep', 'Below average recency, frequency and spend.', [[[3], 1, 2]]],
  ['at_risk', '流失风险客户', 'At risk', 'Used to buy often and spend well, but not recently.', [[[1, 2], 3, 4]]],
  ['cant_lose', '不能失去的客户', "Can't lose them", 'Were among the best customers; have not bought for a long time.', [[[1, 2], 5, 5]]],
  ['hibernating', '休眠客户', 'Hibernating', 'Low spend, low frequency, last purchase long ago.', [[[2], 1, 2]]],
  ['lost', '已流失客户', 'Lost', 'Lowest recency, frequency and spend.', [[[1], 1, 2]]],
];

function cellRule([recency, low, high]: Cell): string {
  const rPart = recency.length === 1 ? `${r} = ${recency[0]}` : `${r} in (${recency.join(', ')})`;
  const fmPart = low === high ? `${fm} = ${low}` : `${fm} between ${low} and ${high}`;
  return `(${rPart} and ${fmPart})`;
}

export const rfmGroups: readonly BuiltinGroup[] = groups.map(([group, nameZh, nameEn, description, cells], order) => ({
  family: 'rfm',
  group,
  order,
  nameZh,
  nameEn,
  description,
  rule: cells.map(cellRule).join(' or '),
}));
