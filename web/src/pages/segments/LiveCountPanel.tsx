import { ClockCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Progress, Space, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount, formatPercent } from '../../app/format';
import type { LiveCount } from './useLiveCount';

/** The live count: customers matching, their share of all customers, and how long the count took. */
interface LiveCountPanelProps {
  readonly live: LiveCount;
  readonly empty: boolean;
  /** The rule is refused as it stands: an earlier count would answer a question no longer asked. */
  readonly refused: boolean;
}

export function LiveCountPanel({ live, empty, refused }: LiveCountPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const result = live.result;
  return (
    <Card
      size="small"
      title={
        <Space>
          <TeamOutlined />
          {t('segments.count.title')}
          {live.pending && <Spin size="small" />}
        </Space>
      }
      data-testid="live-count-card"
    >
      {live.error && <Alert type="error" showIcon title={live.error.message} style={{ marginBottom: 8 }} />}
      {empty || refused || !result ? (
        <Typography.Text type="secondary" data-testid="live-count-idle">
          {empty ? t('segments.count.empty') : refused ? t('segments.count.refused') : t('segments.count.waiting')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={8} style={{ opacity: live.current ? 1 : 0.5 }}>
          <Statistic
            title={t('segments.count.customers')}
            valueRender={() => (
              <span
                data-testid="live-count"
                data-value={result.count}
                data-total={result.total}
                data-rule={live.rule}
                data-current={live.current}
              >
                {formatCount(result.count, locale)}
              </span>
            )}
            suffix={<span style={{ fontSize: 14 }}>{t('segments.count.unit')}</span>}
          />
          <Progress percent={result.share * 100} showInfo={false} strokeColor="#1677ff" size={['100%', 8]} />
          <Typography.Text type="secondary" data-testid="live-count-share" data-value={result.share}>
            {t('segments.count.share', {
              share: formatPercent(result.share, locale),
              total: formatCount(result.total, locale),
            })}
          </Typography.Text>
          <Space size={16}>
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="live-count-ms"
              data-value={result.elapsedMs}
            >
              <ClockCircleOutlined /> {t('segments.count.elapsed', { ms: result.elapsedMs.toFixed(1) })}
            </Typography.Text>
            {result.asOf && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('common.asOf', { date: result.asOf })}
              </Typography.Text>
            )}
          </Space>
        </Flex>
      )}
    </Card>
  );
}
