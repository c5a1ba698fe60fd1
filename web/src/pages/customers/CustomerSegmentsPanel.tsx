import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerView } from '../../../../src/profiles/schema';
import { SectionView } from './SectionView';

/** The segments the customer is in now, with the day they entered when known. */
export function CustomerSegmentsPanel({ section }: { readonly section: CustomerView['segments'] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
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
                      <Typography.Text type="secondary">
                        {t('customers.segments.since', { date: s.since })}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <Link to={`/segments/${s.segmentId}`} data-testid={`customer-segment-${s.segmentId}`}>
                    <Tag color="blue">{english && s.nameEn ? s.nameEn : s.name}</Tag>
                  </Link>
                </List.Item>
              )}
            />
          )
        }
      </SectionView>
    </Card>
  );
}
