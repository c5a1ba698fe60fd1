import { ArrowDownOutlined, ArrowUpOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardKpis } from '../../../../src/data/schema';
import type { ApiError } from '../../api/client';
import { formatCount, formatMoney, formatPercent } from '../../app/format';

interface KpiProps {
  readonly testId: string;
  readonly title: ReactNode;
  /** The raw figure, exposed as data-value so a test can compare it with its own SQL. */
  readonly value: number;
  readonly text: string;
  readonly footer: ReactNode;
  readonly loading: boolean;
}

function Kpi({ testId, title, value, text, footer, loading }: KpiProps) {
  return (
    <Card loading={loading} style={{ height: '100%' }}>
      <Statistic
        title={title}
        valueRender={() => (
          <span data-testid={testId} data-value={value}>
            {text}
          </span>
        )}
      />
      <div style={{ marginTop: 8, minHeight: 22 }}>{footer}</div>
    </Card>
  );
}

function Change({ current, previous, locale }: { current: number; previous: number; locale: string }) {
  const { t } = useTranslation();
  if (previous === 0)
    return <Typography.Text type="secondary">{t('dashboard.kpi.vsPrev')} —</Typography.Text>;
  const change = (current - previous) / Math.abs(previous);
  const up = change >= 0;
  return (
    <Typography.Text type="secondary" data-testid="kpi-spend-change" data-value={change}>
      {t('dashboard.kpi.vsPrev')}{' '}
      <span style={{ color: up ? '#cf1322' : '#3f8600' /* Chinese convention: red rises, green falls */ }}>
        {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatPercent(Math.abs(change), locale)}
      </span>
    </Typography.Text>
  );
}

interface KpiCardsProps {
  readonly data: DashboardKpis | undefined;
  readonly error: ApiError | null;
}

export function KpiCards({ data, error }: KpiCardsProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const k = data ?? {
    customers: 0,
    openCards: 0,
    activeCards: 0,
    activeRate: 0,
    spend30d: 0,
    spendPrev30d: 0,
    txnCount30d: 0,
  };
  const loading = data === undefined;
  const secondary = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <Kpi
          testId="kpi-customers"
          loading={loading}
          title={t('dashboard.kpi.customers')}
          value={k.customers}
          text={formatCount(k.customers, locale)}
          footer={secondary(t('dashboard.kpi.openCards', { formatted: formatCount(k.openCards, locale) }))}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Kpi
          testId="kpi-active-cards"
          loading={loading}
          title={t('dashboard.kpi.activeCards')}
          value={k.activeCards}
          text={formatCount(k.activeCards, locale)}
          footer={secondary(
            t('dashboard.kpi.txnCount30d', { formatted: formatCount(k.txnCount30d, locale) }),
          )}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Kpi
          testId="kpi-active-rate"
          loading={loading}
          title={
            <span>
              {t('dashboard.kpi.activeRate')}{' '}
              <Tooltip title={t('dashboard.kpi.activeRateHint')}>
                <QuestionCircleOutlined />
              </Tooltip>
            </span>
          }
          value={k.activeRate}
          text={formatPercent(k.activeRate, locale)}
          footer={secondary(t('dashboard.kpi.activeRateFooter'))}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Kpi
          testId="kpi-spend-30d"
          loading={loading}
          title={t('dashboard.kpi.spend30d')}
          value={k.spend30d}
          text={formatMoney(k.spend30d, locale)}
          footer={<Change current={k.spend30d} previous={k.spendPrev30d} locale={locale} />}
        />
      </Col>
    </Row>
  );
}
