import { useTranslation } from 'react-i18next';
import { formatCompact, formatMoney, formatPercent } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { spendColor } from '../../charts/palette';
import type { SpendingData } from './view-types';

/**
 * Net spend by category over the 365 days to the as-of date, as sorted bars (a customer can have a dozen
 * categories: a ring's labels would collide), each labelled with its share of the year's spend.
 */
export function CustomerCategoryChart({ data }: { readonly data: SpendingData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const labelOf = (c: string) => t(`category.${c}`, { defaultValue: c });
  // Largest at the top: echarts draws the first category at the bottom of a vertical axis.
  const rows = [...data.categories].reverse();
  const option = {
    color: [spendColor],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const c = rows[items[0]?.dataIndex ?? -1];
        return c
          ? `${labelOf(c.category)}<br/>${formatMoney(c.spend, locale, 2)} · ${c.txnCount} · ${formatPercent(c.share, locale)}`
          : '';
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
    },
    yAxis: {
      type: 'category',
      data: rows.map((c) => labelOf(c.category)),
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: 11 },
    },
    series: [
      {
        name: t('customers.spending.spend'),
        type: 'bar',
        barMaxWidth: 12,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 10,
          color: '#8c8c8c',
          formatter: (p: { dataIndex: number }) => formatPercent(rows[p.dataIndex]?.share ?? 0, locale, 0),
        },
        data: rows.map((c) => c.spend),
      },
    ],
  };
  return (
    <EChart
      testId="chart-customer-category"
      label={t('customers.spending.byCategory')}
      height={Math.max(260, rows.length * 17 + 24)}
      option={option}
      table={{
        columns: [
          'category',
          t('customers.spending.category'),
          t('customers.spending.spend'),
          t('customers.spending.txnCount'),
          t('customers.spending.share'),
        ],
        rows: data.categories.map((c) => [c.category, labelOf(c.category), c.spend, c.txnCount, c.share]),
      }}
    />
  );
}
