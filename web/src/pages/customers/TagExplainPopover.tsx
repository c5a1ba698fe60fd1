import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Popover, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tagExplainEndpoint, type CustomerTag } from '../../../../src/profiles/schema';
import { listTagsEndpoint } from '../../../../src/tags/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { tagDescription } from '../../components/tag-description';
import { formatWindow } from '../../components/tag-window';
import { inputCell, inputColumns, inputHeading } from './explain-inputs';
import { formatTagValue } from './tag-value';

function text(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** How one value was computed: the definition, the window and the rows (or tags) it came from, loaded on demand. */
function Explanation({ customerId, tag }: { readonly customerId: string; readonly tag: CustomerTag }) {
  const { t, i18n } = useTranslation();
  const explain = useEndpoint(
    tagExplainEndpoint,
    { params: { id: customerId, code: tag.code } },
    { staleTime: 300_000 },
  );
  // A computed tag's inputs are other tags: their columns are headed with the tags' names.
  const tags = useEndpoint(listTagsEndpoint, {}, { staleTime: 300_000 });
  if (explain.isPending) return <Spin />;
  if (explain.isError) return <Alert type="error" showIcon title={explain.error.message} />;
  const e = explain.data;
  const spec = (e.definition.spec ?? {}) as Record<string, unknown>;
  const locale = i18n.language;
  const columns = inputColumns(e.inputs, typeof spec.field === 'string' ? spec.field : 'amount');
  const tagNames = new Map(
    (tags.data?.tags ?? []).map((tag) => [tag.code, locale === 'en-US' ? tag.name_en : tag.name_zh]),
  );
  const description = tagDescription(e.definition, locale);
  // The definition in words: 交易流水 · 求和 · 金额 · 近 90 天, not the codes it is stored as.
  const specText: Record<'source' | 'aggregate' | 'field' | 'window', (v: string) => string> = {
    source: (v) => t(`tagSource.${v}`, { defaultValue: v }),
    aggregate: (v) => t(`tagAggregate.${v}`, { defaultValue: v }),
    field: (v) => inputHeading(v, t, tagNames),
    window: (v) => formatWindow(v, t),
  };
  return (
    <div
      style={{ width: 560, maxHeight: 'min(600px, 70vh)', overflow: 'auto' }}
      data-testid={`explain-${tag.code}`}
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'value',
            label: t('customers.explain.value'),
            children: <Typography.Text strong>{formatTagValue(tag, e.value, t, locale)}</Typography.Text>,
          },
          ...(description
            ? [
                {
                  key: 'description',
                  label: t('tags.description'),
                  children: <span data-testid="explain-description">{description}</span>,
                },
              ]
            : []),
          {
            key: 'kind',
            label: t('tags.kind'),
            children: t(`tagKind.${text(spec.kind)}`, { defaultValue: text(spec.kind) }),
          },
          ...(['source', 'aggregate', 'field', 'window'] as const)
            .filter((k) => spec[k] !== undefined)
            .map((k) => ({
              key: k,
              label: t(`tags.field.${k}`),
              children: specText[k](text(spec[k])),
            })),
          ...(['expression', 'filter'] as const)
            .filter((k) => spec[k] !== undefined)
            .map((k) => ({
              key: k,
              label: t(`tags.field.${k}`),
              children: (
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>
                  {text(spec[k])}
                </Typography.Text>
              ),
            })),
          ...(e.window
            ? [
                {
                  key: 'range',
                  label: t('customers.explain.window'),
                  children: t('customers.explain.windowRange', {
                    from: e.window.from ?? '…',
                    until: e.window.until,
                  }),
                },
              ]
            : []),
          { key: 'asOf', label: t('customers.explain.asOf'), children: e.asOf },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>
        {e.inputsTruncated
          ? t('customers.explain.inputsTruncated', { count: e.inputs.length })
          : t('customers.explain.inputs', { count: e.inputs.length })}
      </Typography.Paragraph>
      {e.inputs.length > 0 && (
        <Table
          size="small"
          pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
          rowKey={(_, i) => String(i)}
          dataSource={e.inputs}
          scroll={{ x: 'max-content' }}
          columns={columns.map((c) => ({
            key: c,
            title: inputHeading(c, t, tagNames),
            align: typeof e.inputs[0]?.[c] === 'number' ? ('right' as const) : undefined,
            render: (_: unknown, row: Record<string, unknown>) => inputCell(c, row[c], t, locale),
          }))}
        />
      )}
    </div>
  );
}

export function TagExplainPopover({
  customerId,
  tag,
}: {
  readonly customerId: string;
  readonly tag: CustomerTag;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = i18n.language === 'en-US' ? tag.nameEn : tag.nameZh;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="left"
      title={t('customers.explain.title', { name, code: tag.code })}
      content={open ? <Explanation customerId={customerId} tag={tag} /> : null}
      destroyOnHidden
    >
      <Button
        type="text"
        size="small"
        icon={<QuestionCircleOutlined />}
        aria-label={t('customers.explain.button')}
        data-testid={`explain-button-${tag.code}`}
      />
    </Popover>
  );
}
