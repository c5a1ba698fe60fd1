import { useTranslation } from 'react-i18next';
import { formatCompactMoney, formatCount, formatMoney } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { countColor, spendColor } from '../../charts/palette';
import type { SpendingData } from './view-types';

/** Spend and purchases per calendar month, the 12 months ending with the as-of month (a running month faint). */
export function CustomerMonthlyChart({ data }: { readonly data: SpendingData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const spend = t('customers.spending.spend');
  const count = t('customers.spending.txnCount');
  const axisName = { nameTextStyle: { color: '#8c8c8c', fontSize: 11 } };
  const option = {
    color: [spendColor, countColor],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [spend, count] },
    grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true },
    // Whole months (2026-07): "26-07" could be read as a day and a month.
    xAxis: { type: 'category', data: data.months.map((m) => m.month) },
    yAxis: [
      {
        type: 'value',
        name: spend,
        ...axisName,
        axisLabel: { formatter: (v: number) => formatCompactMoney(v, locale) },
      },
      { type: 'value', name: count, ...axisName, minInterval: 1, splitLine: { show: false } },
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
        // Straight segments: a smoothed line swings below zero and above the peaks between whole counts.
        smooth: false,
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
