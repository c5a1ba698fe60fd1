import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { tagDetailSchema } from '../../../../src/tags/schema';
import { formatMoney, formatPercent } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { chartPalette } from '../../charts/palette';
import { formatNumber } from '../../components/format-number';
import { tagValueLabel } from '../../components/tag-value-label';

type TrendPoint = z.infer<typeof tagDetailSchema>['trend'][number];

interface TagTrendChartProps {
  readonly trend: readonly TrendPoint[];
  readonly isNumber: boolean;
  /** A yuan amount: the mean reads ¥6,473 rather than 6,473.1. */
  readonly money?: boolean;
  /** What an empty trend means: no snapshot at all, or a tag created since the newest one. */
  readonly emptyText?: string;
}

/** The tag across snapshots: its mean (numbers) or the share of each value (enums, booleans), with coverage. */
export function TagTrendChart({ trend, isNumber, money = false, emptyText }: TagTrendChartProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (trend.length === 0)
    return (
      <Empty
        description={emptyText ?? t('tags.noSnapshot')}
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        data-testid="tag-trend-empty"
      />
    );
  const dates = trend.map((p) => p.asOf);
  const coverageName = t('tags.coverage');
  const coverage = {
    name: coverageName,
    type: 'line',
    yAxisIndex: 1,
    symbolSize: 6,
    lineStyle: { type: 'dashed' },
    data: trend.map((p) => p.coverage),
    tooltip: { valueFormatter: (v: unknown) => formatPercent(Number(v), locale) },
  };
  // Enums and booleans: each value's share of the customers who have one, stacked to 100 % per snapshot.
  const labels = isNumber
    ? []
    : [
        ...new Set(
          trend.flatMap((p) =>
            p.distribution.kind === 'values' || p.distribution.kind === 'bands'
              ? p.distribution.items.map((i) => i.label)
              : [],
          ),
        ),
      ];
  const shareOf = (p: TrendPoint, label: string) => {
    if (p.distribution.kind !== 'values' && p.distribution.kind !== 'bands') return 0;
    const total = p.distribution.items.reduce((s, i) => s + i.count, 0);
    return total > 0 ? (p.distribution.items.find((i) => i.label === label)?.count ?? 0) / total : 0;
  };
  const meanName = t('tags.mean');
  const number = (v: number) => (money ? formatMoney(v, locale) : formatNumber(v, locale));
  // Each axis says what it measures: the mean (or the values' shares) on the left, coverage on the right.
  const axisName = { nameTextStyle: { color: '#8c8c8c', fontSize: 11 } };
  const series = isNumber
    ? [
        {
          name: meanName,
          type: 'line',
          smooth: true,
          symbolSize: 7,
          data: trend.map((p) => p.mean),
          tooltip: { valueFormatter: (v: unknown) => number(Number(v)) },
        },
        coverage,
      ]
    : [
        ...labels.map((label) => ({
          name: tagValueLabel(label, t),
          type: 'bar',
          stack: 'share',
          barMaxWidth: 40,
          data: trend.map((p) => shareOf(p, label)),
          tooltip: { valueFormatter: (v: unknown) => formatPercent(Number(v), locale) },
        })),
        coverage,
      ];
  const option = {
    color: isNumber
      ? ['#1677ff', '#faad14']
      : [...chartPalette.slice(0, Math.max(labels.length, 1)), '#faad14'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: dates },
    yAxis: [
      isNumber
        ? { type: 'value', scale: true, name: meanName, ...axisName, axisLabel: { formatter: number } }
        : {
            type: 'value',
            max: 1,
            name: t('tags.trend.valueShare'),
            ...axisName,
            axisLabel: { formatter: (v: number) => formatPercent(v, locale, 0) },
          },
      {
        type: 'value',
        name: coverageName,
        ...axisName,
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => formatPercent(v, locale, 0) },
      },
    ],
    series,
  };
  return (
    <EChart
      testId="chart-tag-trend"
      label={t('tags.trend.title')}
      height={240}
      option={option}
      table={{
        columns: [t('tags.snapshotDate'), coverageName, meanName],
        rows: trend.map((p) => [p.asOf, p.coverage, p.mean ?? '']),
      }}
    />
  );
}
