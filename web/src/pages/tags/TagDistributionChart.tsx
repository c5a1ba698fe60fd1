import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { distributionSchema } from '../../../../src/tags/schema';
import { formatCompact, formatCount } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { spendColor } from '../../charts/palette';
import { formatNumber } from '../../components/format-number';
import { tagValueLabel } from '../../components/tag-value-label';

export type Distribution = z.infer<typeof distributionSchema>;

interface TagDistributionChartProps {
  readonly distribution: Distribution;
  readonly testId: string;
  readonly height?: number;
  /** The tag's unit (CNY, days …): named on the value axis so that 0–1000 reads as yuan. */
  readonly unit?: string | null | undefined;
}

/**
 * Counts per value or band as bars; a number tag without buckets has deciles instead, drawn as the value at
 * each tenth of the population (P0 … P100).
 */
export function TagDistributionChart({
  distribution,
  testId,
  height = 260,
  unit = null,
}: TagDistributionChartProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (distribution.kind === 'none')
    return <Empty description={t('tags.noDistribution')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const quantiles = distribution.kind === 'quantiles';
  const labels = quantiles
    ? distribution.quantiles.map((_, i) => `P${i * 10}`)
    : distribution.items.map((item) => item.label);
  const values = quantiles ? distribution.quantiles : distribution.items.map((item) => item.count);
  const seriesName = quantiles ? t('tags.quantileValue') : t('tags.customers');
  // Values by their labels (金卡, not gold); the hidden table keeps what the server sent.
  const shownLabels = labels.map((label) => tagValueLabel(label, t));
  const unitName = unit ? t(`tags.unitName.${unit}`, { defaultValue: unit }) : '';
  const axisName = { nameTextStyle: { color: '#8c8c8c', fontSize: 11 } };
  const option = {
    color: [spendColor],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) =>
        quantiles ? formatNumber(Number(v), locale) : formatCount(Number(v), locale),
    },
    grid: { left: 8, right: 16, top: 32, bottom: unitName && !quantiles ? 32 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: shownLabels,
      // Bands of an amount or a duration: the unit under the axis (金额（元）), so 0–1000 is not a count.
      ...(unitName && !quantiles ? { name: unitName, nameLocation: 'middle', nameGap: 28, ...axisName } : {}),
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: quantiles ? unitName || seriesName : seriesName,
      ...axisName,
      axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
    },
    series: [
      {
        name: seriesName,
        type: quantiles ? 'line' : 'bar',
        barMaxWidth: 36,
        smooth: quantiles,
        itemStyle: { borderRadius: quantiles ? 0 : [3, 3, 0, 0] },
        label: {
          show: !quantiles,
          position: 'top',
          fontSize: 11,
          color: '#8c8c8c',
          formatter: (p: { value: number }) => formatCount(p.value, locale),
        },
        areaStyle: quantiles ? { opacity: 0.12 } : undefined,
        data: values,
      },
    ],
  };
  return (
    <EChart
      testId={testId}
      label={t('tags.distributionLabel')}
      height={height}
      option={option}
      table={{
        columns: [quantiles ? t('tags.quantile') : t('tags.value'), seriesName],
        rows: labels.map((label, i) => [label, values[i] ?? 0]),
      }}
    />
  );
}
