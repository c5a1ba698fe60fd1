import { ArrowLeftOutlined, CameraOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import {
  deleteSegmentEndpoint,
  getSegmentEndpoint,
  listSegmentsEndpoint,
  listSnapshotsEndpoint,
  segmentEventsEndpoint,
  takeSnapshotEndpoint,
  type Segment,
} from '../../../../src/segments/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useMayCall } from '../../app/current-user';
import { formatDateTime } from '../../app/format';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { SegmentEvents } from './SegmentEvents';
import { SegmentExportButton } from './SegmentExportButton';
import { SegmentSizeCell } from './SegmentSizeCell';
import { SnapshotHistory } from './SnapshotHistory';
import { segmentDescription } from './segment-description';

export function SegmentDetailPage() {
  const { id = '' } = useParams();
  const segment = useEndpoint(getSegmentEndpoint, { params: { id } });
  if (segment.isPending) return <Skeleton active />;
  if (segment.isError) return <Alert type="error" showIcon title={segment.error.message} />;
  return <SegmentDetail segment={segment.data} />;
}

function SegmentDetail({ segment }: { readonly segment: Segment }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const may = useMayCall();
  // The size comes with the segment list (the same query the segments page ran, usually still cached).
  const listed = useEndpoint(listSegmentsEndpoint, {});
  const size = listed.data?.items.find((s) => s.id === segment.id)?.size;
  const snapshot = useEndpointMutation(takeSnapshotEndpoint, {
    onSuccess: (s) => {
      void message.success(
        t('segments.snapshots.taken', { size: s.size, entered: s.entered, exited: s.exited }),
      );
      void queryClient.invalidateQueries({ queryKey: endpointKey(listSnapshotsEndpoint) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(segmentEventsEndpoint) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(listSegmentsEndpoint) });
    },
    onError: (error) => void message.error(error.message),
  });
  const remove = useEndpointMutation(deleteSegmentEndpoint, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endpointKey(listSegmentsEndpoint) });
      void navigate('/segments');
    },
    onError: (error) => void message.error(error.message),
  });
  const isRule = segment.kind === 'rule';
  const name = locale === 'en-US' ? segment.nameEn : segment.nameZh;
  const description = segmentDescription(segment, locale);
  // Built-in segments are written by the platform itself, recorded as `system`: said in the console's language.
  const who = (user: string | null | undefined) =>
    !user ? '—' : user === 'system' ? t('segments.systemUser') : user;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate(isRule ? '/segments' : '/segments?tab=builtin')}
            aria-label={t('common.back')}
          />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="segment-title">
            {name}
          </Typography.Title>
          {segment.kind === 'builtin' ? (
            <Tag color="purple">{t(`segments.family.${segment.family}`)}</Tag>
          ) : (
            <Tag color="blue">{t('segments.ruleKind')}</Tag>
          )}
        </Space>
        <Space>
          {may(takeSnapshotEndpoint) && (
            <Button
              icon={<CameraOutlined />}
              loading={snapshot.isPending}
              onClick={() => snapshot.mutate({ params: { id: segment.id } })}
              data-testid="segment-snapshot"
            >
              {t('segments.snapshots.take')}
            </Button>
          )}
          <SegmentExportButton id={segment.id} />
          {isRule && may(deleteSegmentEndpoint) && (
            <>
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/segments/${segment.id}/edit`)}>
                {t('common.edit')}
              </Button>
              <ConfirmDeleteButton
                confirm={t('segments.deleteConfirm')}
                deleting={remove.isPending}
                onDelete={() => remove.mutate({ params: { id: segment.id } })}
              />
            </>
          )}
        </Space>
      </Flex>
      <Card>
        <Descriptions
          column={{ xs: 1, lg: 3 }}
          items={[
            {
              key: 'size',
              label: t('segments.size'),
              children: <SegmentSizeCell size={size} testId="segment-detail-size" />,
            },
            { key: 'id', label: 'ID', children: <Typography.Text copyable>{segment.id}</Typography.Text> },
            { key: 'version', label: t('segments.version'), children: `v${segment.version}` },
            {
              key: 'rule',
              label: t('segments.rule'),
              span: 3,
              children: (
                <Typography.Text code style={{ whiteSpace: 'pre-wrap' }} data-testid="segment-rule">
                  {segment.rule}
                </Typography.Text>
              ),
            },
            ...(description
              ? [
                  {
                    key: 'description',
                    label: t('segments.description'),
                    span: 3,
                    children: <span data-testid="segment-description">{description}</span>,
                  },
                ]
              : []),
            { key: 'owner', label: t('segments.owner'), children: who(segment.owner) },
            {
              key: 'created',
              label: t('segments.created'),
              children: `${formatDateTime(segment.createdAt, locale)} · ${who(segment.createdBy)}`,
            },
            {
              key: 'updated',
              label: t('segments.updated'),
              children: `${formatDateTime(segment.updatedAt, locale)} · ${who(segment.updatedBy)}`,
            },
          ]}
        />
      </Card>
      <SnapshotHistory segmentId={segment.id} />
      {may(segmentEventsEndpoint) && <SegmentEvents segmentId={segment.id} />}
    </Flex>
  );
}
