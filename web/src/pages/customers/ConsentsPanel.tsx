import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerConsentsEndpoint } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { SectionView } from './SectionView';
import type { ConsentsData } from './view-types';

type Consent = ConsentsData['current'][number];

/** Current consent per channel and purpose (absent means never given), and the channels the customer prefers. */
export function ConsentsPanel({ customerId }: { readonly customerId: string }) {
  const { t, i18n } = useTranslation();
  const consents = useEndpoint(customerConsentsEndpoint, { params: { id: customerId } });
  const channel = (c: string) => t(`contract.contactChannel.${c}`, { defaultValue: c });
  return (
    <QueryCard title={t('customers.consents.title')} query={consents} testId="consents">
      {(section) => (
        <SectionView section={section}>
          {(data) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text type="secondary">{t('customers.consents.preferences')}</Typography.Text>
                {data.preferences.length === 0
                  ? '—'
                  : [...data.preferences]
                      .sort((a, b) => a.rank - b.rank)
                      .map((p) => (
                        <Tag key={p.channel} color={p.rank === 1 ? 'blue' : 'default'}>
                          {p.rank}. {channel(p.channel)}
                        </Tag>
                      ))}
              </Space>
              <Table<Consent>
                size="small"
                rowKey={(r) => `${r.channel}-${r.purpose}`}
                dataSource={data.current}
                pagination={false}
                columns={[
                  {
                    key: 'channel',
                    title: t('customers.timeline.channel'),
                    render: (_, r) => channel(r.channel),
                  },
                  {
                    key: 'purpose',
                    title: t('customers.consents.purpose'),
                    render: (_, r) => t(`contract.consentPurpose.${r.purpose}`, { defaultValue: r.purpose }),
                  },
                  {
                    key: 'status',
                    title: t('customers.consents.status'),
                    render: (_, r) => (
                      <Tag color={r.status === 'granted' ? 'success' : 'error'}>
                        {t(`contract.consentStatus.${r.status}`, { defaultValue: r.status })}
                      </Tag>
                    ),
                  },
                  {
                    key: 'updated',
                    title: t('customers.consents.updatedAt'),
                    render: (_, r) => formatDateTime(r.updatedAt, i18n.language),
                  },
                  {
                    key: 'source',
                    title: t('customers.consents.source'),
                    render: (_, r) =>
                      r.source ? t(`contract.consentSource.${r.source}`, { defaultValue: r.source }) : '—',
                  },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('customers.consents.ledger', { count: data.ledgerEntries })}
              </Typography.Text>
            </Space>
          )}
        </SectionView>
      )}
    </QueryCard>
  );
}
