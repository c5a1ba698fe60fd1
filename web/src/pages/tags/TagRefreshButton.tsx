import { Checkbox } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { profileRefreshResultSchema, startProfileRefreshEndpoint } from '../../../../src/jobs/schema';
import { JobButton } from '../jobs/JobButton';

/** Starts a profile refresh job (tags, then segments; admins and operators), full or incremental, and follows it. */
export function TagRefreshButton() {
  const { t } = useTranslation();
  const [incremental, setIncremental] = useState(false);
  return (
    <JobButton
      kind="profile_refresh"
      start={startProfileRefreshEndpoint}
      args={() => ({ body: { incremental } })}
      label={t('tags.refresh.button')}
      confirm={t('tags.refresh.confirm')}
      options={
        <Checkbox
          checked={incremental}
          onChange={(e) => setIncremental(e.target.checked)}
          data-testid="tag-refresh-incremental"
        >
          {t('jobs.incremental')}
        </Checkbox>
      }
      doneMessage={(job) =>
        t('tags.refresh.done', { date: profileRefreshResultSchema.safeParse(job.result).data?.asOf ?? '' })
      }
      failedMessage={(error) => t('tags.refresh.failed', { error })}
      testId="tag-refresh"
    />
  );
}
