import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Freshness } from '../../../../src/data/schema';
import { formatCount } from '../../app/format';
import { LagTag } from '../../components/LagTag';

type Row = Freshness['tables'][number];

export function FreshnessTable({ data }: { readonly data: Freshness }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<Row>
      data-testid="freshness-table"
      size="small"
      pagination={false}
      rowKey="table"
      dataSource={data.tables}
      onRow={(row) =>
        ({
          'data-table': row.table,
          'data-latest': row.latest ?? '',
          'data-lag': row.lagDays ?? '',
        }) as object
      }
      columns={[
        {
          key: 'table',
          title: t('dashboard.freshness.table'),
          render: (_, r) => t(`table.${r.table}`, { defaultValue: r.table }),
        },
        {
          key: 'column',
          title: t('dashboard.freshness.column'),
          dataIndex: 'column',
          render: (c: string) => <code>{c}</code>,
        },
        {
          key: 'rows',
          title: t('dashboard.freshness.rows'),
          align: 'right',
          render: (_, r) => formatCount(r.rows, i18n.language),
        },
        { key: 'latest', title: t('dashboard.freshness.latest'), render: (_, r) => r.latest ?? '—' },
        { key: 'lag', title: t('dashboard.freshness.lag'), render: (_, r) => <LagTag lag={r.lagDays} /> },
      ]}
    />
  );
}
