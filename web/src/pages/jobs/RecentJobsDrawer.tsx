import { Drawer, Flex, Progress, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  dataClusterResultSchema,
  listJobsEndpoint,
  profileRefreshResultSchema,
  tagComputeResultSchema,
  type Job,
  type JobKind,
} from '../../../../src/jobs/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatCount, formatDateTime } from '../../app/format';
import { formatJobDuration, formatJobTime } from './job-format';
import { JobStatusTag } from './JobStatusTag';
import { currentPhase, isActive, jobPercent, jobSeconds } from './job-progress';

// One line per job at a 1440 px window in both languages: fixed column widths that fit the longer (English)
// labels, compact times, and long text (an error, a username, the phases in English) cut with an ellipsis and
// shown whole in a tooltip. Narrower windows scroll the table sideways rather than wrap it.
const drawerWidth = 'min(1240px, 100vw)';
const columnWidths = { kind: 120, status: 100, phases: 300, startedBy: 130, startedAt: 100, duration: 84 } as const;
// The fixed columns and room for an outcome line; below it the table scrolls.
const tableMinWidth = 1080;

/** Text kept to one line: cut with an ellipsis, and shown whole in a tooltip only when it was cut. */
function OneLine({ text, type }: { readonly text: string; readonly type?: 'secondary' | 'danger' }) {
  return (
    <Typography.Text type={type} ellipsis={{ tooltip: { title: text, placement: 'topLeft' } }}>
      {text}
    </Typography.Text>
  );
}

/**
 * What a finished job did, in a line: a refresh's as-of date, customers and mode; a clustering's table, rows
 * and mode; a tag computation's tag, as-of date and customers given a value; or why it stopped.
 */
function JobOutcome({ job }: { readonly job: Job }) {
  const { t, i18n } = useTranslation();
  if (job.error) return <OneLine text={job.error} type="danger" />;
  if (job.kind === 'data_cluster') {
    const cluster = dataClusterResultSchema.safeParse(job.result);
    if (!cluster.success) return null;
    return (
      <OneLine
        text={t('jobs.clusterResult', {
          table: t(`table.${cluster.data.table}`, { defaultValue: cluster.data.table }),
          rows: formatCount(cluster.data.rows, i18n.language),
          mode: t(`data.layout.modes.${cluster.data.mode}`),
        })}
      />
    );
  }
  if (job.kind === 'tag_compute') {
    const computed = tagComputeResultSchema.safeParse(job.result);
    if (!computed.success) return null;
    return (
      <OneLine
        text={t('jobs.computeResult', {
          code: computed.data.code,
          date: computed.data.asOf,
          customers: formatCount(computed.data.customers, i18n.language),
        })}
      />
    );
  }
  const refresh = profileRefreshResultSchema.safeParse(job.result);
  if (!refresh.success) return null;
  return (
    <OneLine
      text={t('jobs.refreshResult', {
        date: refresh.data.asOf,
        customers: formatCount(refresh.data.customers, i18n.language),
        mode: t(`jobs.mode.${refresh.data.mode}`),
      })}
    />
  );
}

function PhaseCell({ job }: { readonly job: Job }) {
  const { t } = useTranslation();
  if (isActive(job)) {
    const now = currentPhase(job);
    // The phase's name and its bar side by side: stacked, they would make the running job's row two lines.
    return (
      <Flex align="center" gap={8}>
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <OneLine text={now ? t(`jobs.phase.${now.phase.name}`) : t('jobs.starting')} />
        </div>
        <Progress percent={jobPercent(job)} size="small" status="active" style={{ flex: 'none', width: 120, margin: 0 }} />
      </Flex>
    );
  }
  return (
    <OneLine
      type="secondary"
      text={job.phases.map((p) => `${t(`jobs.phase.${p.name}`)} ${t(`jobs.phaseStatus.${p.status}`)}`).join(' · ')}
    />
  );
}

function StartedAt({ job }: { readonly job: Job }) {
  const { i18n } = useTranslation();
  const instant = job.startedAt ?? job.createdAt;
  return (
    <Tooltip title={formatDateTime(instant, i18n.language)} placement="topLeft">
      <span>{formatJobTime(instant)}</span>
    </Tooltip>
  );
}

function useColumns(): TableColumnsType<Job> {
  const { t } = useTranslation();
  return [
    { key: 'kind', title: t('jobs.col.kind'), width: columnWidths.kind, render: (_, job) => <OneLine text={t(`jobs.kind.${job.kind}`)} /> },
    { key: 'status', title: t('jobs.col.status'), width: columnWidths.status, render: (_, job) => <JobStatusTag status={job.status} /> },
    { key: 'phases', title: t('jobs.col.phases'), width: columnWidths.phases, render: (_, job) => <PhaseCell job={job} /> },
    { key: 'by', title: t('jobs.col.startedBy'), width: columnWidths.startedBy, render: (_, job) => <OneLine text={job.startedBy ?? '–'} /> },
    { key: 'at', title: t('jobs.col.startedAt'), width: columnWidths.startedAt, render: (_, job) => <StartedAt job={job} /> },
    {
      key: 'seconds',
      title: t('jobs.col.duration'),
      width: columnWidths.duration,
      align: 'right',
      render: (_, job) => {
        const seconds = jobSeconds(job);
        return seconds === null ? '–' : formatJobDuration(seconds, t);
      },
    },
    // The rest of the width: the outcome is the text most likely to be long.
    { key: 'outcome', title: t('jobs.col.outcome'), render: (_, job) => <JobOutcome job={job} /> },
  ];
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
  const { t } = useTranslation();
  const columns = useColumns();
  const jobs = useEndpoint(
    listJobsEndpoint,
    { query: { kind, limit: 20 } },
    {
      enabled: open,
      refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 1500 : false),
    },
  );
  return (
    <Drawer open={open} onClose={onClose} size={drawerWidth} title={t('jobs.title')} destroyOnHidden data-testid="jobs-drawer">
      <Table<Job>
        data-testid="job-table"
        size="small"
        rowKey="id"
        tableLayout="fixed"
        scroll={{ x: tableMinWidth }}
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('jobs.empty') }}
        onRow={(job) => ({ 'data-job-id': job.id, 'data-status': job.status }) as object}
        columns={columns}
      />
    </Drawer>
  );
}
