import type { BuiltinGroup } from './group';

// Value tiers and lifecycle stages are enum tags of the tag library (value_tier from contribution_365d in
// fixed CNY bands, lifecycle_stage from tenure and activity: src/tags/README.md); each value is a segment.
const valueTiers = [
  ['top', '顶级价值', 'Top value', 'Contribution ≥ 2,000 CNY in 365 days.'],
  ['high', '高价值', 'High value', 'Contribution 800–2,000 CNY.'],
  ['medium', '中价值', 'Medium value', 'Contribution 200–800 CNY.'],
  ['low', '低价值', 'Low value', 'Contribution 0–200 CNY.'],
  ['loss', '亏损客户', 'Loss-making', 'Contribution below 0: costs exceed revenue.'],
] as const;

const lifecycleStages = [
  ['new', '新客', 'New', 'Joined less than 3 months ago, no purchase yet.'],
  ['activated', '已激活', 'Activated', 'Joined less than 3 months ago and has purchased.'],
  ['active', '活跃', 'Active', 'Purchasing steadily.'],
  ['at_risk', '流失风险', 'At risk', 'Spend halved against the previous 90 days, or active in 3 or fewer of 12 months.'],
  ['dormant', '睡眠', 'Dormant', 'No purchase for 90 to 180 days.'],
  ['churned', '流失', 'Churned', 'No open card, or no purchase for more than 180 days.'],
] as const;

export const valueTierGroups: readonly BuiltinGroup[] = valueTiers.map(([group, nameZh, nameEn, description], order) => ({
  family: 'value_tier',
  group,
  order,
  nameZh,
  nameEn,
  description,
  rule: `value_tier = '${group}'`,
}));

export const lifecycleGroups: readonly BuiltinGroup[] = lifecycleStages.map(([group, nameZh, nameEn, description], order) => ({
  family: 'lifecycle',
  group,
  order,
  nameZh,
  nameEn,
  description,
  rule: `lifecycle_stage = '${group}'`,
}));
