import { spendCategories } from '../../data';
import { libraryTags, purchase } from './define';
import type { TagDefinition } from '../definition-schema';

// Category tags: spend over 90 days (recent interest) and share of spend over 365 days (a stable taste).
// "airline_hotel" is not a category of its own: it is the MCC-derived flag inside travel (DESIGN §4).
const categories: ReadonlyArray<readonly [code: string, filter: string, zh: string, en: string]> = [
  ['dining', "category = 'dining'", '餐饮', 'dining'],
  ['travel', "category = 'travel'", '旅行', 'travel'],
  ['airline_hotel', 'is_airline_hotel', '航空酒店', 'airlines and hotels'],
  ['shopping', "category = 'shopping'", '购物', 'shopping'],
  ['online_shopping', "category = 'online_shopping'", '网购', 'online shopping'],
  ['supermarket', "category = 'supermarket'", '商超', 'supermarkets'],
  ['entertainment', "category = 'entertainment'", '娱乐', 'entertainment'],
  ['health', "category = 'health'", '医疗健康', 'health'],
  ['education', "category = 'education'", '教育', 'education'],
  ['mother_baby', "category = 'mother_baby'", '母婴', 'mother and baby'],
  ['fuel', "category = 'fuel'", '加油', 'fuel'],
];

const categoryTags = categories.flatMap(([code, filter, zh, en]) => [
  {
    code: `spend_${code}_90d`,
    zh: `${zh}消费金额（近90天）`,
    en: `Spend on ${en}, 90 days`,
    type: 'number' as const,
    unit: 'CNY',
    spec: { kind: 'dynamic' as const, source: 'txn' as const, aggregate: 'sum' as const, field: 'amount', filter, window: '90d' },
    description: `Net spend (purchases less refunds) on ${en} in the 90 days to the as-of date.`,
  },
  {
    code: `spend_share_${code}_365d`,
    zh: `${zh}消费占比（近365天）`,
    en: `Share of spend on ${en}, 365 days`,
    type: 'number' as const,
    spec: { kind: 'dynamic' as const, source: 'txn' as const, aggregate: 'share' as const, field: 'amount', filter, window: '365d' },
    description: `Net spend on ${en} divided by all net spend in the 365 days to the as-of date; empty without spend.`,
    buckets: { edges: [0.05, 0.1, 0.2, 0.3, 0.5] },
  },
]);

const spendWindows = (['30d', '90d', '365d'] as const).flatMap((w) => [
  {
    code: `spend_${w}`,
    zh: `消费金额（近${w.replace('d', '天')}）`,
    en: `Spend, ${w}`,
    type: 'number' as const,
    unit: 'CNY',
    spec: { kind: 'dynamic' as const, source: 'txn' as const, aggregate: 'sum' as const, field: 'amount', window: w },
    description: `Net spend (purchases less refunds) in the ${w.replace('d', ' days')} to the as-of date.`,
    buckets: { edges: [0, 1000, 5000, 20000, 50000] },
  },
  {
    code: `txn_count_${w}`,
    zh: `交易笔数（近${w.replace('d', '天')}）`,
    en: `Purchases, ${w}`,
    type: 'number' as const,
    spec: { kind: 'dynamic' as const, source: 'txn' as const, aggregate: 'count' as const, filter: purchase, window: w },
    description: `Number of purchases (refunds excluded) in the ${w.replace('d', ' days')} to the as-of date.`,
    buckets: { edges: [1, 5, 10, 30, 100] },
  },
]);

export const behaviourTags: TagDefinition[] = libraryTags('behaviour', [
  ...spendWindows,
  ...categoryTags,
  {
    code: 'avg_ticket_365d',
    zh: '笔均消费（近365天）',
    en: 'Average ticket, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'avg', field: 'amount', filter: purchase, window: '365d' },
    description: 'Average purchase amount (refunds excluded) over 365 days.',
  },
  {
    code: 'max_purchase_365d',
    zh: '最大单笔消费（近365天）',
    en: 'Largest purchase, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'max', field: 'amount', filter: purchase, window: '365d' },
    description: 'The largest single purchase in 365 days.',
  },
  {
    code: 'refund_amount_90d',
    zh: '退款金额（近90天）',
    en: 'Refunds, 90d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', filter: 'is_refund', window: '90d' },
    description: 'Sum of refunds (negative amounts) in 90 days.',
  },
  {
    code: 'top_category_365d',
    zh: '最大消费品类（近365天）',
    en: 'Top category, 365d',
    type: 'enum',
    values: spendCategories,
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'top', field: 'category', by: 'sum', window: '365d' },
    description: 'The spend category with the most net spend in 365 days (ties: first in the category list).',
  },
  {
    code: 'overseas_spend_365d',
    zh: '境外消费金额（近365天）',
    en: 'Overseas spend, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', filter: 'is_overseas', window: '365d' },
    description: 'Net spend outside mainland China in 365 days.',
  },
  {
    code: 'overseas_txn_count_365d',
    zh: '境外交易笔数（近365天）',
    en: 'Overseas purchases, 365d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: `is_overseas and ${purchase}`, window: '365d' },
    description: 'Purchases outside mainland China in 365 days.',
  },
  {
    code: 'txn_count_airline_hotel_365d',
    zh: '航空酒店交易笔数（近365天）',
    en: 'Airline and hotel purchases, 365d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: `is_airline_hotel and ${purchase}`, window: '365d' },
    description: 'Purchases at airlines and hotels (by MCC) in 365 days.',
  },
  {
    code: 'installment_count_12m',
    zh: '分期笔数（近12个月）',
    en: 'Instalment purchases, 12m',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'count', filter: `is_installment and ${purchase}`, window: '12m' },
    description: 'Purchases converted to instalments in twelve 30-day months.',
  },
  {
    code: 'installment_amount_12m',
    zh: '分期金额（近12个月）',
    en: 'Instalment amount, 12m',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', filter: `is_installment and ${purchase}`, window: '12m' },
    description: 'Amount of purchases converted to instalments in twelve 30-day months.',
  },
  {
    code: 'spend_prev_90d',
    zh: '前一季度消费金额',
    en: 'Spend, the 90 days before the last 90',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'sum', field: 'amount', window: '90d', lag: '90d' },
    description: 'Net spend in days 91–180 before the as-of date: the baseline of the spend trend.',
  },
  {
    code: 'spend_trend_90d',
    zh: '消费趋势（近90天对比前90天）',
    en: 'Spend trend, 90d vs prior 90d',
    type: 'number',
    spec: { kind: 'computed', expression: 'if(spend_prev_90d > 0, (spend_90d - spend_prev_90d) / spend_prev_90d, null)' },
    description: 'Relative change of spend: last 90 days against the 90 before (−1 = stopped, 0 = flat); empty without a baseline.',
    buckets: { edges: [-0.5, -0.2, 0.2, 0.5] },
  },
]);
