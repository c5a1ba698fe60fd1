import { useTranslation } from 'react-i18next';
import { CategoryBarChart } from '../../components/CategoryBarChart';
import type { SpendingData } from './view-types';

/**
 * Net spend by category over the 365 days to the as-of date, each bar labelled with its share of the year's
 * spend. A customer can have a dozen categories: the chart grows with them rather than squeezing the bars.
 */
export function CustomerCategoryChart({ data }: { readonly data: SpendingData }) {
  const { t } = useTranslation();
  return (
    <CategoryBarChart
      bars={data.categories}
      testId="chart-customer-category"
      label={t('customers.spending.byCategory')}
      categoryHeader={t('customers.spending.category')}
      texts="customers.spending"
      // Whole percents: the chart shares its card with the monthly one, so its bars are short.
      precision={{ money: 2, share: 0 }}
      height={Math.max(260, data.categories.length * 17 + 24)}
    />
  );
}
