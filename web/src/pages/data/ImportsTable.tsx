import { Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listImportsEndpoint, type ImportSummary } from '../../../../src/data/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCount, formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';

interface ImportsTableProps {
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
}

const pageSize = 10;

export function ImportsTable({ selectedId, onSelect }: ImportsTableProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [page, setPage] = useState(1);
  const imports = useEndpoint(
    listImportsEndpoint,
    { query: { limit: pageSize, offset: (page - 1) * pageSize } },
    { placeholderData: (previous) => previous },
  );
  const count = (n: number) => formatCount(n, locale);

  return (
    <QueryCard title={t('data.imports.title')} query={imports} testId="imports-card">
      {(data) => (
        <Table<ImportSummary>
          data-testid="imports-table"
          size="middle"
          rowKey="id"
          dataSource={data.items}
          locale={{ emptyText: t('data.imports.none') }}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            onChange: setPage,
            showTotal: (total) => t('data.imports.total', { count: total }),
          }}
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selectedId ? [selectedId] : [],
            onChange: (keys) => keys[0] !== undefined && onSelect(String(keys[0])),
          }}
          onRow={(row) => ({ onClick: () => onSelect(row.id), style: { cursor: 'pointer' }, 'data-import-id': row.id }) as object}
          columns={[
            {
              key: 'file',
              title: t('data.imports.file'),
              render: (_, r) => (
                <span>
                  <Typography.Text strong>{r.fileName}</Typography.Text> <Tag>{r.format}</Tag>
                </span>
              ),
            },
            { key: 'table', title: t('data.imports.table'), render: (_, r) => t(`table.${r.table}`, { defaultValue: r.table }) },
            { key: 'time', title: t('data.imports.time'), render: (_, r) => formatDateTime(r.finishedAt, locale) },
            { key: 'read', title: t('data.imports.read'), align: 'right', render: (_, r) => count(r.rowsRead) },
            { key: 'imported', title: t('data.imports.imported'), align: 'right', render: (_, r) => count(r.rowsImported) },
            { key: 'unchanged', title: t('data.imports.unchanged'), align: 'right', render: (_, r) => count(r.rowsUnchanged) },
            {
              key: 'rejected',
              title: t('data.imports.rejected'),
              align: 'right',
              render: (_, r) => <Typography.Text type={r.rowsRejected > 0 ? 'danger' : 'secondary'}>{count(r.rowsRejected)}</Typography.Text>,
            },
            {
              key: 'status',
              title: t('data.imports.status'),
              render: (_, r) => <Tag color="success">{t(`data.status.${r.status}`, { defaultValue: r.status })}</Tag>,
            },
          ]}
        />
      )}
    </QueryCard>
  );
}
