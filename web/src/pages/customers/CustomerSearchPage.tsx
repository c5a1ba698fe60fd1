import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  customerSearchEndpoint,
  profileUnmaskRoles,
  type CustomerSearchHit,
} from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';

const pageSize = 20;

export function CustomerSearchPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  // The query lives in the address so the back button returns to the results; it is a masked phone or an id
  // for most roles (a full phone or a name stays in the box only: the server never echoes it).
  const [search, setSearch] = useSearchParams();
  const q = search.get('q') ?? '';
  const page = Number(search.get('page') ?? '1') || 1;
  const results = useEndpoint(
    customerSearchEndpoint,
    { query: { q, page, pageSize } },
    { enabled: q.trim() !== '', placeholderData: (previous) => previous },
  );
  const byName = profileUnmaskRoles.includes(user.role);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('customers.title')}
      </Typography.Title>
      <Card>
        <Input.Search
          size="large"
          allowClear
          enterButton={
            <span>
              <SearchOutlined /> {t('customers.search.button')}
            </span>
          }
          defaultValue={q}
          placeholder={byName ? t('customers.search.placeholderName') : t('customers.search.placeholder')}
          aria-label={t('customers.search.label')}
          onSearch={(value) => setSearch(value.trim() ? { q: value.trim() } : {})}
          data-testid="customer-search"
          style={{ maxWidth: 640 }}
        />
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {byName ? t('customers.search.hintName') : t('customers.search.hint')}
          </Typography.Text>
        </div>
      </Card>
      {results.isError && (
        <Alert type="error" showIcon title={results.error.message} data-testid="customer-search-error" />
      )}
      {q && results.data && (
        <Card
          // An unreadable query found nothing to count: "0 customers found" above the warning would mislead.
          title={
            results.data.matchedBy === 'invalid'
              ? t('customers.search.invalidTitle')
              : t('customers.search.results', { count: results.data.total })
          }
          extra={
            results.data.matchedBy !== 'invalid' && (
              <Tag color="blue">{t(`customers.search.matchedBy.${results.data.matchedBy}`)}</Tag>
            )
          }
        >
          {results.data.matchedBy === 'invalid' ? (
            <Alert type="warning" showIcon title={t('customers.search.invalid')} />
          ) : (
            <Table<CustomerSearchHit>
              data-testid="customer-results"
              size="middle"
              rowKey="customerId"
              loading={results.isFetching}
              dataSource={results.data.items}
              locale={{ emptyText: t('customers.search.none') }}
              pagination={{
                current: page,
                pageSize,
                total: results.data.total,
                hideOnSinglePage: true,
                // The page size is fixed (20): antd's size picker, shown past 50 results, would do nothing.
                showSizeChanger: false,
                onChange: (p) => setSearch({ q, page: String(p) }),
              }}
              onRow={(row) =>
                ({
                  onClick: () => void navigate(`/customers/${row.customerId}`),
                  style: { cursor: 'pointer' },
                  'data-customer-id': row.customerId,
                }) as object
              }
              columns={[
                {
                  key: 'id',
                  title: t('customers.id'),
                  render: (_, r) => <Typography.Link>{r.customerId}</Typography.Link>,
                },
                { key: 'name', title: t('customers.field.name'), render: (_, r) => r.name ?? '—' },
                { key: 'phone', title: t('customers.field.phone'), render: (_, r) => r.phone ?? '—' },
                {
                  key: 'gender',
                  title: t('customers.field.gender'),
                  render: (_, r) =>
                    r.gender ? t(`contract.gender.${r.gender}`, { defaultValue: r.gender }) : '—',
                },
                {
                  key: 'birthYear',
                  title: t('customers.field.birthYear'),
                  render: (_, r) => r.birthYear ?? '—',
                },
                { key: 'city', title: t('customers.field.city'), render: (_, r) => r.city ?? '—' },
                { key: 'since', title: t('customers.field.since'), render: (_, r) => r.customerSince },
              ]}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
