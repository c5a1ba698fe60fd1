import { libraryTags } from './define';
import { rfmGrid, rfmGroupExpression } from './rfm-grid';

// The contribution formula and its rates are documented in src/tags/README.md ("Value contribution").
const spend = 'greatest(coalesce(spend_365d, 0), 0)';
const balance = 'greatest(coalesce(statement_balance_30d, 0), 0)';
export const contributionExpression = [
  `0.0045 * ${spend}`,
  '+ coalesce(interest_365d, 0) + coalesce(fees_365d, 0)',
  `- 0.0020 * ${spend}`,
  '- 40 * coalesce(open_card_count, 0)',
  `- 0.03 * ${balance}`,
  `- if(coalesce(worst_overdue_days_12m, 0) >= 90, 0.2, 0.01) * ${balance}`,
].join(' ');

export const valueTags = libraryTags('value', [
  {
    code: 'interest_365d',
    zh: '利息收入（近365天）',
    en: 'Interest, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'statement', aggregate: 'sum', field: 'interest', window: '365d' },
    description: 'Interest charged on statements cut in 365 days.',
    descriptionZh: '近365天出具账单中收取的利息。',
  },
  {
    code: 'fees_365d',
    zh: '手续费收入（近365天）',
    en: 'Fees, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'dynamic', source: 'statement', aggregate: 'sum', field: 'fees', window: '365d' },
    description: 'Fees charged (annual, late, instalment) on statements cut in 365 days.',
    descriptionZh: '近365天出具账单中收取的手续费（年费、滞纳金、分期手续费）。',
  },
  {
    code: 'contribution_365d',
    zh: '综合贡献（近365天）',
    en: 'Contribution, 365d',
    type: 'number',
    unit: 'CNY',
    spec: { kind: 'computed', expression: contributionExpression },
    description: 'Interchange on spend + interest + fees − rewards, servicing, funding and risk costs (README: Value contribution).',
    descriptionZh: '消费交换费收入 + 利息 + 手续费 − 积分权益、运营服务、资金和风险成本（详见 README：Value contribution）。',
    buckets: { edges: [0, 100, 400, 1000] },
  },
  {
    code: 'value_tier',
    zh: '价值等级',
    en: 'Value tier',
    type: 'enum',
    values: ['loss', 'low', 'medium', 'high', 'top'],
    spec: { kind: 'computed', expression: 'contribution_365d' },
    buckets: { edges: [0, 100, 400, 1000], labels: ['loss', 'low', 'medium', 'high', 'top'] },
    description: 'Contribution in fixed CNY bands (loss < 0 ≤ low < 100 ≤ medium < 400 ≤ high < 1000 ≤ top), stable across refreshes.',
    descriptionZh: '按固定人民币区间划分的综合贡献等级（loss 亏损 < 0 ≤ low 低 < 100 ≤ medium 中 < 400 ≤ high 高 < 1000 ≤ top 顶级），各次刷新口径一致。',
  },
  {
    code: 'rfm_r_score',
    zh: 'RFM近度分',
    en: 'RFM recency score',
    type: 'number',
    spec: { kind: 'computed', expression: 'days_since_last_txn', quantiles: 5, descending: true },
    description: 'Recency quintile, 5 = most recent purchase; customers who never purchased score 1.',
    descriptionZh: '消费近度五分位得分，5 表示最近有消费；从未消费的客户得 1 分。',
  },
  {
    code: 'rfm_f_score',
    zh: 'RFM频度分',
    en: 'RFM frequency score',
    type: 'number',
    spec: { kind: 'computed', expression: 'txn_count_365d', quantiles: 5 },
    description: 'Quintile of purchases in 365 days, 5 = most frequent (ties share a score).',
    descriptionZh: '近365天消费笔数的五分位得分，5 表示最频繁（并列者同分）。',
  },
  {
    code: 'rfm_m_score',
    zh: 'RFM金额分',
    en: 'RFM monetary score',
    type: 'number',
    spec: { kind: 'computed', expression: 'spend_365d', quantiles: 5 },
    description: 'Quintile of net spend in 365 days, 5 = highest (ties share a score).',
    descriptionZh: '近365天净消费金额的五分位得分，5 表示最高（并列者同分）。',
  },
  {
    code: 'rfm_segment',
    zh: 'RFM分群',
    en: 'RFM segment',
    type: 'enum',
    values: rfmGrid.map((g) => g.code),
    // The same grid as the built-in RFM segments (rfm-grid.ts): the tag and the segment always agree.
    spec: { kind: 'computed', expression: rfmGroupExpression() },
    description: `Named RFM groups on the grid of recency R against FM, the mean of the frequency and monetary scores (${rfmGrid.map((g) => g.nameEn.toLowerCase()).join(', ')}).`,
    descriptionZh: `按近度 R 与频度、金额得分均值 FM 的网格划分的 RFM 客群（${rfmGrid.map((g) => g.nameZh).join('、')}）。`,
  },
]);
