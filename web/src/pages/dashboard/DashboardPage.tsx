import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Col, Flex, Row, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  accountFlowEndpoint,
  categoryWindows,
  dashboardKpisEndpoint,
  dashboardMonths,
  freshnessEndpoint,
  spendByCategoryEndpoint,
  spendTrendEndpoint,
  type CategoryWindow,
} from '../../../../src/data/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { QueryCard } from '../../components/QueryCard';
import { AccountFlowChart } from './AccountFlowChart';
import { CategoryChart } from './CategoryChart';
import { FreshnessTable } from './FreshnessTable';
import { KpiCards } from './KpiCards';
import { SpendTrendChart } from './SpendTrendChart';

export function DashboardPage() {
  const { t } = useTranslation();
  const [window, setWindow] = useState<CategoryWindow>('90d');
  const kpis = useEndpoint(dashboardKpisEndpoint, {});
  const trend = useEndpoint(spendTrendEndpoint, {});
  const categories = useEndpoint(
    spendByCategoryEndpoint,
    { query: { window } },
    { placeholderData: (previous) => previous },
  );
  const flow = useEndpoint(accountFlowEndpoint, {});
  const freshness = useEndpoint(freshnessEndpoint, {});
  const asOf = kpis.data?.asOf;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        {asOf && (
          <Tag
            icon={<CalendarOutlined />}
            color="blue"
            data-testid="as-of"
            data-value={asOf}
            style={{ fontSize: 13, padding: '2px 10px' }}
          >
            {t('common.asOf', { date: asOf })}
          </Tag>
        )}
      </Flex>
      {asOf === null && <Alert type="info" showIcon title={t('common.noData')} />}
      <KpiCards data={kpis.data} error={kpis.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <QueryCard
            title={t('dashboard.trend.title')}
            extra={
              <Typography.Text type="secondary">
                {t('dashboard.trend.subtitle', { months: dashboardMonths })}
              </Typography.Text>
            }
            query={trend}
          >
            {(data) => <SpendTrendChart data={data} />}
          </QueryCard>
        </Col>
        <Col xs={24} xl={9}>
          <QueryCard
            title={t('dashboard.category.title')}
            extra={
              <Segmented<CategoryWindow>
                size="small"
                data-testid="category-window"
                value={window}
                onChange={setWindow}
                options={categoryWindows.map((w) => ({ value: w, label: t(`dashboard.window.${w}`) }))}
              />
            }
            query={categories}
          >
            {(data) => <CategoryChart data={data} />}
          </QueryCard>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <QueryCard
            title={t('dashboard.flow.title')}
            extra={<Typography.Text type="secondary">{t('dashboard.flow.subtitle')}</Typography.Text>}
            query={flow}
          >
            {(data) => <AccountFlowChart data={data} />}
          </QueryCard>
        </Col>
        <Col xs={24} xl={12}>
          <QueryCard title={t('dashboard.freshness.title')} query={freshness}>
            {(data) => <FreshnessTable data={data} />}
          </QueryCard>
        </Col>
      </Row>
    </Flex>
  );
}
