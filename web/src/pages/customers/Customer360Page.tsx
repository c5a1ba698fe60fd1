import { ArrowLeftOutlined, CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { customerViewEndpoint, type CustomerView } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { AccountsTable } from './AccountsTable';
import { BureauPanel } from './BureauPanel';
import { ConsentsPanel } from './ConsentsPanel';
import { CustomerSegmentsPanel } from './CustomerSegmentsPanel';
import { CustomerTags } from './CustomerTags';
import { InteractionsPanel } from './InteractionsPanel';
import { MessagesPanel } from './MessagesPanel';
import { ModelScoresPanel } from './ModelScoresPanel';
import { ProfileCard } from './ProfileCard';
import { SectionView } from './SectionView';
import { SpendingOverview } from './SpendingOverview';
import { StatementsTable } from './StatementsTable';
import { TransactionTimeline } from './TransactionTimeline';

export function Customer360Page() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  // The reason is kept only while the page is open: leaving it masks the customer again.
  const [unmaskReason, setUnmaskReason] = useState<string | null>(null);
  const view = useEndpoint(
    customerViewEndpoint,
    { params: { id }, query: unmaskReason ? { unmask: 'true', reason: unmaskReason } : {} },
    { placeholderData: (previous) => previous },
  );
  const header = (
    <Space>
      <Button
        type="text"
        icon={<ArrowLeftOutlined />}
        onClick={() => void navigate(-1)}
        aria-label={t('common.back')}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('customers.viewTitle', { id })}
      </Typography.Title>
      {view.data?.asOf && (
        <Tag
          icon={<CalendarOutlined />}
          color="blue"
          data-testid="customer-as-of"
          data-value={view.data.asOf}
        >
          {t('common.asOf', { date: view.data.asOf })}
        </Tag>
      )}
    </Space>
  );
  if (view.isError && !view.data) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Alert type="error" showIcon title={view.error.message} data-testid="customer-error" />
      </Flex>
    );
  }
  if (!view.data) return <Skeleton active />;
  return (
    <Flex vertical gap={16}>
      {header}
      {view.isError && (
        <Alert type="error" showIcon closable title={view.error.message} data-testid="unmask-error" />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <ProfileCard
            profile={view.data.profile}
            onUnmask={setUnmaskReason}
            onMask={() => setUnmaskReason(null)}
          />
        </Col>
        <Col xs={24} xl={16}>
          <SpendingOverview view={view.data} />
        </Col>
      </Row>
      <CustomerTabs view={view.data} unmaskReason={unmaskReason} />
    </Flex>
  );
}

function CustomerTabs({
  view,
  unmaskReason,
}: {
  readonly view: CustomerView;
  readonly unmaskReason: string | null;
}) {
  const { t } = useTranslation();
  const id = view.customerId;
  const categories = view.spending.available ? view.spending.categories.map((c) => c.category) : [];
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        data-testid="customer-tabs"
        items={[
          {
            key: 'accounts',
            label: t('customers.tabs.accounts'),
            children: (
              <Flex vertical gap={16}>
                <SectionView section={view.accounts}>{(data) => <AccountsTable data={data} />}</SectionView>
                <SectionView section={view.statements}>
                  {(data) => <StatementsTable data={data} />}
                </SectionView>
              </Flex>
            ),
          },
          {
            key: 'timeline',
            label: t('customers.tabs.timeline'),
            children: <TransactionTimeline customerId={id} categories={categories} />,
          },
          { key: 'tags', label: t('customers.tabs.tags'), children: <CustomerTags customerId={id} /> },
          {
            key: 'contacts',
            label: t('customers.tabs.contacts'),
            children: (
              <Flex vertical gap={16}>
                <InteractionsPanel customerId={id} unmaskReason={unmaskReason} />
                <MessagesPanel customerId={id} />
              </Flex>
            ),
          },
          {
            key: 'consents',
            label: t('customers.tabs.consents'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <ConsentsPanel customerId={id} />
                </Col>
                <Col xs={24} xl={12}>
                  <BureauPanel customerId={id} />
                </Col>
              </Row>
            ),
          },
          {
            key: 'segments',
            label: view.models.available ? t('customers.tabs.segmentsModels') : t('customers.tabs.segments'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={view.models.available ? 12 : 24}>
                  <CustomerSegmentsPanel section={view.segments} />
                </Col>
                {view.models.available && (
                  <Col xs={24} xl={12}>
                    <ModelScoresPanel data={view.models} />
                  </Col>
                )}
              </Row>
            ),
          },
        ]}
      />
    </Card>
  );
}
