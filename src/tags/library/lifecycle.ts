import { libraryTags } from './define';

export const lifecycleStages = ['new', 'activated', 'active', 'at_risk', 'dormant', 'churned'] as const;

export const lifecycleTags = libraryTags('lifecycle', [
  {
    code: 'days_since_last_txn',
    zh: '距上次交易天数',
    en: 'Days since last purchase',
    type: 'number',
    unit: 'days',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'days_since', filter: 'not is_refund' },
    description: 'Days from the latest purchase to the as-of date; empty if the customer never purchased.',
    descriptionZh: '最近一笔消费距数据截止日的天数；从未消费则为空。',
    buckets: { edges: [8, 31, 91, 181, 366] },
  },
  {
    code: 'active_months_12m',
    zh: '活跃月数（近12个月）',
    en: 'Active months, 12m',
    type: 'number',
    spec: { kind: 'dynamic', source: 'txn', aggregate: 'distinct_months', filter: 'not is_refund', window: '12m' },
    description: 'Of the 12 calendar months ending with the as-of month (which counts though partial), those with at least one purchase.',
    descriptionZh: '近12个月（按自然月计，含数据截止日所在的当月，即使不完整）中至少有一笔消费的月数。',
  },
  {
    code: 'lifecycle_stage',
    zh: '生命周期阶段',
    en: 'Lifecycle stage',
    type: 'enum',
    values: lifecycleStages,
    spec: {
      kind: 'computed',
      expression: [
        "if(open_card_count = 0, 'churned',",
        " if(tenure_months < 3, if(txn_count_365d > 0, 'activated', 'new'),",
        "  if(days_since_last_txn is null or days_since_last_txn > 180, 'churned',",
        "   if(days_since_last_txn > 90, 'dormant',",
        "    if(spend_trend_90d <= -0.5 or active_months_12m <= 3, 'at_risk', 'active')))))",
      ].join('\n'),
    },
    description:
      'new: joined < 3 months ago, no purchase yet; activated: joined < 3 months ago and purchased; churned: no open card or no purchase for 180 days; dormant: none for 90 days; at_risk: spend halved against the prior 90 days or active in ≤ 3 of 12 months; otherwise active.',
    descriptionZh:
      'new 新客：入户不足3个月且尚未消费；activated 已激活：入户不足3个月且已消费；churned 流失：无有效卡片或180天以上无消费；dormant 睡眠：90天以上无消费；at_risk 流失风险：近90天消费较前90天减少一半及以上，或近12个月活跃月数 ≤ 3；其余为 active 活跃。',
  },
  {
    code: 'complaint_count_90d',
    zh: '投诉次数（近90天）',
    en: 'Complaints, 90d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'interaction', aggregate: 'count', filter: "category = 'complaint'", window: '90d' },
    description: 'Complaints to customer service in 90 days.',
    descriptionZh: '近90天向客服投诉的次数。',
  },
  {
    code: 'cancellation_request_count_90d',
    zh: '销卡请求次数（近90天）',
    en: 'Cancellation requests, 90d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'interaction', aggregate: 'count', filter: "category = 'cancellation_request'", window: '90d' },
    description: 'Requests to cancel a card in 90 days: the strongest churn signal.',
    descriptionZh: '近90天申请销卡的次数，是最强的流失信号。',
  },
  {
    code: 'service_contact_count_90d',
    zh: '客服联络次数（近90天）',
    en: 'Service contacts, 90d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'interaction', aggregate: 'count', window: '90d' },
    description: 'All contacts with customer service in 90 days.',
    descriptionZh: '近90天与客服的全部联络次数。',
  },
  {
    code: 'avg_sentiment_90d',
    zh: '客服情绪均值（近90天）',
    en: 'Average sentiment, 90d',
    type: 'number',
    spec: { kind: 'dynamic', source: 'interaction', aggregate: 'avg', field: 'sentiment', window: '90d' },
    description: 'Mean sentiment of service contacts in 90 days, −1 (angry) to 1 (pleased); empty without contact.',
    descriptionZh: '近90天客服联络的情绪得分均值，−1（不满）至 1（满意）；无联络时为空。',
  },
]);
