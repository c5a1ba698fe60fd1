import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../../../src/jobs/schema';

const colors: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  interrupted: 'warning',
};

export function JobStatusTag({ status }: { readonly status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="job-status" data-status={status}>
      {t(`jobs.status.${status}`)}
    </Tag>
  );
}
