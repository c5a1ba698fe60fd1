import { Progress, Space, Spin, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SegmentSize } from '../../../../src/segments/schema';
import { formatCount, formatDateTime, formatPercent } from '../../app/format';

/**
 * A segment's size as the list API gives it: the count, its share of customers as a bar, and the profile day
 * it describes; the tooltip says whether it is the latest snapshot's (and when that was taken) or counted live.
 */
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
  if (size === null)
    return <Typography.Text type="secondary">{t('segments.sizeUnavailable')}</Typography.Text>;
  const origin =
    size.source === 'snapshot' && size.takenAt
      ? t('segments.sizeFromSnapshot', { at: formatDateTime(size.takenAt, locale) })
      : t('segments.sizeLive');
  return (
    <Tooltip title={origin}>
      <Space
        size={8}
        data-testid={testId}
        data-value={size.count}
        data-source={size.source}
        data-as-of={size.asOf ?? ''}
        style={{ whiteSpace: 'nowrap' }}
      >
        <Typography.Text strong>{formatCount(size.count, locale)}</Typography.Text>
        {size.share !== null && (
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
        )}
        {size.asOf && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('segments.sizeAsOf', { date: size.asOf })}
          </Typography.Text>
        )}
      </Space>
    </Tooltip>
  );
}
