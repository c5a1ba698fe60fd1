import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { tagSummarySchema } from '../../../../src/tags/schema';
import { ShareBar } from '../../components/ShareBar';
import { dimensionColors, kindColors, tagName } from './tag-labels';

export type TagSummary = z.infer<typeof tagSummarySchema>;

/** Marks a tag the refresh does not compute: its values are as of its own last computation. */
function OnDemandBadge() {
  const { t } = useTranslation();
  return (
    <Tag color="geekblue" style={{ marginInlineStart: 8 }} data-testid="tag-on-demand">
      {t('tags.onDemand.badge')}
    </Tag>
  );
}

interface TagCatalogueTableProps {
  readonly rows: readonly TagSummary[];
  /** The snapshot the coverage comes from; a tag created since has none yet, and its cell says why. */
  readonly asOf: string | null;
  readonly onOpen: (code: string) => void;
}

export function TagCatalogueTable({ rows, asOf, onOpen }: TagCatalogueTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table<TagSummary>
      data-testid="tag-table"
      size="middle"
      rowKey="code"
      dataSource={[...rows]}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => (
          <span data-testid="tag-count" data-value={total}>
            {t('tags.total', { count: total })}
          </span>
        ),
      }}
      onRow={(row) =>
        ({ onClick: () => onOpen(row.code), style: { cursor: 'pointer' }, 'data-code': row.code }) as object
      }
      columns={[
        {
          key: 'name',
          title: t('tags.name'),
          render: (_, r) => (
            <span>
              <Typography.Text strong>{tagName(r, i18n.language)}</Typography.Text>
              {r.refresh === 'on_demand' && <OnDemandBadge />}
              <br />
              <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                {r.code}
              </Typography.Text>
            </span>
          ),
        },
        {
          key: 'dimension',
          title: t('tags.dimension'),
          render: (_, r) => <Tag color={dimensionColors[r.dimension]}>{t(`dimension.${r.dimension}`)}</Tag>,
        },
        {
          key: 'kind',
          title: t('tags.kind'),
          render: (_, r) => <Tag color={kindColors[r.kind]}>{t(`tagKind.${r.kind}`)}</Tag>,
        },
        { key: 'type', title: t('tags.type'), render: (_, r) => t(`tagType.${r.type}`) },
        {
          key: 'coverage',
          title: t('tags.coverage'),
          sorter: (a, b) => (a.coverage ?? -1) - (b.coverage ?? -1),
          render: (_, r) =>
            r.coverage === null ? (
              <Tooltip title={asOf ? t('tags.notInSnapshot', { date: asOf }) : t('tags.noSnapshot')}>
                <Typography.Text type="secondary" data-testid="tag-coverage-none">
                  —
                </Typography.Text>
              </Tooltip>
            ) : (
              <ShareBar share={r.coverage} />
            ),
        },
        {
          key: 'source',
          title: t('tags.origin'),
          render: (_, r) =>
            r.builtin ? (
              <Tag>{t('tags.builtin')}</Tag>
            ) : (
              <Tag color="orange">{t('tags.custom', { version: r.version })}</Tag>
            ),
        },
      ]}
    />
  );
}
