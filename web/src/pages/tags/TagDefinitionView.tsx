import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagDefinition } from '../../../../src/tags/schema';
import { tagDescription } from '../../components/tag-description';
import { formatSpan, formatWindow } from '../../components/tag-window';
import { tagValueWithCode } from '../../components/tag-value-label';
import { dimensionColors, kindColors } from './tag-labels';

function Code({ children }: { readonly children: string }) {
  return (
    <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {children}
    </Typography.Text>
  );
}

/** A tag's definition as people read it: what it reads, over which window, and how it folds. */
export function TagDefinitionView({ definition: d }: { readonly definition: TagDefinition }) {
  const { t, i18n } = useTranslation();
  const spec = d.spec;
  const items: Array<{ key: string; label: string; children: ReactNode; span?: number }> = [
    { key: 'code', label: t('tags.field.code'), children: <Code>{d.code}</Code> },
    { key: 'names', label: t('tags.field.names'), children: `${d.name_zh} / ${d.name_en}` },
    {
      key: 'dimension',
      label: t('tags.dimension'),
      children: <Tag color={dimensionColors[d.dimension]}>{t(`dimension.${d.dimension}`)}</Tag>,
    },
    {
      key: 'kind',
      label: t('tags.kind'),
      children: (
        <Space size={4}>
          <Tag color={kindColors[spec.kind]}>{t(`tagKind.${spec.kind}`)}</Tag>
          {t(`tagType.${d.type}`)}
          {d.unit && <Typography.Text type="secondary">({d.unit})</Typography.Text>}
        </Space>
      ),
    },
  ];
  // Expressions, filters and edges are code: shown as written, across both columns.
  const codeItem = (key: 'expression' | 'filter' | 'base' | 'buckets', code: string) => ({
    key,
    label: t(`tags.field.${key}`),
    children: <Code>{code}</Code>,
    span: 2,
  });
  const sourceItem = (source: string) => ({
    key: 'source',
    label: t('tags.field.source'),
    children: t(`tagSource.${source}`),
  });
  if (spec.kind === 'static') {
    items.push(
      sourceItem(spec.source),
      {
        key: 'aggregate',
        label: t('tags.field.aggregate'),
        children: spec.aggregate ? t(`tagAggregate.${spec.aggregate}`) : '—',
      },
      codeItem('expression', spec.expression),
    );
    if (spec.filter) items.push(codeItem('filter', spec.filter));
  } else if (spec.kind === 'dynamic') {
    items.push(
      sourceItem(spec.source),
      {
        key: 'aggregate',
        label: t('tags.field.aggregate'),
        // The field by its name (金额), its code beside it for whoever writes filters against it.
        children: spec.field ? (
          <Space size={4}>
            {`${t(`tagAggregate.${spec.aggregate}`)} · ${t(`sourceField.${spec.field}`, { defaultValue: spec.field })}`}
            <Typography.Text type="secondary">({spec.field})</Typography.Text>
          </Space>
        ) : (
          t(`tagAggregate.${spec.aggregate}`)
        ),
      },
      {
        key: 'window',
        label: t('tags.field.window'),
        children: spec.window ? formatWindow(spec.window, t) : '—',
      },
    );
    if (spec.lag) items.push({ key: 'lag', label: t('tags.field.lag'), children: formatSpan(spec.lag, t) });
    if (spec.filter) items.push(codeItem('filter', spec.filter));
    if (spec.base) items.push(codeItem('base', spec.base));
  } else {
    items.push(codeItem('expression', spec.expression));
    if (spec.quantiles) {
      items.push({
        key: 'quantiles',
        label: t('tags.field.quantiles'),
        children: `${spec.quantiles}${spec.descending ? ` · ${t('tags.field.descending')}` : ''}`,
      });
    }
  }
  if (d.values)
    items.push({
      key: 'values',
      label: t('tags.field.values'),
      children: d.values.map((v) => <Tag key={v}>{tagValueWithCode(v, t)}</Tag>),
      span: 2,
    });
  if (d.buckets) items.push(codeItem('buckets', d.buckets.edges.join(' | ')));
  items.push({ key: 'refresh', label: t('tags.field.refresh'), children: t(`tagRefresh.${d.refresh}`) });
  items.push({ key: 'owner', label: t('tags.field.owner'), children: `${d.owner} · v${d.version}` });
  items.push({
    key: 'description',
    label: t('tags.description'),
    children: tagDescription(d, i18n.language),
    span: 2,
  });
  // Labels stay on one line: a long name or code beside them would otherwise squeeze them to two.
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={items}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="tag-definition"
    />
  );
}
