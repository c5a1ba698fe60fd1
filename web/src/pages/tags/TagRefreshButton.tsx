import { SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  getTagEndpoint,
  listTagsEndpoint,
  refreshJobEndpoint,
  startRefreshEndpoint,
} from '../../../../src/tags/schema';
import { endpointKey, useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';

/** Starts a profile refresh (admins and operators) and follows the job until it ends. */
export function TagRefreshButton() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const canRun = startRefreshEndpoint.roles !== 'public' && startRefreshEndpoint.roles.includes(user.role);
  const start = useEndpointMutation(startRefreshEndpoint, {
    onSuccess: (job) => setJobId(job.jobId),
    onError: (error) => void message.error(error.message),
  });
  const job = useEndpoint(
    refreshJobEndpoint,
    { params: { jobId: jobId ?? '-' } },
    {
      enabled: jobId !== null,
      refetchInterval: (query) => (query.state.data?.status === 'running' ? 800 : false),
    },
  );
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'succeeded') {
      void message.success(t('tags.refresh.done', { date: job.data?.asOf ?? '' }));
      void queryClient.invalidateQueries({ queryKey: endpointKey(listTagsEndpoint) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(getTagEndpoint) });
    } else if (status === 'failed') {
      void message.error(t('tags.refresh.failed', { error: job.data?.error ?? '' }));
    }
    // Only the change of status matters: a finished job is announced once.
  }, [status]);

  if (!canRun) return null;
  const running = start.isPending || status === 'running';
  const data = job.data;
  const percent =
    data?.done !== null && data?.done !== undefined && data.total
      ? Math.round((data.done / data.total) * 100)
      : 0;
  return (
    <Space size={12}>
      {jobId !== null && data && (
        <Space size={8} data-testid="tag-refresh-progress" data-status={data.status}>
          <Progress
            type="line"
            size={[160, 8]}
            percent={data.status === 'succeeded' ? 100 : percent}
            status={
              data.status === 'failed' ? 'exception' : data.status === 'succeeded' ? 'success' : 'active'
            }
            style={{ margin: 0, width: 220 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {data.status === 'running'
              ? data.total
                ? t('tags.refresh.step', { done: data.done ?? 0, total: data.total })
                : t('tags.refresh.starting')
              : t(`tags.refresh.status.${data.status}`)}
          </Typography.Text>
        </Space>
      )}
      <Popconfirm
        title={t('tags.refresh.confirm')}
        onConfirm={() => start.mutate({ body: { incremental: false } })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
      >
        <Button icon={<SyncOutlined spin={running} />} disabled={running} data-testid="tag-refresh">
          {t('tags.refresh.button')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
