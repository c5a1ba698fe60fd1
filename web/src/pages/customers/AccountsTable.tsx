import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import type { AccountsData } from './view-types';
import { yesNo } from '../../components/yes-no';

type Account = AccountsData['items'][number];

const statusColors: Readonly<Record<string, string>> = {
  active: 'success',
  dormant: 'default',
  frozen: 'warning',
  collections: 'error',
  closed: 'default',
};

export function AccountsTable({ data }: { readonly data: AccountsData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <Table<Account>
      data-testid="accounts-table"
      size="small"
      rowKey="accountId"
      pagination={false}
      dataSource={data.items}
      columns={[
        { key: 'id', title: t('customers.accounts.id'), dataIndex: 'accountId' },
        {
          key: 'product',
          title: t('customers.accounts.product'),
          render: (_, r) => (
            <span>
              {(locale === 'en-US' ? r.productNameEn : r.productNameZh) ?? r.productCode}{' '}
              {r.tier && <Tag color="gold">{t(`contract.tier.${r.tier}`, { defaultValue: r.tier })}</Tag>}
            </span>
          ),
        },
        {
          key: 'limit',
          title: t('customers.accounts.limit'),
          align: 'right',
          render: (_, r) => formatMoney(r.creditLimit, locale),
        },
        { key: 'opened', title: t('customers.accounts.opened'), dataIndex: 'openedAt' },
        {
          key: 'status',
          title: t('customers.accounts.status'),
          render: (_, r) => (
            <Tag color={statusColors[r.status] ?? 'default'}>
              {t(`contract.accountStatus.${r.status}`, { defaultValue: r.status })}
            </Tag>
          ),
        },
        {
          key: 'statementDay',
          title: t('customers.accounts.statementDay'),
          align: 'right',
          render: (_, r) => r.statementDay ?? '—',
        },
        {
          key: 'autopay',
          title: t('customers.accounts.autopay'),
          render: (_, r) =>
            r.autopay === null ? (
              '—'
            ) : (
              <Typography.Text type={r.autopay ? 'success' : 'secondary'}>
                {yesNo(r.autopay, t)}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}
