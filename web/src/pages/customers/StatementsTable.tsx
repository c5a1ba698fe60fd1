import { Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RepaymentKind } from '../../../../src/profiles/schema';
import { formatMoney } from '../../app/format';
import type { StatementsData } from './view-types';

type Statement = StatementsData['items'][number];

const repaymentColors: Readonly<Record<RepaymentKind, string>> = {
  nothing_due: 'default',
  full: 'success',
  partial: 'processing',
  minimum: 'warning',
  below_minimum: 'orange',
  unpaid: 'error',
  unknown: 'default',
};

/** The last statements and how each was repaid: in full, partly, the minimum, or late. */
export function StatementsTable({ data }: { readonly data: StatementsData }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v, locale, 2));
  const s = data.summary;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space size={32} wrap>
        <Statistic title={t('customers.statements.count')} value={s.statements} />
        <Statistic title={t('customers.statements.paidInFull')} value={s.paidInFull} />
        <Statistic title={t('customers.statements.minimumOnly')} value={s.minimumOnly} />
        <Statistic title={t('customers.statements.overdue')} value={s.overdue} />
        <Statistic
          title={t('customers.statements.worstOverdue')}
          value={s.worstOverdueDays}
          suffix={t('customers.days')}
        />
      </Space>
      <Table<Statement>
        data-testid="statements-table"
        size="small"
        rowKey={(r) => `${r.accountId}-${r.period}`}
        dataSource={data.items}
        pagination={{ pageSize: 6, hideOnSinglePage: true }}
        columns={[
          { key: 'period', title: t('customers.statements.period'), dataIndex: 'period' },
          { key: 'account', title: t('customers.accounts.id'), dataIndex: 'accountId' },
          {
            key: 'balance',
            title: t('customers.statements.balance'),
            align: 'right',
            render: (_, r) => money(r.balance),
          },
          {
            key: 'minDue',
            title: t('customers.statements.minDue'),
            align: 'right',
            render: (_, r) => money(r.minDue),
          },
          { key: 'due', title: t('customers.statements.dueDate'), dataIndex: 'dueDate' },
          {
            key: 'paid',
            title: t('customers.statements.paid'),
            align: 'right',
            render: (_, r) => money(r.paidAmount),
          },
          { key: 'paidAt', title: t('customers.statements.paidAt'), render: (_, r) => r.paidAt ?? '—' },
          {
            key: 'repayment',
            title: t('customers.statements.repayment'),
            render: (_, r) => (
              <Tag color={repaymentColors[r.repayment]}>{t(`customers.repayment.${r.repayment}`)}</Tag>
            ),
          },
          {
            key: 'overdue',
            title: t('customers.statements.overdueDays'),
            align: 'right',
            render: (_, r) =>
              r.overdueDays > 0 ? (
                <Tag color="error">{t('customers.daysCount', { count: r.overdueDays })}</Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
