import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../src/profiles/schema';
import { formatCount, formatDateTime, formatMoney } from '../../app/format';
import { CustomerCategoryChart } from './CustomerCategoryChart';
import { CustomerMonthlyChart } from './CustomerMonthlyChart';
import { SectionView } from './SectionView';

/** The customer's year in numbers: cards, limit, 365-day spend and purchases, and where the money went. */
export function SpendingOverview({ view }: { readonly view: CustomerView }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const accounts = view.accounts.available ? view.accounts : null;
  const spending = view.spending.available ? view.spending : null;
  const kpi = (testId: string, title: string, value: number | null, text: string) => (
    <Col xs={12} xl={6}>
      <Statistic
        title={title}
        valueRender={() => (
          <span data-testid={testId} data-value={value ?? ''}>
            {text}
          </span>
        )}
      />
    </Col>
  );
  return (
    <Card title={t('customers.spending.title')} style={{ height: '100%' }} data-testid="spending-overview">
      <Row gutter={[16, 16]}>
        {kpi(
          'kpi-open-cards',
          t('customers.spending.openCards'),
          accounts?.openCount ?? null,
          accounts ? formatCount(accounts.openCount, locale) : '—',
        )}
        {kpi(
          'kpi-credit-limit',
          t('customers.spending.creditLimit'),
          accounts?.totalCreditLimit ?? null,
          accounts ? formatMoney(accounts.totalCreditLimit, locale) : '—',
        )}
        {kpi(
          'kpi-spend-365d',
          t('customers.spending.spend365d'),
          spending?.total365d ?? null,
          spending ? formatMoney(spending.total365d, locale) : '—',
        )}
        {kpi(
          'kpi-txn-365d',
          t('customers.spending.txn365d'),
          spending?.txnCount365d ?? null,
          spending ? formatCount(spending.txnCount365d, locale) : '—',
        )}
      </Row>
      <div style={{ marginTop: 16 }}>
        <SectionView section={view.spending}>
          {(data) => (
            <Row gutter={16}>
              <Col xs={24} xl={11}>
                <CustomerCategoryChart data={data} />
              </Col>
              <Col xs={24} xl={13}>
                <CustomerMonthlyChart data={data} />
              </Col>
            </Row>
          )}
        </SectionView>
        {spending?.lastTxnAt && (
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>
            {t('customers.spending.lastTxn', { at: formatDateTime(spending.lastTxnAt, locale) })}
          </div>
        )}
      </div>
    </Card>
  );
}
