import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerView } from '../../../../src/profiles/schema';
import { SectionView } from './SectionView';

/** The segments the customer is in now, each with the day they entered when the segment's snapshots dated it. */
export function CustomerSegmentsPanel({ section }: { readonly section: CustomerView['segments'] }) {
  const { t, i18n } = useTranslation();
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
                    s.since ? (
                      <Typography.Text type="secondary" data-testid={`customer-segment-since-${s.segmentId}`}>
                        {t('customers.segments.since', { date: s.since })}
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
