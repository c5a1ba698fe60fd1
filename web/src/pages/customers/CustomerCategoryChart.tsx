import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { chartPalette } from '../../charts/palette';
import type { SpendingData } from './view-types';

/** Net spend by category over the 365 days to the as-of date, as a ring: a customer has a handful, not sixteen. */
export function CustomerCategoryChart({ data }: { readonly data: SpendingData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const labelOf = (c: string) => t(`category.${c}`, { defaultValue: c });
  // Refunds can leave a category negative; a ring cannot draw that, the hidden table still lists it.
  const positive = data.categories.filter((c) => c.spend > 0);
  const option = {
    color: chartPalette,
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatMoney(Number(v), locale) },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', formatter: (name: string) => name },
    series: [
      {
        name: t('customers.spending.byCategory'),
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['35%', '50%'],
        avoidLabelOverlap: true,
        label: { show: true, formatter: (p: { percent: number }) => `${p.percent.toFixed(0)}%`, fontSize: 11 },
        data: positive.map((c) => ({ name: labelOf(c.category), value: c.spend })),
      },
    ],
  };
  return (
    <EChart
      testId="chart-customer-category"
      label={t('customers.spending.byCategory')}
      height={260}
      option={option}
      table={{
        columns: ['category', t('customers.spending.category'), t('customers.spending.spend'), t('customers.spending.txnCount'), t('customers.spending.share')],
        rows: data.categories.map((c) => [c.category, labelOf(c.category), c.spend, c.txnCount, c.share]),
      }}
    />
  );
}

