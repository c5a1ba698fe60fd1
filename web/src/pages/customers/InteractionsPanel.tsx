import { CheckCircleOutlined, ClockCircleOutlined, LockOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerInteractionsEndpoint } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { SectionView } from './SectionView';
import type { InteractionsData } from './view-types';

type Interaction = InteractionsData['items'][number];

/** Service contacts. What the customer said is shown only on an audited unmask (free text can hold anything). */
export function InteractionsPanel({
  customerId,
  unmaskReason,
}: {
  readonly customerId: string;
  readonly unmaskReason: string | null;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const query = unmaskReason ? { unmask: 'true' as const, reason: unmaskReason } : {};
  const interactions = useEndpoint(customerInteractionsEndpoint, { params: { id: customerId }, query });
  const category = (c: string) => t(`contract.interactionCategory.${c}`, { defaultValue: c });
  return (
    <QueryCard title={t('customers.interactions.title')} query={interactions} testId="interactions">
      {(section) => (
        <SectionView section={section}>
          {(data) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text type="secondary">{t('customers.interactions.last90d')}</Typography.Text>
                {data.last90d.length === 0 ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  data.last90d.map((c) => (
                    <Tag
                      key={c.category}
                      color={
                        c.category === 'complaint' || c.category === 'cancellation_request'
                          ? 'red'
                          : 'default'
                      }
                    >
                      {category(c.category)} × {c.count}
                    </Tag>
                  ))
                )}
              </Space>
              <Table<Interaction>
                size="small"
                rowKey="interactionId"
                dataSource={data.items}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  {
                    key: 'ts',
                    title: t('customers.timeline.time'),
                    width: 150,
                    render: (_, r) => formatDateTime(r.ts, locale),
                  },
                  {
                    key: 'channel',
                    title: t('customers.timeline.channel'),
                    render: (_, r) =>
                      r.channel
                        ? t(`contract.interactionChannel.${r.channel}`, { defaultValue: r.channel })
                        : '—',
                  },
                  {
                    key: 'category',
                    title: t('customers.interactions.category'),
                    render: (_, r) => <Tag>{category(r.category)}</Tag>,
                  },
                  {
                    key: 'sentiment',
                    title: (
                      <Tooltip title={t('customers.interactions.sentimentHint')}>
                        {t('customers.interactions.sentiment')}
                      </Tooltip>
                    ),
                    align: 'right',
                    render: (_, r) =>
                      r.sentiment === null ? (
                        '—'
                      ) : (
                        <span
                          style={{
                            color: r.sentiment < -0.2 ? '#cf1322' : r.sentiment > 0.2 ? '#3f8600' : undefined,
                          }}
                        >
                          {r.sentiment.toFixed(2)}
                        </span>
                      ),
                  },
                  {
                    key: 'resolved',
                    title: t('customers.interactions.resolved'),
                    render: (_, r) =>
                      r.resolved === null ? (
                        '—'
                      ) : r.resolved ? (
                        <Space size={4}>
                          <CheckCircleOutlined style={{ color: '#52c41a' }} />
                          {t('customers.interactions.isResolved')}
                        </Space>
                      ) : (
                        // Said in words, not only by an icon's colour.
                        <Space size={4}>
                          <ClockCircleOutlined style={{ color: '#faad14' }} />
                          {t('customers.interactions.open')}
                        </Space>
                      ),
                  },
                  {
                    key: 'text',
                    title: t('customers.interactions.text'),
                    render: (_, r) =>
                      r.textMasked ? (
                        <Typography.Text type="secondary">
                          <LockOutlined /> {t('customers.interactions.withheld')}
                        </Typography.Text>
                      ) : (
                        (r.text ?? '—')
                      ),
                  },
                ]}
              />
            </Space>
          )}
        </SectionView>
      )}
    </QueryCard>
  );
}
