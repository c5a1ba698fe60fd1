import { Drawer, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  listJobsEndpoint,
  profileRefreshResultSchema,
  type Job,
  type JobKind,
} from '../../../../src/jobs/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCount, formatDateTime } from '../../app/format';
import { JobStatusTag } from './JobStatusTag';
import { currentPhase, isActive, jobPercent, jobSeconds } from './job-progress';

/** What a finished job did, in a line: the refresh's as-of date, customers and mode; or why it stopped. */
function JobOutcome({ job }: { readonly job: Job }) {
  const { t, i18n } = useTranslation();
  if (job.error) return <Typography.Text type="danger">{job.error}</Typography.Text>;
  const refresh = profileRefreshResultSchema.safeParse(job.result);
  if (!refresh.success) return null;
  return (
    <Typography.Text>
      {t('jobs.refreshResult', {
        date: refresh.data.asOf,
        customers: formatCount(refresh.data.customers, i18n.language),
        mode: t(`jobs.mode.${refresh.data.mode}`),
      })}
    </Typography.Text>
  );
}

function PhaseCell({ job }: { readonly job: Job }) {
  const { t } = useTranslation();
  if (isActive(job)) {
    const now = currentPhase(job);
    return (
      <Space orientation="vertical" size={0}>
        <Typography.Text>{now ? t(`jobs.phase.${now.phase.name}`) : t('jobs.starting')}</Typography.Text>
        <Progress percent={jobPercent(job)} size="small" status="active" style={{ width: 140, margin: 0 }} />
      </Space>
    );
  }
  return (
    <Typography.Text type="secondary">
      {job.phases.map((p) => `${t(`jobs.phase.${p.name}`)} ${t(`jobs.phaseStatus.${p.status}`)}`).join(' · ')}
    </Typography.Text>
  );
}

/** The latest jobs (of one kind, or all), refreshed while one of them runs. */
export function RecentJobsDrawer({
  open,
  kind,
  onClose,
}: {
  readonly open: boolean;
  readonly kind?: JobKind;
  readonly onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const jobs = useEndpoint(
    listJobsEndpoint,
    { query: { kind, limit: 20 } },
    {
      enabled: open,
      refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 1500 : false),
    },
  );
  return (
    <Drawer open={open} onClose={onClose} size={880} title={t('jobs.title')} destroyOnHidden data-testid="jobs-drawer">
      <Table<Job>
        data-testid="job-table"
        size="small"
        rowKey="id"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('jobs.empty') }}
        onRow={(job) => ({ 'data-job-id': job.id, 'data-status': job.status }) as object}
        columns={[
          { key: 'kind', title: t('jobs.col.kind'), render: (_, job) => t(`jobs.kind.${job.kind}`) },
          { key: 'status', title: t('jobs.col.status'), render: (_, job) => <JobStatusTag status={job.status} /> },
          { key: 'phases', title: t('jobs.col.phases'), render: (_, job) => <PhaseCell job={job} /> },
          { key: 'by', title: t('jobs.col.startedBy'), dataIndex: 'startedBy' },
          {
            key: 'at',
            title: t('jobs.col.startedAt'),
            render: (_, job) => formatDateTime(job.startedAt ?? job.createdAt, i18n.language),
          },
          {
            key: 'seconds',
            title: t('jobs.col.duration'),
            align: 'right',
            render: (_, job) => {
              const seconds = jobSeconds(job);
              return seconds === null ? '–' : t('jobs.seconds', { value: seconds.toFixed(1) });
            },
          },
          { key: 'outcome', title: t('jobs.col.outcome'), render: (_, job) => <JobOutcome job={job} /> },
        ]}
      />
    </Drawer>
  );
}
