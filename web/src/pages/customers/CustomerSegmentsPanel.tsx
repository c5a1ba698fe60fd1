import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { customerSegmentsSinceEndpoint, type CustomerView } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { SectionView } from './SectionView';

/**
 * The segments the customer is in now (from the summary), each with the day they entered when the segment's
 * snapshots dated it. The days come from a second request, since finding them scans the segments' events;
 * the list shows at once and the days join it when they arrive (or not at all, if that request fails).
 */
export function CustomerSegmentsPanel({
  customerId,
  section,
}: {
  readonly customerId: string;
  readonly section: CustomerView['segments'];
}) {
  const { t, i18n } = useTranslation();
  const entered = useEndpoint(customerSegmentsSinceEndpoint, { params: { id: customerId } });
  const since = new Map((entered.data?.items ?? []).map((s) => [s.segmentId, s.since]));
  const english = i18n.language === 'en-US';
  // Each segment beside its segmentation, so that "活跃" (lifecycle) and "流失风险" (RFM) do not read as
  // contradicting each other.
  const familyName = (family: string | null) =>
    family ? t(`segments.family.${family}`) : t('segments.ruleKind');
  return (
    <Card title={t('customers.segments.title')} data-testid="customer-segments" style={{ height: '100%' }}>
      <SectionView section={section}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.segments.none')} />
          ) : (
            <List
              size="small"
              dataSource={data.items}
              renderItem={(s) => (
                <List.Item
                  extra={
                    since.has(s.segmentId) ? (
                      <Typography.Text type="secondary" data-testid={`customer-segment-since-${s.segmentId}`}>
                        {t('customers.segments.since', { date: since.get(s.segmentId) })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <Space size={8}>
                    <Typography.Text type="secondary" style={{ display: 'inline-block', minWidth: 72 }}>
                      {familyName(s.family)}
                    </Typography.Text>
                    <Link to={`/segments/${s.segmentId}`} data-testid={`customer-segment-${s.segmentId}`}>
                      <Tag color="blue">{english && s.nameEn ? s.nameEn : s.name}</Tag>
                    </Link>
                  </Space>
                </List.Item>
              )}
            />
          )
        }
      </SectionView>
    </Card>
  );
}
