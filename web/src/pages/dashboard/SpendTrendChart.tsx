import { useTranslation } from 'react-i18next';
import type { SpendTrend } from '../../../../src/data/schema';
import { EChart } from '../../charts/EChart';
import { countColor, spendColor } from '../../charts/palette';
import { formatCompact, formatCount, formatMoney } from '../../app/format';

export function SpendTrendChart({ data }: { readonly data: SpendTrend }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const spendName = t('dashboard.trend.spend');
  const countName = t('dashboard.trend.txnCount');
  const label = (m: SpendTrend['months'][number]) =>
    m.partial ? `${m.month}${t('dashboard.trend.partial')}` : m.month;
  const option = {
    color: [spendColor, countColor],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [spendName, countName] },
    grid: { left: 16, right: 16, top: 48, bottom: 8 },
    xAxis: { type: 'category', data: data.months.map(label), axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: spendName, axisLabel: { formatter: (v: number) => formatCompact(v, locale) } },
      {
        type: 'value',
        name: countName,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
      },
    ],
    series: [
      {
        name: spendName,
        type: 'bar',
        barMaxWidth: 26,
        tooltip: { valueFormatter: (v: unknown) => formatMoney(Number(v), locale) },
        // A month still running is drawn faint: its lower total is not a fall in spend.
        data: data.months.map((m) => ({ value: m.spend, itemStyle: { opacity: m.partial ? 0.45 : 1 } })),
      },
      {
        name: countName,
        type: 'line',
        yAxisIndex: 1,
        smooth: true,
        symbolSize: 6,
        tooltip: { valueFormatter: (v: unknown) => formatCount(Number(v), locale) },
        data: data.months.map((m) => m.txnCount),
      },
    ],
  };
  return (
    <EChart
      testId="chart-spend-trend"
      label={t('dashboard.trend.title')}
      option={option}
      table={{
        columns: [t('month'), spendName, countName],
        rows: data.months.map((m) => [m.month, m.spend, m.txnCount]),
      }}
    />
  );
}
