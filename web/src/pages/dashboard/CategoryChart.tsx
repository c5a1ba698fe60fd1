import { useTranslation } from 'react-i18next';
import type { SpendByCategory } from '../../../../src/data/schema';
import { CategoryBarChart } from '../../components/CategoryBarChart';

/**
 * The portfolio's spend per category in the chosen window. Shares are of the window's positive spend: a
 * category whose refunds outweigh its purchases counts as none rather than shrinking the others' total.
 */
export function CategoryChart({ data }: { readonly data: SpendByCategory }) {
  const { t } = useTranslation();
  const total = data.categories.reduce((sum, c) => sum + Math.max(c.spend, 0), 0);
  const share = (spend: number) => (total > 0 ? Math.max(spend, 0) / total : 0);
  return (
    <CategoryBarChart
      bars={data.categories.map((c) => ({ ...c, share: share(c.spend) }))}
      testId="chart-category"
      label={t('dashboard.category.title')}
      categoryHeader={t('dashboard.category.title')}
      texts="dashboard.category"
      precision={{ money: 0, share: 1 }}
    />
  );
}
