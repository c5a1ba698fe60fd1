import type { BuiltinGroup } from './group';

// Risk grades A (best) to E from points (README: Risk grades):
//   worst days overdue in 12 months: 0 → 0, 1–29 → 2, 30–59 → 4, 60–89 → 6, ≥ 90 → 10;
//   statements paid with only the minimum in 12 months: 0–2 → 0, 3–5 → 1, ≥ 6 → 2;
//   bureau score: ≥ 750 → 0, 650–749 → 1, 550–649 → 2, < 550 → 4, none on file → 1.
// A = 0, B = 1–2, C = 3–4, D = 5–7, E ≥ 8. Ninety days overdue alone is E: that is a default in most banks'
// definitions, whatever the bureau says. An empty bureau file is not "excellent": thin files cannot be A.
const overdue = 'coalesce(worst_overdue_days_12m, 0)';
const minimum = 'coalesce(min_payment_months_12m, 0)';
export const riskPoints = [
  `if(${overdue} >= 90, 10, if(${overdue} >= 60, 6, if(${overdue} >= 30, 4, if(${overdue} >= 1, 2, 0))))`,
  `if(${minimum} >= 6, 2, if(${minimum} >= 3, 1, 0))`,
  'if(bureau_score is null, 1, if(bureau_score < 550, 4, if(bureau_score < 650, 2, if(bureau_score < 750, 1, 0))))',
].join(' + ');

const grades = [
  ['a', 0, 0, 'A 级（优）', 'Grade A (best)', 'No overdue, rarely pays only the minimum, good bureau score.', '无逾期，极少仅还最低额，征信评分良好。'],
  ['b', 1, 2, 'B 级（良）', 'Grade B (good)', 'A small blemish: a fair bureau score, or a few minimum-only months.', '小瑕疵：征信评分一般，或有几个月仅还最低额。'],
  ['c', 3, 4, 'C 级（关注）', 'Grade C (watch)', 'Some overdue days or a weak bureau score.', '有少量逾期天数，或征信评分偏弱。'],
  ['d', 5, 7, 'D 级（次级）', 'Grade D (substandard)', '30–89 days overdue, or several warning signs together.', '逾期 30–89 天，或多个预警信号同时出现。'],
  ['e', 8, 1000, 'E 级（高风险）', 'Grade E (high risk)', '90+ days overdue, or overdue with a poor bureau score.', '逾期 90 天以上，或逾期且征信评分差。'],
] as const;

export const riskGradeGroups: readonly BuiltinGroup[] = grades.map(([group, low, high, nameZh, nameEn, description, descriptionZh], order) => ({
  family: 'risk_grade',
  group,
  order,
  nameZh,
  nameEn,
  description,
  descriptionZh,
  rule: low === high ? `(${riskPoints}) = ${low}` : high >= 1000 ? `(${riskPoints}) >= ${low}` : `(${riskPoints}) between ${low} and ${high}`,
}));
