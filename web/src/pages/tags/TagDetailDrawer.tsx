import { CopyOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Drawer,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  createTagEndpoint,
  deleteTagEndpoint,
  getTagEndpoint,
  listTagsEndpoint,
} from '../../../../src/tags/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useMayCall } from '../../app/current-user';
import { formatPercent } from '../../app/format';
import { ConfirmDeleteButton } from '../../components/ConfirmDeleteButton';
import { TagCentreStatistic } from './TagCentreStatistic';
import { TagComputationCard } from './TagComputationCard';
import { TagDefinitionView } from './TagDefinitionView';
import { TagDistributionChart } from './TagDistributionChart';
import { TagDriftChart } from './TagDriftChart';
import { TagReadersCard } from './TagReadersCard';
import { TagTrendChart } from './TagTrendChart';
import { tagName } from './tag-labels';

interface TagDetailDrawerProps {
  readonly code: string | null;
  readonly onClose: () => void;
  /** Opens another tag's detail in its place: the drawer is told which tag to show, so its owner switches it. */
  readonly onOpenTag: (code: string) => void;
}

export function TagDetailDrawer({ code, onClose, onOpenTag }: TagDetailDrawerProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const mayCall = useMayCall();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const detail = useEndpoint(getTagEndpoint, { params: { code: code ?? '--' } }, { enabled: code !== null });
  const canEdit = mayCall(createTagEndpoint);
  const remove = useEndpointMutation(deleteTagEndpoint, {
    onSuccess: () => {
      void message.success(t('tags.deleted'));
      void queryClient.invalidateQueries({ queryKey: endpointKey(listTagsEndpoint) });
      onClose();
    },
    onError: (error) => void message.error(error.message),
  });
  const data = detail.data;
  const latest = data?.trend.at(-1);
  const money = data?.definition.unit === 'CNY';
  // No statistics for this tag: either no snapshot was ever taken, or the tag is newer than the newest.
  const noStatistics = data?.latestSnapshotAsOf
    ? t('tags.notInSnapshot', { date: data.latestSnapshotAsOf })
    : t('tags.noSnapshot');

  const actions = data && canEdit && (
    <Space>
      {data.builtin ? (
        <Button
          icon={<CopyOutlined />}
          onClick={() => void navigate(`new?from=${data.definition.code}`)}
          data-testid="tag-copy"
        >
          {t('tags.copy')}
        </Button>
      ) : (
        <>
          <Button
            icon={<EditOutlined />}
            onClick={() => void navigate(`${data.definition.code}/edit`)}
            data-testid="tag-edit"
          >
            {t('common.edit')}
          </Button>
          <ConfirmDeleteButton
            confirm={t('tags.deleteConfirm')}
            deleting={remove.isPending}
            onDelete={() => remove.mutate({ params: { code: data.definition.code } })}
          />
        </>
      )}
    </Space>
  );

  return (
    <Drawer
      open={code !== null}
      onClose={onClose}
      size={760}
      title={data ? `${tagName(data.definition, locale)} · ${data.definition.code}` : code}
      extra={actions}
      destroyOnHidden
      data-testid="tag-detail"
    >
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {detail.isPending && <Skeleton active />}
      {data && (
        <Flex vertical gap={16}>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small">
                <Statistic
                  title={t('tags.coverage')}
                  value={latest ? formatPercent(latest.coverage, locale) : '—'}
                />
                {/* Statistics come from snapshots, taken by refreshes: an on-demand computation shows here
                    only after the next one, so the date says which profile the figures describe. */}
                {latest && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="tag-stats-as-of">
                    {t('tags.statsAsOf', { date: latest.asOf })}
                  </Typography.Text>
                )}
                {!latest && data.latestSnapshotAsOf && (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid="tag-not-in-snapshot"
                  >
                    {t('tags.notInSnapshot', { date: data.latestSnapshotAsOf })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <TagCentreStatistic type={data.definition.type} latest={latest} money={money} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('tags.snapshots')} value={data.trend.length} />
              </Card>
            </Col>
          </Row>
          {data.definition.refresh === 'on_demand' && (
            <TagComputationCard code={data.definition.code} run={data.onDemand} />
          )}
          <TagDefinitionView definition={data.definition} />
          <TagReadersCard readers={data.readers} onOpenTag={onOpenTag} />
          <Card
            size="small"
            title={latest ? t('tags.distribution', { date: latest.asOf }) : t('tags.distributionUndated')}
          >
            {latest ? (
              <TagDistributionChart
                testId="chart-tag-distribution"
                distribution={latest.distribution}
                unit={data.definition.unit}
              />
            ) : (
              <Alert type="info" title={noStatistics} />
            )}
          </Card>
          <Card size="small" title={t('tags.trend.title')}>
            <TagTrendChart
              trend={data.trend}
              isNumber={data.definition.type === 'number'}
              money={money}
              emptyText={noStatistics}
            />
          </Card>
          <Card size="small" title={t('tags.drift.title')}>
            <TagDriftChart code={data.definition.code} trend={data.trend} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
