import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { previewTagEndpoint } from '../../../../src/tags/schema';
import { useEndpointMutation } from '../../api/useEndpoint';
import { formatCount, formatMoney, formatPercent } from '../../app/format';
import { formatNumber } from '../../components/format-number';
import { TagDistributionChart } from './TagDistributionChart';

interface TagPreviewPanelProps {
  readonly definition: Record<string, unknown>;
  readonly ready: boolean;
}

function shown(value: unknown, locale: string, money: boolean): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return money ? formatMoney(value, locale, 2) : formatNumber(value, locale);
  return String(value);
}

/** The draft's distribution over the current data, computed by the server without saving anything. */
export function TagPreviewPanel({ definition, ready }: TagPreviewPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const preview = useEndpointMutation(previewTagEndpoint);
  // A preview of an older draft would mislead: it is only shown while the draft is what was previewed.
  const current =
    preview.variables?.body !== undefined &&
    JSON.stringify(preview.variables.body) === JSON.stringify(definition);
  const data = current ? preview.data : undefined;
  const unit = typeof definition.unit === 'string' ? definition.unit : null;
  const money = unit === 'CNY';
  return (
    <Card
      size="small"
      title={t('tags.preview.title')}
      extra={
        <Button
          icon={<EyeOutlined />}
          disabled={!ready}
          loading={preview.isPending}
          onClick={() => preview.mutate({ body: definition })}
          data-testid="tag-preview"
        >
          {t('tags.preview.run')}
        </Button>
      }
      data-testid="tag-preview-card"
    >
      {preview.isError && current && (
        <Alert type="error" showIcon title={preview.error.message} data-testid="tag-preview-error" />
      )}
      {!data && !preview.isError && (
        <Typography.Text type="secondary">{t('tags.preview.hint')}</Typography.Text>
      )}
      {data && (
        <Flex vertical gap={12}>
          <Row gutter={8}>
            <Col span={8}>
              <Statistic title={t('tags.preview.customers')} value={formatCount(data.customers, locale)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('tags.coverage')} value={formatPercent(data.coverage, locale)} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('tags.mean')}
                value={data.mean === null ? '—' : shown(data.mean, locale, money)}
              />
            </Col>
          </Row>
          <TagDistributionChart
            testId="chart-tag-preview"
            distribution={data.distribution}
            height={220}
            unit={unit}
          />
          {/* A few customers' values, to check the definition reads what was meant. */}
          <Typography.Text type="secondary">{t('tags.preview.sample')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="customer_id"
            dataSource={data.sample.slice(0, 5)}
            columns={[
              { key: 'id', title: t('tags.preview.customer'), dataIndex: 'customer_id' },
              { key: 'value', title: t('tags.value'), render: (_, r) => shown(r.value, locale, money) },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
