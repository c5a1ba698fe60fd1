import { HistoryOutlined, SyncOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Endpoint } from '../../../../src/core/schema';
import { getJobEndpoint, listJobsEndpoint, type Job, type JobKind } from '../../../../src/jobs/schema';
import type { EndpointArgs } from '../../api/client';
import { useEndpoint, useEndpointMutation } from '../../api/useEndpoint';
import { useMayCall } from '../../app/current-user';
import { RecentJobsDrawer } from './RecentJobsDrawer';
import { currentPhase, isActive, jobPercent } from './job-progress';

export interface JobButtonProps<E extends Endpoint> {
  /** The kind of job the button starts: a running one of this kind (started elsewhere) is followed too. */
  readonly kind: JobKind;
  /** The endpoint that starts it; those it does not allow see the progress and the recent jobs only. */
  readonly start: E;
  /** What the start request sends, read when the operator confirms. */
  readonly args: () => EndpointArgs<E>;
  readonly label: string;
  readonly confirm: string;
  /** Choices shown in the confirmation (a mode, a table). */
  readonly options?: ReactNode;
  /** The message once the job succeeded, from its result. */
  readonly doneMessage: (job: Job) => string;
  readonly failedMessage: (error: string) => string;
  /** Test ids: `<id>` (the button) and `<id>-progress`; the recent jobs button is `jobs-open` (one per page) unless told. */
  readonly testId: string;
  /**
   * Which running job of this kind, started elsewhere, the button takes up and follows (default: any). A kind
   * whose jobs each concern one thing (one tag) follows only those about the thing the button is for.
   */
  readonly adopts?: (job: Job) => boolean;
  /** The recent jobs button's test id, for a second job button on the page (in a drawer); `jobs-open` by default. */
  readonly recentJobsTestId?: string;
}

/**
 * Starts a job, follows it phase by phase with a progress bar, announces its end once and opens the list of
 * recent jobs of its kind. When the job succeeds every cached view is refetched: a job changes stored data.
 */
export function JobButton<E extends Endpoint>({
  kind,
  start: startEndpoint,
  args,
  label,
  confirm,
  options,
  doneMessage,
  failedMessage,
  testId,
  adopts = () => true,
  recentJobsTestId = 'jobs-open',
}: JobButtonProps<E>) {
  const { t } = useTranslation();
  const mayCall = useMayCall();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const canRun = mayCall(startEndpoint);
  const canFollow = mayCall(getJobEndpoint);
  const latest = useEndpoint(listJobsEndpoint, { query: { kind, limit: 1 } }, { enabled: canFollow });
  const start = useEndpointMutation(startEndpoint, {
    onSuccess: (job) => setJobId((job as Job).id),
    onError: (error) => {
      // Someone else's job of this kind is running: say so and follow it instead.
      const running = (error.details as { jobId?: unknown } | undefined)?.jobId;
      if (error.code === 'conflict' && typeof running === 'string') {
        setJobId(running);
        void message.warning(error.message);
      } else void message.error(error.message);
    },
  });
  const running = latest.data?.items[0];
  useEffect(() => {
    if (jobId === null && running && isActive(running) && adopts(running)) setJobId(running.id);
    // `adopts` is a predicate written inline by callers: a new function each render, the same question.
  }, [jobId, running]);
  const job = useEndpoint(
    getJobEndpoint,
    { params: { jobId: jobId ?? '-' } },
    {
      enabled: jobId !== null,
      refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? 800 : false),
    },
  );
  const data = job.data;
  const status = data?.status;

  useEffect(() => {
    if (!data || isActive(data)) return;
    if (status === 'succeeded') {
      void message.success(doneMessage(data));
      void queryClient.invalidateQueries();
    } else {
      void message.error(failedMessage(data.error ?? t(`jobs.status.${data.status}`)));
    }
    // Only the change of status matters: a finished job is announced once.
  }, [status]);

  if (!canFollow) return null;
  const busy = start.isPending || (data !== undefined && isActive(data));
  const now = data ? currentPhase(data) : null;
  return (
    <Space size={12}>
      {jobId !== null && data && (
        <Space
          size={8}
          data-testid={`${testId}-progress`}
          data-status={data.status}
          data-phase={now?.phase.name ?? ''}
        >
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
                  }) + (now.phase.total ? ` · ${Math.floor(now.phase.done ?? 0)}/${now.phase.total}` : '')
                : t('jobs.starting')}
          </Typography.Text>
        </Space>
      )}
      <Button icon={<HistoryOutlined />} onClick={() => setListOpen(true)} data-testid={recentJobsTestId}>
        {t('jobs.recent')}
      </Button>
      {canRun && (
        <Popconfirm
          title={confirm}
          description={options}
          onConfirm={() => start.mutate(args())}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
        >
          <Button icon={<SyncOutlined spin={busy} />} disabled={busy} data-testid={testId}>
            {label}
          </Button>
        </Popconfirm>
      )}
      <RecentJobsDrawer open={listOpen} kind={kind} onClose={() => setListOpen(false)} />
    </Space>
  );
}
