import type { BuiltinGroup } from './group';

// Value tiers and lifecycle stages are enum tags of the tag library (value_tier from contribution_365d in
// fixed CNY bands, lifecycle_stage from tenure and activity: src/tags/README.md); each value is a segment.
const valueTiers = [
  ['top', '顶级价值', 'Top value', 'Contribution ≥ 2,000 CNY in 365 days.', '近365天综合贡献不低于 2,000 元。'],
  ['high', '高价值', 'High value', 'Contribution 800–2,000 CNY.', '近365天综合贡献 800–2,000 元。'],
  ['medium', '中价值', 'Medium value', 'Contribution 200–800 CNY.', '近365天综合贡献 200–800 元。'],
  ['low', '低价值', 'Low value', 'Contribution 0–200 CNY.', '近365天综合贡献 0–200 元。'],
  ['loss', '亏损客户', 'Loss-making', 'Contribution below 0: costs exceed revenue.', '综合贡献为负：成本高于收入。'],
] as const;

const lifecycleStages = [
  ['new', '新客', 'New', 'Joined less than 3 months ago, no purchase yet.', '开户不足 3 个月，尚无消费。'],
  ['activated', '已激活', 'Activated', 'Joined less than 3 months ago and has purchased.', '开户不足 3 个月，已有消费。'],
  ['active', '活跃', 'Active', 'Purchasing steadily.', '持续稳定消费。'],
  ['at_risk', '流失风险', 'At risk', 'Spend halved against the previous 90 days, or active in 3 or fewer of 12 months.', '近90天消费不足前90天的一半，或近12个月活跃不超过 3 个月。'],
  ['dormant', '睡眠', 'Dormant', 'No purchase for 90 to 180 days.', '90 至 180 天无消费。'],
  ['churned', '流失', 'Churned', 'No open card, or no purchase for more than 180 days.', '无有效卡，或超过 180 天无消费。'],
] as const;

export const valueTierGroups: readonly BuiltinGroup[] = valueTiers.map(([group, nameZh, nameEn, description, descriptionZh], order) => ({
  family: 'value_tier',
  group,
  order,
  nameZh,
  nameEn,
  description,
  descriptionZh,
  rule: `value_tier = '${group}'`,
}));

export const lifecycleGroups: readonly BuiltinGroup[] = lifecycleStages.map(([group, nameZh, nameEn, description, descriptionZh], order) => ({
  family: 'lifecycle',
  group,
  order,
  nameZh,
  nameEn,
  description,
  descriptionZh,
  rule: `lifecycle_stage = '${group}'`,
}));
