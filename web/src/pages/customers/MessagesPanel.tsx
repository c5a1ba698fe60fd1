import { Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerMessagesEndpoint } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { SectionView } from './SectionView';
import type { MessagesData } from './view-types';

type Message = MessagesData['items'][number];

/** Messages sent to the customer and what they did with them (control-group records marked as such). */
export function MessagesPanel({ customerId }: { readonly customerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const messages = useEndpoint(customerMessagesEndpoint, { params: { id: customerId } });
  const when = (v: string | null) => (v ? formatDateTime(v, locale) : '—');
  return (
    <QueryCard title={t('customers.messages.title')} query={messages} testId="messages">
      {(section) => (
        <SectionView section={section}>
          {(data) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space size={32} wrap>
                {(['sent', 'delivered', 'opened', 'clicked', 'converted', 'control'] as const).map((k) => (
                  <Statistic key={k} title={t(`customers.messages.${k}`)} value={data.summary[k]} />
                ))}
              </Space>
              <Table<Message>
                size="small"
                rowKey="messageId"
                dataSource={data.items}
                locale={{ emptyText: t('customers.messages.none') }}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  {
                    key: 'queued',
                    title: t('customers.messages.queuedAt'),
                    render: (_, r) => when(r.queuedAt),
                  },
                  {
                    key: 'channel',
                    title: t('customers.timeline.channel'),
                    render: (_, r) => t(`contract.contactChannel.${r.channel}`, { defaultValue: r.channel }),
                  },
                  {
                    key: 'campaign',
                    title: t('customers.messages.campaign'),
                    render: (_, r) => r.campaignId ?? r.journeyId ?? '—',
                  },
                  { key: 'offer', title: t('customers.messages.offer'), render: (_, r) => r.offerId ?? '—' },
                  {
                    key: 'status',
                    title: t('customers.messages.status'),
                    render: (_, r) =>
                      r.isControl ? (
                        <Tag>{t('customers.messages.control')}</Tag>
                      ) : (
                        <Tag color="blue">
                          {t(`contract.messageStatus.${r.status}`, { defaultValue: r.status })}
                        </Tag>
                      ),
                  },
                  {
                    key: 'converted',
                    title: t('customers.messages.convertedAt'),
                    render: (_, r) => when(r.convertedAt),
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
