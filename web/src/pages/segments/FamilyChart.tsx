import { useTranslation } from 'react-i18next';
import { formatCompact, formatCount, formatPercent } from '../../app/format';
import { EChart } from '../../charts/EChart';

export interface FamilyBar {
  readonly id: string;
  readonly name: string;
  readonly count: number;
}

// Families read in their own order (best to worst, new to churned), so colours follow that order too.
const familyColors: Readonly<Record<string, string>> = {
  rfm: '#1677ff',
  value_tier: '#faad14',
  lifecycle: '#722ed1',
  risk_grade: '#ff4d4f',
};

/** Customers per group of one built-in family, with each group's share of the family. */
export function FamilyChart({
  family,
  bars,
}: {
  readonly family: string;
  readonly bars: readonly FamilyBar[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const total = bars.reduce((s, b) => s + b.count, 0);
  const horizontal = bars.length > 6;
  const rows = horizontal ? [...bars].reverse() : bars;
  const categoryAxis = {
    type: 'category',
    data: rows.map((b) => b.name),
    axisTick: { show: false },
    axisLabel: { interval: 0 },
  };
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    splitNumber: 3,
    axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
  };
  const option = {
    color: [familyColors[family] ?? '#1677ff'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => formatCount(Number(v), locale),
    },
    grid: { left: 8, right: horizontal ? 48 : 8, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      {
        name: t('segments.size'),
        type: 'bar',
        barMaxWidth: horizontal ? 14 : 32,
        itemStyle: { borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          fontSize: 11,
          color: '#8c8c8c',
          formatter: (p: { value: number }) => (total > 0 ? formatPercent(p.value / total, locale) : ''),
        },
        data: rows.map((b) => b.count),
      },
    ],
  };
  return (
    <EChart
      testId={`chart-family-${family}`}
      label={t(`segments.family.${family}`)}
      height={horizontal ? Math.max(260, bars.length * 28) : 260}
      option={option}
      table={{
        columns: ['id', t('segments.name'), t('segments.size')],
        rows: bars.map((b) => [b.id, b.name, b.count]),
      }}
    />
  );
}
