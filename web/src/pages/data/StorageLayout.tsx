import { Checkbox, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listLayoutEndpoint, type TableLayout } from '../../../../src/data/schema';
import { dataClusterResultSchema, startDataClusterEndpoint } from '../../../../src/jobs/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCount, formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { JobButton } from '../jobs/JobButton';

/**
 * Rows loaded after the last clustering sit in load order, each day's batch spread over the whole table, so a
 * customer's read visits one more row group per batch. Measured at 1M customers: 30 daily loads (5.5 % of
 * 18 months) took a customer's transaction read from 32 to 57 ms. Past 1 % (about a week of daily loads on
 * 18 months of history) the page suggests clustering.
 */
const suggestAt = 0.01;

function TailCell({ layout }: { readonly layout: TableLayout }) {
  const { t, i18n } = useTranslation();
  // Never clustered: no recorded point to count from (each import is sorted, so one load needs nothing).
  if (layout.tailRows === null) return <span data-testid={`layout-tail-${layout.table}`} data-state="unknown">—</span>;
  const share = layout.rows > 0 ? layout.tailRows / layout.rows : 0;
  const state = layout.tailRows === 0 ? 'clustered' : share >= suggestAt ? 'suggested' : 'recent';
  const color = { clustered: 'success', recent: 'processing', suggested: 'warning' }[state];
  return (
    <Space size={6} data-testid={`layout-tail-${layout.table}`} data-value={layout.tailRows} data-state={state}>
      <Typography.Text>{formatCount(layout.tailRows, i18n.language)}</Typography.Text>
      <Tag color={color}>{t(`data.layout.state.${state}`, { share: (share * 100).toFixed(1) })}</Tag>
    </Space>
  );
}

/**
 * How each table's rows lie for per-customer reads, and (for administrators) a clustering job on the table
 * picked in the list: the rows loaded since the last clustering, or the whole table.
 */
export function StorageLayout() {
  const { t, i18n } = useTranslation();
  const layouts = useEndpoint(listLayoutEndpoint, {});
  const [table, setTable] = useState('transactions');
  const [full, setFull] = useState(false);
  const tableName = (name: string) => t(`table.${name}`, { defaultValue: name });
  return (
    <QueryCard
      testId="layout-card"
      title={
        <Space>
          {t('data.layout.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {t('data.layout.subtitle')}
          </Typography.Text>
        </Space>
      }
      extra={
        <JobButton
          kind="data_cluster"
          start={startDataClusterEndpoint}
          args={() => ({ body: { table, full } })}
          label={t('data.layout.run')}
          confirm={t('data.layout.confirm', { table: tableName(table) })}
          options={
            <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} data-testid="layout-full">
              {t('data.layout.full')}
            </Checkbox>
          }
          doneMessage={(job) => {
            const result = dataClusterResultSchema.safeParse(job.result).data;
            return t('data.layout.done', { table: tableName(result?.table ?? table), rows: formatCount(result?.rows ?? 0, i18n.language) });
          }}
          failedMessage={(error) => t('data.layout.failed', { error })}
          testId="layout-cluster"
        />
      }
      query={layouts}
    >
      {(data) => (
        <Table<TableLayout>
          data-testid="layout-table"
          size="middle"
          rowKey="table"
          pagination={false}
          dataSource={data.items}
          rowSelection={{ type: 'radio', selectedRowKeys: [table], onChange: (keys) => setTable(String(keys[0] ?? 'transactions')) }}
          onRow={(row) => ({ 'data-table': row.table, onClick: () => setTable(row.table), style: { cursor: 'pointer' } }) as object}
          columns={[
            { key: 'table', title: t('data.quality.table'), render: (_, r) => tableName(r.table) },
            { key: 'rows', title: t('data.quality.rows'), align: 'right', render: (_, r) => formatCount(r.rows, i18n.language) },
            {
              key: 'tail',
              title: <Tooltip title={t('data.layout.tailHint')}>{t('data.layout.tail')}</Tooltip>,
              render: (_, r) => <TailCell layout={r} />,
            },
            { key: 'through', title: t('data.layout.through'), render: (_, r) => r.clusteredThrough ?? '—' },
            { key: 'mode', title: t('data.layout.mode'), render: (_, r) => t(`data.layout.modes.${r.mode ?? 'never'}`, { defaultValue: r.mode ?? '' }) },
            {
              key: 'at',
              title: t('data.layout.at'),
              render: (_, r) => (r.clusteredAt ? <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.clusteredAt, i18n.language)}</span> : '—'),
            },
          ]}
        />
      )}
    </QueryCard>
  );
}
