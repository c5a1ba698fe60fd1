import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSnapshotsEndpoint, type Snapshot } from '../../../../src/segments/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCompact, formatCount, formatDateTime } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { QueryCard } from '../../components/QueryCard';
import { snapshotAxisLabels } from './snapshot-axis-labels';

/** What echarts passes an axis tooltip's formatter, as far as it is read here. */
interface AxisTooltipParam {
  readonly dataIndex: number;
  readonly marker: string;
  readonly seriesName: string;
  readonly value: unknown;
}

/** Membership over time: size per snapshot, and how many entered and exited since the one before. */
export function SnapshotHistory({ segmentId }: { readonly segmentId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const snapshots = useEndpoint(listSnapshotsEndpoint, { params: { id: segmentId }, query: { limit: 100 } });
  return (
    <QueryCard title={t('segments.snapshots.title')} query={snapshots} testId="snapshot-history">
      {(data) => {
        if (data.items.length === 0)
          return <Empty description={t('segments.snapshots.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
        const oldestFirst = [...data.items].reverse();
        const taken = (s: Snapshot) => formatDateTime(s.takenAt, locale);
        const axisLabel = snapshotAxisLabels(oldestFirst, locale);
        const size = t('segments.size');
        const entered = t('segments.snapshots.entered');
        const exited = t('segments.snapshots.exited');
        // Two scales (the size, and the entries and exits): each axis named so neither is read for the other.
        const axisName = { nameTextStyle: { color: '#8c8c8c', fontSize: 11 } };
        const option = {
          color: ['#1677ff', '#cf1322', '#3f8600'],
          tooltip: {
            trigger: 'axis',
            // The day the data describes heads the tooltip (the axis label); when it was taken goes under it.
            formatter: (params: readonly AxisTooltipParam[]) => {
              const index = params[0]?.dataIndex ?? 0;
              const snapshot = oldestFirst[index];
              const lines = params.map(
                (p) =>
                  `${p.marker} ${p.seriesName}&nbsp;&nbsp;<b>${formatCount(Number(p.value), locale)}</b>`,
              );
              const head = snapshot
                ? [
                    axisLabel[index] ?? '',
                    `${t('segments.snapshots.takenTime')}${t('common.labelSeparator')}${taken(snapshot)}`,
                  ]
                : [];
              return [...head, ...lines].join('<br/>');
            },
          },
          legend: { top: 0, data: [size, entered, exited] },
          grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true },
          xAxis: { type: 'category', data: axisLabel },
          yAxis: [
            {
              type: 'value',
              minInterval: 1,
              name: size,
              ...axisName,
              axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
            },
            {
              type: 'value',
              minInterval: 1,
              name: t('segments.snapshots.moves'),
              ...axisName,
              splitLine: { show: false },
              axisLabel: { formatter: (v: number) => formatCompact(v, locale) },
            },
          ],
          series: [
            { name: size, type: 'line', symbolSize: 7, data: oldestFirst.map((s) => s.size) },
            // Red for customers coming in, green for going out: the Chinese convention for rises and falls.
            {
              name: entered,
              type: 'bar',
              yAxisIndex: 1,
              barMaxWidth: 18,
              data: oldestFirst.map((s) => s.entered),
            },
            {
              name: exited,
              type: 'bar',
              yAxisIndex: 1,
              barMaxWidth: 18,
              data: oldestFirst.map((s) => s.exited),
            },
          ],
        };
        return (
          <>
            <EChart
              testId="chart-snapshots"
              label={t('segments.snapshots.title')}
              height={240}
              option={option}
              table={{
                // The axis label beside the raw time taken, so either can be checked against the other.
                columns: [
                  'snapshot',
                  size,
                  entered,
                  exited,
                  t('segments.snapshots.asOf'),
                  t('segments.snapshots.takenTime'),
                ],
                rows: oldestFirst
                  .map((s, i) => [s.snapshotId, s.size, s.entered, s.exited, axisLabel[i] ?? '', s.takenAt])
                  .reverse(),
              }}
            />
            <Table<Snapshot>
              size="small"
              rowKey="snapshotId"
              dataSource={data.items}
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              columns={[
                { key: 'taken', title: t('segments.snapshots.takenAt'), render: (_, s) => taken(s) },
                { key: 'asOf', title: t('segments.snapshots.asOf'), render: (_, s) => s.asOf ?? '—' },
                { key: 'size', title: size, align: 'right', render: (_, s) => formatCount(s.size, locale) },
                {
                  key: 'entered',
                  title: entered,
                  align: 'right',
                  render: (_, s) =>
                    s.entered > 0 ? (
                      <span style={{ color: '#cf1322' }}>+{formatCount(s.entered, locale)}</span>
                    ) : (
                      0
                    ),
                },
                {
                  key: 'exited',
                  title: exited,
                  align: 'right',
                  render: (_, s) =>
                    s.exited > 0 ? (
                      <span style={{ color: '#3f8600' }}>−{formatCount(s.exited, locale)}</span>
                    ) : (
                      0
                    ),
                },
              ]}
            />
          </>
        );
      }}
    </QueryCard>
  );
}
