import { Progress, Space, Spin, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../app/format';
import type { SegmentSize } from './useSegmentSizes';

/** A segment's size with its share of customers as a bar; a snapshot size says when it was taken. */
export function SegmentSizeCell({
  size,
  testId,
}: {
  readonly size: SegmentSize | null | undefined;
  readonly testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (size === undefined) return <Spin size="small" />;
  if (size === null) return <Typography.Text type="secondary">{t('segments.noSnapshot')}</Typography.Text>;
  return (
    <Space size={8} data-testid={testId} data-value={size.count} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text strong>{formatCount(size.count, locale)}</Typography.Text>
      {size.share !== null ? (
        <>
          <Progress
            percent={size.share * 100}
            showInfo={false}
            size={[64, 6]}
            style={{ margin: 0, lineHeight: 1 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatPercent(size.share, locale)}
          </Typography.Text>
        </>
      ) : (
        <Tooltip title={t('segments.snapshotSize', { date: size.at ?? '—' })}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('segments.snapshotShort')}
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}
