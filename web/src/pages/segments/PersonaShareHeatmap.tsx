import { useTranslation } from 'react-i18next';
import type { PersonaRun } from '../../../../src/segments/schema';
import { formatPercent } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { registerExtraCharts } from '../../components/echarts-extras';

registerExtraCharts();

type Cluster = PersonaRun['clusters'][number];

/** Each persona's mean share of spend per category: the cluster profiles, read across as a heat map. */
export function PersonaShareHeatmap({ clusters }: { readonly clusters: readonly Cluster[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const categories = [...new Set(clusters.flatMap((c) => Object.keys(c.profile.meanShares)))];
  const names = clusters.map((c) => (locale === 'en-US' ? c.nameEn : c.nameZh));
  const data = clusters.flatMap((c, y) =>
    categories.map((category, x) => [x, y, c.profile.meanShares[category] ?? 0] as [number, number, number]),
  );
  const max = Math.max(0.05, ...data.map((d) => d[2]));
  const option = {
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        `${names[p.value[1]]} · ${t(`category.${categories[p.value[0]]}`)}: ${formatPercent(p.value[2], locale)}`,
    },
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories.map((c) => t(`category.${c}`, { defaultValue: c })),
      axisLabel: { interval: 0, rotate: 30 },
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, show: false, inRange: { color: ['#fff7e6', '#ffc069', '#fa8c16', '#ad4e00'] } },
    series: [
      {
        type: 'heatmap',
        data,
        label: {
          show: true,
          fontSize: 10,
          formatter: (p: { value: [number, number, number] }) => formatPercent(p.value[2], locale, 0),
        },
      },
    ],
  };
  return (
    <EChart
      testId="chart-persona-shares"
      label={t('segments.personas.shares')}
      height={60 + clusters.length * 34}
      option={option}
      table={{
        columns: ['persona', ...categories],
        rows: clusters.map((c) => [c.code, ...categories.map((k) => c.profile.meanShares[k] ?? 0)]),
      }}
    />
  );
}
