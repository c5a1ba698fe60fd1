import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Progress, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { latestQualityEndpoint, runQualityEndpoint, type QualityReport } from '../../../../src/data/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useMayCall } from '../../app/current-user';
import { formatCount, formatDateTime } from '../../app/format';
import { LagTag } from '../../components/LagTag';
import { QueryCard } from '../../components/QueryCard';
import { ShareBar } from '../../components/ShareBar';
import { QualityDetails } from './QualityDetails';

const dimensions = ['completeness', 'validity', 'uniqueness', 'integrity'] as const;

export function QualityReports() {
  const { t, i18n } = useTranslation();
  const mayCall = useMayCall();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const reports = useEndpoint(latestQualityEndpoint, {});
  const canRun = mayCall(runQualityEndpoint);
  const run = useEndpointMutation(runQualityEndpoint, {
    onSuccess: (result) => {
      void message.success(t('data.quality.rerunDone', { count: result.items.length }));
      void queryClient.invalidateQueries({ queryKey: endpointKey(latestQualityEndpoint) });
    },
    onError: (error) => void message.error(error.message),
  });

  return (
    <QueryCard
      testId="quality-card"
      title={
        <Space>
          {t('data.quality.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('data.quality.subtitle')}
          </Typography.Text>
        </Space>
      }
      extra={
        canRun && (
          <Button icon={<ReloadOutlined />} loading={run.isPending} onClick={() => run.mutate({ body: {} })} data-testid="quality-rerun">
            {t('data.quality.rerun')}
          </Button>
        )
      }
      query={reports}
    >
      {(data) => (
        <Table<QualityReport>
          data-testid="quality-table"
          size="middle"
          rowKey="id"
          pagination={false}
          dataSource={data.items}
          locale={{ emptyText: t('data.quality.none') }}
          expandable={{ expandedRowRender: (report) => <QualityDetails report={report} /> }}
          onRow={(row) => ({ 'data-table': row.table }) as object}
          columns={[
            { key: 'table', title: t('data.quality.table'), render: (_, r) => t(`table.${r.table}`, { defaultValue: r.table }) },
            { key: 'rows', title: t('data.quality.rows'), align: 'right', render: (_, r) => formatCount(r.rows, i18n.language) },
            {
              key: 'score',
              title: t('data.quality.score'),
              align: 'center',
              render: (_, r) => (
                <Progress type="circle" size={40} percent={r.score} format={(p) => (p ?? 0).toFixed(0)} strokeColor={r.score >= 95 ? '#52c41a' : '#faad14'} />
              ),
            },
            ...dimensions.map((d) => ({
              key: d,
              title: t(`data.quality.${d}`),
              render: (_: unknown, r: QualityReport) => <ShareBar share={r.dimensions[d]} testId={`quality-${r.table}-${d}`} />,
            })),
            {
              key: 'freshness',
              title: t('data.quality.freshness'),
              render: (_, r) =>
                r.freshness ? (
                  <Tooltip title={`${r.freshness.column}: ${r.freshness.latest ?? '—'}`}>
                    <span>
                      <LagTag lag={r.freshness.lagDays} />
                    </span>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { key: 'measured', title: t('data.quality.measuredAt'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt, i18n.language)}</span>,
            },
          ]}
        />
      )}
    </QueryCard>
  );
}
