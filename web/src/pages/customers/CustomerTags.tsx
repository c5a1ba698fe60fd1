import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerTagsEndpoint, type CustomerTag } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';
import { Sparkline } from '../../components/Sparkline';
import { SectionView } from './SectionView';
import { TagExplainPopover } from './TagExplainPopover';
import { formatTagValue, sparkPoint } from './tag-value';

/**
 * An on-demand tag's value is as of its last computation, which may differ from the profile's date shown
 * above the groups: said beside its name.
 */
function OnDemandAsOf({ asOf }: { readonly asOf: string | null }) {
  const { t } = useTranslation();
  return (
    <Typography.Text
      type="secondary"
      style={{ fontSize: 12, marginInlineStart: 6 }}
      data-testid="tag-computed-as-of"
    >
      {asOf ? t('customers.tags.onDemandAsOf', { date: asOf }) : t('customers.tags.onDemandNever')}
    </Typography.Text>
  );
}

/** Every tag of the customer by dimension, with its history across snapshots and how it was computed. */
export function CustomerTags({ customerId }: { readonly customerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const tags = useEndpoint(customerTagsEndpoint, { params: { id: customerId } });
  const name = (tag: CustomerTag) => (locale === 'en-US' ? tag.nameEn : tag.nameZh);
  return (
    <QueryCard title={t('customers.tags.title')} query={tags} testId="customer-tags">
      {(section) => (
        <SectionView section={section}>
          {(data) => (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('customers.tags.meta', {
                  date: data.asOf,
                  at: formatDateTime(data.refreshedAt, locale),
                  snapshots: data.snapshots,
                })}
              </Typography.Text>
              <Row gutter={[12, 12]}>
                {data.groups.map((group) => (
                  <Col key={group.dimension} xs={24} xl={12}>
                    <Card
                      size="small"
                      title={
                        <Tag color="blue">
                          {t(`dimension.${group.dimension}`, { defaultValue: group.dimension })}
                        </Tag>
                      }
                      data-testid={`tag-group-${group.dimension}`}
                    >
                      <Table<CustomerTag>
                        size="small"
                        showHeader={false}
                        pagination={false}
                        rowKey="code"
                        dataSource={group.tags}
                        onRow={(row) =>
                          ({
                            'data-code': row.code,
                            'data-value': row.value === null ? '' : String(row.value),
                          }) as object
                        }
                        columns={[
                          {
                            key: 'name',
                            render: (_, r) => (
                              <>
                                <Typography.Text title={r.code} style={{ fontSize: 13 }}>
                                  {name(r)}
                                </Typography.Text>
                                {r.computedAsOf !== undefined && <OnDemandAsOf asOf={r.computedAsOf} />}
                              </>
                            ),
                          },
                          {
                            key: 'value',
                            align: 'right',
                            render: (_, r) => (
                              <Typography.Text strong>
                                {formatTagValue(r, r.value, t, locale)}
                              </Typography.Text>
                            ),
                          },
                          {
                            key: 'spark',
                            width: 84,
                            render: (_, r) => (
                              <Sparkline values={r.history.map((h) => sparkPoint(h.value))} />
                            ),
                          },
                          {
                            key: 'explain',
                            width: 36,
                            render: (_, r) => <TagExplainPopover customerId={customerId} tag={r} />,
                          },
                        ]}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            </Space>
          )}
        </SectionView>
      )}
    </QueryCard>
  );
}
