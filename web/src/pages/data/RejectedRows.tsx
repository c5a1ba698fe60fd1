import { Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getImportEndpoint, rejectRules, type ImportReject, type RejectRule } from '../../../../src/data/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { QueryCard } from '../../components/QueryCard';

const pageSize = 20;

/** One import's rejected rows, a page at a time, with a per-rule and per-field summary above them. */
export function RejectedRows({ importId }: { readonly importId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [rule, setRule] = useState<RejectRule | undefined>();
  const detail = useEndpoint(
    getImportEndpoint,
    { params: { id: importId }, query: { limit: pageSize, offset: (page - 1) * pageSize, ...(rule ? { rule } : {}) } },
    { placeholderData: (previous) => previous },
  );
  const ruleLabel = (r: RejectRule) => t(`rule.${r}`);

  return (
    <QueryCard
      testId="rejects-card"
      title={
        <Space>
          {t('data.rejects.title')}
          {detail.data && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('data.rejects.of', { file: detail.data.import.fileName, table: t(`table.${detail.data.import.table}`) })}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Select<RejectRule>
          allowClear
          size="small"
          style={{ width: 180 }}
          placeholder={t('data.rejects.allRules')}
          value={rule}
          onChange={(value) => {
            setRule(value);
            setPage(1);
          }}
          options={rejectRules.map((r) => ({ value: r, label: ruleLabel(r) }))}
        />
      }
      query={detail}
    >
      {(data) =>
        data.import.rowsRejected === 0 ? (
          <Empty description={t('data.rejects.none')} />
        ) : (
          <Flex vertical gap={12}>
            <Flex wrap gap={6} align="center" data-testid="reject-counts">
              <Typography.Text type="secondary">{t('data.rejects.summary')}:</Typography.Text>
              {data.rejectCounts.map((c) => (
                <Tag key={`${c.rule}/${c.field ?? ''}`} color="red">
                  {ruleLabel(c.rule)} · {c.field ?? '—'} · {c.rows}
                </Tag>
              ))}
            </Flex>
            <Table<ImportReject>
              data-testid="rejects-table"
              size="small"
              rowKey={(r) => `${r.rowNumber}/${r.field ?? ''}/${r.rule}`}
              dataSource={data.rejects.items}
              pagination={{
                current: page,
                pageSize,
                total: data.rejects.total,
                onChange: setPage,
                showSizeChanger: false,
                showTotal: (total) => t('data.rejects.total', { count: total }),
              }}
              columns={[
                { key: 'row', title: t('data.rejects.row'), dataIndex: 'rowNumber', width: 80, align: 'right' },
                { key: 'field', title: t('data.rejects.field'), render: (_, r) => (r.field ? <code>{r.field}</code> : '—'), width: 160 },
                {
                  key: 'value',
                  title: t('data.rejects.value'),
                  render: (_, r) => (r.value === null ? <Typography.Text type="secondary">NULL</Typography.Text> : <code>{r.value}</code>),
                  ellipsis: true,
                  width: 220,
                },
                { key: 'rule', title: t('data.rejects.rule'), render: (_, r) => <Tag>{ruleLabel(r.rule)}</Tag>, width: 150 },
                {
                  key: 'reason',
                  title: t('data.rejects.reason'),
                  render: (_, r) => (i18n.language === 'en-US' ? r.reason['en-US'] : r.reason['zh-CN']),
                },
              ]}
            />
          </Flex>
        )
      }
    </QueryCard>
  );
}
