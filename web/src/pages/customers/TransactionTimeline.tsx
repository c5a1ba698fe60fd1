import { GlobalOutlined } from '@ant-design/icons';
import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerTransactionsEndpoint, type TransactionView } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime, formatMoney } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';

const pageSize = 15;

/** The customer's transactions, newest first, a page at a time, optionally one category. */
export function TransactionTimeline({
  customerId,
  categories,
}: {
  readonly customerId: string;
  readonly categories: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [page, setPage] = useState(1);
  const [category, setCategory] = useState<string | undefined>(undefined);
  const txns = useEndpoint(
    customerTransactionsEndpoint,
    { params: { id: customerId }, query: { page, pageSize, ...(category ? { category } : {}) } },
    { placeholderData: (previous) => previous },
  );
  return (
    <QueryCard
      title={t('customers.timeline.title')}
      testId="timeline"
      query={txns}
      extra={
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('customers.timeline.allCategories')}
          aria-label={t('customers.spending.category')}
          value={category}
          onChange={(c?: string) => {
            setCategory(c);
            setPage(1);
          }}
          options={categories.map((c) => ({ value: c, label: t(`category.${c}`, { defaultValue: c }) }))}
          data-testid="timeline-category"
        />
      }
    >
      {(data) => (
        <Table<TransactionView>
          data-testid="timeline-table"
          size="small"
          rowKey="txnId"
          loading={txns.isFetching}
          dataSource={data.items}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => (
              <span data-testid="timeline-total" data-value={total}>
                {t('customers.timeline.total', { count: total })}
              </span>
            ),
          }}
          columns={[
            {
              key: 'ts',
              title: t('customers.timeline.time'),
              width: 150,
              render: (_, r) => formatDateTime(r.ts, locale),
            },
            { key: 'merchant', title: t('customers.timeline.merchant'), render: (_, r) => r.merchant ?? '—' },
            {
              key: 'category',
              title: t('customers.spending.category'),
              render: (_, r) =>
                r.category ? <Tag>{t(`category.${r.category}`, { defaultValue: r.category })}</Tag> : '—',
            },
            {
              key: 'amount',
              title: t('customers.timeline.amount'),
              align: 'right',
              render: (_, r) => (
                <Typography.Text type={r.amount < 0 ? 'success' : undefined} strong={r.amount >= 1000}>
                  {formatMoney(r.amount, locale, 2)}
                </Typography.Text>
              ),
            },
            {
              key: 'channel',
              title: t('customers.timeline.channel'),
              render: (_, r) => (
                <Space size={4}>
                  {r.channel ? t(`contract.txnChannel.${r.channel}`, { defaultValue: r.channel }) : '—'}
                  {r.isOverseas && (
                    <Tooltip title={t('customers.timeline.overseas', { country: r.country ?? '—' })}>
                      <GlobalOutlined
                        style={{ color: '#722ed1' }}
                        aria-label={t('customers.timeline.overseas', { country: r.country ?? '—' })}
                      />
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              key: 'installment',
              title: t('customers.timeline.installment'),
              align: 'right',
              render: (_, r) =>
                r.installmentMonths ? t('customers.timeline.months', { count: r.installmentMonths }) : '—',
            },
            {
              key: 'account',
              title: t('customers.accounts.id'),
              render: (_, r) => <Typography.Text type="secondary">{r.accountId}</Typography.Text>,
            },
          ]}
        />
      )}
    </QueryCard>
  );
}
