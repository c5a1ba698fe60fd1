import { HistoryOutlined, SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Endpoint, Role } from '../../../../src/core/schema';
import {
  getJobEndpoint,
  listJobsEndpoint,
  profileRefreshResultSchema,
  startProfileRefreshEndpoint,
} from '../../../../src/jobs/schema';
import { useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';
import { RecentJobsDrawer } from '../jobs/RecentJobsDrawer';
import { currentPhase, isActive, jobPercent } from '../jobs/job-progress';

const mayCall = (endpoint: Endpoint, role: Role): boolean => endpoint.roles !== 'public' && endpoint.roles.includes(role);

/**
 * Starts a profile refresh job (tags, then segments; admins and operators), follows it phase by phase, and
 * opens the list of recent refresh jobs. A refresh already running (started elsewhere) is followed too.
 */
export function TagRefreshButton() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [incremental, setIncremental] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const canRun = mayCall(startProfileRefreshEndpoint, user.role);
  const canFollow = mayCall(getJobEndpoint, user.role);
  const latest = useEndpoint(listJobsEndpoint, { query: { kind: 'profile_refresh', limit: 1 } }, { enabled: canFollow });
  const start = useEndpointMutation(startProfileRefreshEndpoint, {
    onSuccess: (job) => setJobId(job.id),
    onError: (error) => {
      // Someone else's refresh is running: say so and follow it instead.
      const running = (error.details as { jobId?: unknown } | undefined)?.jobId;
      if (error.code === 'conflict' && typeof running === 'string') {
        setJobId(running);
        void message.warning(error.message);
      } else void message.error(error.message);
    },
  });
  const running = latest.data?.items[0];
  useEffect(() => {
    if (jobId === null && running && isActive(running)) setJobId(running.id);
  }, [jobId, running]);
  const job = useEndpoint(
    getJobEndpoint,
    { params: { jobId: jobId ?? '-' } },
    { enabled: jobId !== null, refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? 800 : false) },
  );
  const data = job.data;
  const status = data?.status;

  useEffect(() => {
    if (!data || isActive(data)) return;
    if (status === 'succeeded') {
      const asOf = profileRefreshResultSchema.safeParse(data.result).data?.asOf ?? '';
      void message.success(t('tags.refresh.done', { date: asOf }));
      // Tags, segments and every view over the profile changed.
      void queryClient.invalidateQueries();
    } else {
      void message.error(t('tags.refresh.failed', { error: data.error ?? t(`jobs.status.${data.status}`) }));
    }
    // Only the change of status matters: a finished job is announced once.
  }, [status]);

  if (!canFollow) return null;
  const busy = start.isPending || (data !== undefined && isActive(data));
  const now = data ? currentPhase(data) : null;
  return (
    <Space size={12}>
      {jobId !== null && data && (
        <Space size={8} data-testid="tag-refresh-progress" data-status={data.status} data-phase={now?.phase.name ?? ''}>
          <Progress
            type="line"
            size={[160, 8]}
            percent={jobPercent(data)}
            status={data.status === 'succeeded' ? 'success' : isActive(data) ? 'active' : 'exception'}
            style={{ margin: 0, width: 220 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {!isActive(data)
              ? t(`jobs.status.${data.status}`)
              : now
                ? t('jobs.phaseOf', {
                    phase: t(`jobs.phase.${now.phase.name}`),
                    index: now.index + 1,
                    count: data.phases.length,
                  }) + (now.phase.total ? ` · ${now.phase.done ?? 0}/${now.phase.total}` : '')
                : t('jobs.starting')}
          </Typography.Text>
        </Space>
      )}
      <Button icon={<HistoryOutlined />} onClick={() => setListOpen(true)} data-testid="jobs-open">
        {t('jobs.recent')}
      </Button>
      {canRun && (
        <Popconfirm
          title={t('tags.refresh.confirm')}
          description={
            <Checkbox checked={incremental} onChange={(e) => setIncremental(e.target.checked)} data-testid="tag-refresh-incremental">
              {t('jobs.incremental')}
            </Checkbox>
          }
          onConfirm={() => start.mutate({ body: { incremental } })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button icon={<SyncOutlined spin={busy} />} disabled={busy} data-testid="tag-refresh">
            {t('tags.refresh.button')}
          </Button>
        </Popconfirm>
      )}
      <RecentJobsDrawer open={listOpen} kind="profile_refresh" onClose={() => setListOpen(false)} />
    </Space>
  );
}
