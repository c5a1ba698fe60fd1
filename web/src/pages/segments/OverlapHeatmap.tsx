import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverlapResult } from '../../../../src/segments/schema';
import { formatCount, formatPercent } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { registerExtraCharts } from '../../components/echarts-extras';

registerExtraCharts();

/**
 * Pairwise overlap as a heat map: each cell's colour is the Jaccard index (shared / either), its label the
 * number of customers in both; the diagonal is each segment's own size.
 */
export function OverlapHeatmap({ data }: { readonly data: OverlapResult }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const names = data.segments.map((s) => (locale === 'en-US' ? s.nameEn : s.nameZh));
  const index = new Map(data.segments.map((s, i) => [s.id, i]));
  const cells: Array<{ value: [number, number, number]; count: number; union: number }> = data.segments.map(
    (s, i) => ({ value: [i, i, 1], count: s.count, union: s.count }),
  );
  for (const p of data.pairs) {
    const a = index.get(p.a) ?? 0;
    const b = index.get(p.b) ?? 0;
    cells.push(
      { value: [a, b, p.jaccard], count: p.intersection, union: p.union },
      { value: [b, a, p.jaccard], count: p.intersection, union: p.union },
    );
  }
  const option = {
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const cell = cells[p.dataIndex];
        if (!cell) return '';
        const [x, y, jaccard] = cell.value;
        return `${names[y]} ∩ ${names[x]}<br/>${t('segments.overlap.both')}: ${formatCount(cell.count, locale)}<br/>${t('segments.overlap.either')}: ${formatCount(cell.union, locale)}<br/>${t('segments.overlap.jaccard')}: ${formatPercent(jaccard, locale)}`;
      },
    },
    grid: { left: 8, right: 24, top: 8, bottom: 64, containLabel: true },
    xAxis: {
      type: 'category',
      data: names,
      axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, width: 110, overflow: 'truncate' },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { width: 120, overflow: 'truncate' },
      splitArea: { show: true },
    },
    // A plain colour key (no drag handles, whose own 0 and 1 repeated the key's ends), named in words.
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      inRange: { color: ['#f0f5ff', '#91caff', '#1677ff', '#003eb3'] },
      text: [`100%  ${t('segments.overlap.jaccard')}`, '0%'],
      textStyle: { color: '#595959', fontSize: 11 },
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) => c.value),
        label: {
          show: true,
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => formatCount(cells[p.dataIndex]?.count ?? 0, locale),
        },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
  return (
    <>
      <EChart
        testId="chart-overlap"
        label={t('segments.overlap.title')}
        height={Math.max(320, 60 + names.length * 44)}
        option={option}
        table={{
          columns: [
            t('segments.overlap.pair'),
            t('segments.overlap.both'),
            t('segments.overlap.either'),
            t('segments.overlap.jaccard'),
          ],
          rows: data.pairs.map((p) => [`${p.a}|${p.b}`, p.intersection, p.union, p.jaccard]),
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('segments.overlap.legend')}
      </Typography.Text>
    </>
  );
}
