import { useTranslation } from 'react-i18next';
import { formatCompact, formatCount, formatMoney } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { countColor, spendColor } from '../../charts/palette';
import type { SpendingData } from './view-types';

/** Spend and purchases per calendar month, the 12 months ending with the as-of month (a running month faint). */
export function CustomerMonthlyChart({ data }: { readonly data: SpendingData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const spend = t('customers.spending.spend');
  const count = t('customers.spending.txnCount');
  const option = {
    color: [spendColor, countColor],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [spend, count] },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.months.map((m) => m.month.slice(2)) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        name: spend,
        type: 'bar',
        barMaxWidth: 18,
        tooltip: { valueFormatter: (v: unknown) => formatMoney(Number(v), locale) },
        data: data.months.map((m) => ({ value: m.spend, itemStyle: { opacity: m.partial ? 0.45 : 1 } })),
      },
      {
        name: count,
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        symbolSize: 5,
        tooltip: { valueFormatter: (v: unknown) => formatCount(Number(v), locale) },
        data: data.months.map((m) => m.txnCount),
      },
    ],
  };
  return (
    <EChart
      testId="chart-customer-monthly"
      label={t('customers.spending.monthly')}
      height={260}
      option={option}
      table={{
        columns: [t('month'), spend, count],
        rows: data.months.map((m) => [m.month, m.spend, m.txnCount]),
      }}
    />
  );
}
