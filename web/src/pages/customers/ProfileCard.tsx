import { EyeInvisibleOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../src/profiles/schema';
import { UnmaskButton } from './UnmaskButton';

interface ProfileCardProps {
  readonly profile: CustomerProfile;
  readonly onUnmask: (reason: string) => void;
  readonly onMask: () => void;
}

/** Who the customer is, masked unless an agent or admin unmasked the view (audited by the server). */
export function ProfileCard({ profile: p, onUnmask, onMask }: ProfileCardProps) {
  const { t } = useTranslation();
  const label = (vocab: string, value: string | null) =>
    value === null ? '—' : t(`contract.${vocab}.${value}`, { defaultValue: value });
  return (
    <Card
      data-testid="profile-card"
      data-masked={p.masked}
      title={
        <Space>
          <Avatar icon={<UserOutlined />} style={{ background: '#1677ff' }} />
          <span>
            <Typography.Text strong data-testid="profile-name">
              {p.name ?? '—'}
            </Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.customerId}
            </Typography.Text>
          </span>
        </Space>
      }
      extra={p.masked ? <UnmaskButton onUnmask={onUnmask} /> : null}
      style={{ height: '100%' }}
    >
      {!p.masked && (
        <Alert
          type="warning"
          showIcon
          icon={<SafetyCertificateOutlined />}
          style={{ marginBottom: 12 }}
          title={<span data-testid="unmasked-tag">{t('customers.unmask.audited')}</span>}
          action={
            <Button size="small" icon={<EyeInvisibleOutlined />} onClick={onMask}>
              {t('customers.unmask.hide')}
            </Button>
          }
        />
      )}
      <Descriptions
        size="small"
        column={2}
        items={[
          {
            key: 'phone',
            label: t('customers.field.phone'),
            children: <span data-testid="profile-phone">{p.phone ?? '—'}</span>,
            span: 2,
          },
          { key: 'email', label: t('customers.field.email'), children: p.email ?? '—', span: 2 },
          { key: 'gender', label: t('customers.field.gender'), children: label('gender', p.gender) },
          {
            key: 'age',
            label: t('customers.field.age'),
            children: p.age === null ? '—' : t('customers.years', { count: p.age }),
          },
          {
            key: 'city',
            label: t('customers.field.city'),
            children: p.city
              ? `${p.city}${p.cityTier ? ` · ${t('customers.cityTier', { tier: p.cityTier })}` : ''}`
              : '—',
          },
          { key: 'occupation', label: t('customers.field.occupation'), children: p.occupation ?? '—' },
          { key: 'income', label: t('customers.field.income'), children: p.incomeBand ?? '—' },
          {
            key: 'education',
            label: t('customers.field.education'),
            children: label('education', p.education),
          },
          {
            key: 'marital',
            label: t('customers.field.marital'),
            children: label('marital', p.maritalStatus),
          },
          {
            key: 'acquisition',
            label: t('customers.field.acquisition'),
            children: label('acquisition', p.acquisitionChannel),
          },
          {
            key: 'since',
            label: t('customers.field.since'),
            span: 2,
            children: `${p.customerSince}${p.tenureMonths === null ? '' : ` · ${t('customers.tenure', { count: p.tenureMonths })}`}`,
          },
        ]}
      />
    </Card>
  );
}
