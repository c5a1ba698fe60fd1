import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { createSegmentEndpoint, type ListedSegment } from '../../../../src/segments/schema';
import { useMayCall } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { SegmentExportButton } from './SegmentExportButton';
import { SegmentSizeCell } from './SegmentSizeCell';
import { segmentDescription } from './segment-description';

interface SegmentListProps {
  readonly segments: readonly ListedSegment[];
  readonly selected: readonly string[];
  readonly onSelect: ((ids: string[]) => void) | null;
  /** The segment just saved, highlighted so the person sees where it went. */
  readonly highlight: string | null;
}

export function SegmentList({ segments, selected, onSelect, highlight }: SegmentListProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const mayCall = useMayCall();
  const navigate = useNavigate();
  const canWrite = mayCall(createSegmentEndpoint);
  const name = (s: ListedSegment) => (locale === 'en-US' ? s.nameEn : s.nameZh);
  return (
    <Table<ListedSegment>
      data-testid="segment-table"
      size="middle"
      rowKey="id"
      dataSource={[...segments]}
      locale={{ emptyText: t('segments.none') }}
      pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: [...selected],
              onChange: (keys) => onSelect(keys.map(String).slice(0, 10)),
              getCheckboxProps: (r) => ({ disabled: !selected.includes(r.id) && selected.length >= 10 }),
            }
          : undefined
      }
      onRow={(row) =>
        ({
          'data-segment-id': row.id,
          style: row.id === highlight ? { background: '#e6f4ff' } : undefined,
        }) as object
      }
      columns={[
        {
          key: 'name',
          title: t('segments.name'),
          render: (_, r) => (
            <span>
              {/* The description on hover: the rows stay one name high however long it is. */}
              <Tooltip title={segmentDescription(r, locale) || undefined} placement="topLeft">
                <Link to={`/segments/${r.id}`} data-testid={`segment-link-${r.id}`}>
                  <Typography.Text strong>{name(r)}</Typography.Text>
                </Link>
              </Tooltip>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.id} · v{r.version}
              </Typography.Text>
            </span>
          ),
        },
        {
          key: 'rule',
          title: t('segments.rule'),
          // Cut to the column at narrow widths: the whole rule on hover.
          ellipsis: { showTitle: false },
          render: (_, r) => (
            <Tooltip title={<span style={{ fontFamily: 'monospace' }}>{r.rule}</span>} placement="topLeft">
              <Typography.Text code style={{ fontSize: 12 }}>
                {r.rule}
              </Typography.Text>
            </Tooltip>
          ),
        },
        {
          key: 'size',
          title: t('segments.size'),
          width: 260,
          render: (_, r) => <SegmentSizeCell size={r.size} testId={`segment-size-${r.id}`} />,
        },
        {
          key: 'updated',
          title: t('segments.updated'),
          width: 170,
          render: (_, r) => (
            <span style={{ fontSize: 12 }}>
              {formatDateTime(r.updatedAt, locale)}
              <br />
              <Typography.Text type="secondary">{r.updatedBy ?? '—'}</Typography.Text>
            </span>
          ),
        },
        {
          key: 'actions',
          title: t('common.actions'),
          width: 190,
          render: (_, r) => (
            <Space size={4}>
              {canWrite && r.kind === 'rule' && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => void navigate(`/segments/${r.id}/edit`)}
                >
                  {t('common.edit')}
                </Button>
              )}
              <SegmentExportButton id={r.id} size="small" />
            </Space>
          ),
        },
      ]}
    />
  );
}
