import { useTranslation } from 'react-i18next';
import type { SpendByCategory } from '../../../../src/data/schema';
import { EChart } from '../../charts/EChart';
import { spendColor } from '../../charts/palette';
import { formatCompact, formatMoney, formatPercent } from '../../app/format';

/**
 * Spend per category as sorted horizontal bars: with sixteen categories, bars stay readable where a pie's
 * slices and legend would not.
 */
export function CategoryChart({ data }: { readonly data: SpendByCategory }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const labelOf = (category: string) => t(`category.${category}`, { defaultValue: category });
  const total = data.categories.reduce((sum, c) => sum + Math.max(c.spend, 0), 0);
  const share = (spend: number) => (total > 0 ? Math.max(spend, 0) / total : 0);
  // Largest at the top: echarts draws the first category at the bottom of a vertical axis.
  const rows = [...data.categories].reverse();
  const option = {
    color: [spendColor],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const c = rows[items[0]?.dataIndex ?? -1];
        if (!c) return '';
        return `${labelOf(c.category)}<br/>${formatMoney(c.spend, locale)} · ${formatPercent(share(c.spend), locale)}`;
      },
    },
    grid: { left: 8, right: 56, top: 8, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v, locale) }, splitNumber: 3 },
    yAxis: { type: 'category', data: rows.map((c) => labelOf(c.category)), axisTick: { show: false } },
    series: [
      {
        name: t('dashboard.category.spend'),
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#8c8c8c',
          formatter: (p: { dataIndex: number }) => formatPercent(share(rows[p.dataIndex]?.spend ?? 0), locale),
        },
        data: rows.map((c) => c.spend),
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
        rows: data.categories.map((c) => [c.category, labelOf(c.category), c.spend, c.txnCount, share(c.spend)]),
      }}
    />
  );
}
