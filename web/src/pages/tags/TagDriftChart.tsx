import { useQueries } from '@tanstack/react-query';
import { Alert, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { tagDriftEndpoint, type tagDetailSchema } from '../../../../src/tags/schema';
import { callEndpoint } from '../../api/client';
import { endpointKey } from '../../api/useEndpoint';
import { EChart } from '../../charts/EChart';
import { registerExtraCharts } from '../../components/echarts-extras';
import { driftBandColors } from './tag-labels';

registerExtraCharts();

type TrendPoint = z.infer<typeof tagDetailSchema>['trend'][number];

interface TagDriftChartProps {
  readonly code: string;
  readonly trend: readonly TrendPoint[];
}

/** Population stability index between each snapshot and the one before it, coloured by band. */
export function TagDriftChart({ code, trend }: TagDriftChartProps) {
  const { t } = useTranslation();
  const pairs = trend.slice(1).map((to, i) => ({ from: trend[i] as TrendPoint, to }));
  const results = useQueries({
    queries: pairs.map(({ from, to }) => {
      const args = { params: { code }, query: { from: from.snapshotId, to: to.snapshotId } };
      return {
        queryKey: endpointKey(tagDriftEndpoint, args),
        queryFn: () => callEndpoint(tagDriftEndpoint, args),
      };
    }),
  });
  if (pairs.length === 0)
    return <Empty description={t('tags.drift.needTwo')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const failed = results.find((r) => r.isError);
  if (failed?.error) return <Alert type="error" showIcon title={failed.error.message} />;
  const rows = results.flatMap((r) => (r.data ? [r.data] : []));
  const label = (r: (typeof rows)[number]) => `${r.from.asOf} → ${r.to.asOf}`;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map(label) },
    yAxis: { type: 'value', name: 'PSI', min: 0, max: (v: { max: number }) => Math.max(0.3, v.max * 1.1) },
    series: [
      {
        name: 'PSI',
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((r) => ({ value: r.psi, itemStyle: { color: driftBandColors[r.band] } })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { value: number }) => p.value.toFixed(3),
        },
        markArea: {
          silent: true,
          data: [
            [{ yAxis: 0, itemStyle: { color: 'rgba(82,196,26,0.06)' } }, { yAxis: 0.1 }],
            [{ yAxis: 0.1, itemStyle: { color: 'rgba(250,173,20,0.08)' } }, { yAxis: 0.25 }],
            [{ yAxis: 0.25, itemStyle: { color: 'rgba(255,77,79,0.06)' } }, { yAxis: 10 }],
          ],
        },
      },
    ],
  };
  return (
    <Flex vertical gap={8}>
      <Space size={4} wrap>
        {(['stable', 'moderate', 'major'] as const).map((band) => (
          <Tag key={band} color={driftBandColors[band]}>
            {t(`tags.drift.band.${band}`)}
          </Tag>
        ))}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tags.drift.hint')}
        </Typography.Text>
      </Space>
      <EChart
        testId="chart-tag-drift"
        label={t('tags.drift.title')}
        height={220}
        option={option}
        table={{
          columns: [t('tags.drift.pair'), 'PSI', t('tags.drift.bandLabel')],
          rows: rows.map((r) => [label(r), r.psi, r.band]),
        }}
      />
    </Flex>
  );
}
