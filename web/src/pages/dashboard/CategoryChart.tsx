import { useTranslation } from 'react-i18next';
import type { SpendByCategory } from '../../../../src/data/schema';
import { EChart } from '../../charts/EChart';
import { chartPalette } from '../../charts/palette';
import { formatMoney, formatPercent } from '../../app/format';

export function CategoryChart({ data }: { readonly data: SpendByCategory }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const labelOf = (category: string) => t(`category.${category}`, { defaultValue: category });
  // Refund-only categories can net below zero; a pie cannot draw them, the hidden table still lists them.
  const drawable = data.categories.filter((c) => c.spend > 0);
  const total = drawable.reduce((sum, c) => sum + c.spend, 0);
  const option = {
    color: chartPalette,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) =>
        `${p.name}<br/>${formatMoney(p.value, locale)} · ${formatPercent(p.percent / 100, locale)}`,
    },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', itemWidth: 10, itemHeight: 10 },
    series: [
      {
        name: t('dashboard.category.spend'),
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: false },
        emphasis: { label: { show: true, fontWeight: 'bold', formatter: '{b}\n{d}%' } },
        data: drawable.map((c) => ({ name: labelOf(c.category), value: c.spend })),
      },
    ],
  };
  return (
    <EChart
      testId="chart-category"
      label={t('dashboard.category.title')}
      option={option}
      table={{
        columns: [
          'category',
          t('dashboard.category.title'),
          t('dashboard.category.spend'),
          t('dashboard.category.txnCount'),
          t('dashboard.category.share'),
        ],
        rows: data.categories.map((c) => [
          c.category,
          labelOf(c.category),
          c.spend,
          c.txnCount,
          total > 0 ? Math.max(c.spend, 0) / total : 0,
        ]),
      }}
    />
  );
}
