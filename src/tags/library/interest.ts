import { libraryTags } from './define';

// Interest tags are plain rules over behaviour tags, so a marketer can read (and copy) why someone is a foodie.
// Thresholds were set against the generated portfolio's planted personas (README: Interest thresholds).
export const interestTags = libraryTags('interest', [
  {
    code: 'foodie',
    zh: '美食达人',
    en: 'Foodie',
    type: 'boolean',
    spec: { kind: 'computed', expression: 'coalesce(spend_share_dining_365d, 0) >= 0.2 and spend_dining_90d >= 300' },
    description: 'Dining is at least 20 % of a year’s spend (about twice the portfolio’s typical share) and at least ¥300 in the last 90 days.',
    descriptionZh: '近365天餐饮消费占比不低于20%（约为全体客户通常占比的两倍），且近90天餐饮消费不低于300元。',
  },
  {
    code: 'frequent_traveller',
    zh: '商旅常客',
    en: 'Frequent traveller',
    type: 'boolean',
    spec: { kind: 'computed', expression: 'txn_count_airline_hotel_365d >= 8 or coalesce(spend_share_travel_365d, 0) >= 0.3' },
    description: 'At least 8 airline or hotel purchases in a year, or travel at least 30 % of spend.',
    descriptionZh: '近365天航空酒店消费不少于8笔，或旅行类消费占比不低于30%。',
  },
  {
    code: 'online_shopper',
    zh: '网购达人',
    en: 'Online shopper',
    type: 'boolean',
    spec: {
      kind: 'computed',
      expression: 'coalesce(spend_share_online_shopping_365d, 0) >= 0.3 and txn_count_365d >= 12',
    },
    description: 'Online shopping is at least 30 % of a year’s spend (twice the portfolio’s share), over at least 12 purchases.',
    descriptionZh: '近365天网购类消费占比不低于30%（约为全体客户占比的两倍），且全年消费不少于12笔。',
  },
  {
    code: 'young_family',
    zh: '年轻家庭',
    en: 'Young family',
    type: 'boolean',
    spec: {
      kind: 'computed',
      expression: 'coalesce(age, 99) <= 45 and coalesce(spend_share_mother_baby_365d, 0) >= 0.08',
    },
    description: 'Aged 45 or under, with mother-and-baby spend at least 8 % of the year’s spend.',
    descriptionZh: '年龄45岁及以下，且近365天母婴类消费占比不低于8%。',
  },
  {
    code: 'overseas_traveller',
    zh: '境外旅行者',
    en: 'Overseas traveller',
    type: 'boolean',
    spec: { kind: 'computed', expression: 'overseas_txn_count_365d >= 6' },
    description: 'At least 6 purchases outside mainland China in a year.',
    descriptionZh: '近365天境外消费不少于6笔。',
  },
  {
    code: 'high_value_at_risk',
    zh: '高价值流失风险',
    en: 'High value at risk',
    type: 'boolean',
    spec: {
      kind: 'computed',
      expression: "value_tier in ('high', 'top') and (lifecycle_stage in ('at_risk', 'dormant') or cancellation_request_count_90d > 0 or complaint_count_90d >= 2)",
    },
    description: 'High or top value tier, and falling activity, a cancellation request or repeated complaints.',
    descriptionZh: '价值等级为高或顶级，且活跃度下降（流失风险或睡眠）、近90天有销卡请求或投诉2次及以上。',
  },
]);
