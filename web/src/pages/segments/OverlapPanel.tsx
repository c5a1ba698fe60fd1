import { Alert, Card, Empty, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { overlapEndpoint, type Segment } from '../../../../src/segments/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { OverlapHeatmap } from './OverlapHeatmap';

interface OverlapPanelProps {
  readonly segments: readonly Segment[];
  readonly selected: readonly string[];
  readonly onSelect: (ids: string[]) => void;
}

/** Pick 2 to 10 segments (rule or built-in) and see how much they share. */
export function OverlapPanel({ segments, selected, onSelect }: OverlapPanelProps) {
  const { t, i18n } = useTranslation();
  const ids = [...selected];
  const overlap = useEndpoint(
    overlapEndpoint,
    { body: { ids } },
    { enabled: ids.length >= 2, staleTime: 60_000, placeholderData: (previous) => previous },
  );
  const label = (s: Segment) => (i18n.language === 'en-US' ? s.nameEn : s.nameZh);
  return (
    <Card
      title={
        <Space>
          {t('segments.overlap.title')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('segments.overlap.subtitle')}
          </Typography.Text>
        </Space>
      }
      extra={overlap.isFetching && <Spin size="small" />}
      data-testid="overlap-card"
    >
      <div data-testid="overlap-select" style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          maxCount={10}
          allowClear
          style={{ width: '100%' }}
          placeholder={t('segments.overlap.pick')}
          value={ids}
          onChange={(next: string[]) => onSelect(next)}
          showSearch={{ optionFilterProp: 'label' }}
          options={segments.map((s) => ({ value: s.id, label: label(s) }))}
        />
      </div>
      {overlap.isError && <Alert type="error" showIcon title={overlap.error.message} />}
      {ids.length < 2 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('segments.overlap.needTwo')} />
      ) : (
        overlap.data && <OverlapHeatmap data={overlap.data} />
      )}
    </Card>
  );
}
