import { useTranslation } from 'react-i18next';
import { startTagComputeEndpoint, tagComputeResultSchema } from '../../../../src/jobs/schema';
import { formatCount } from '../../app/format';
import { JobButton } from '../jobs/JobButton';

/**
 * Starts computing one on-demand tag (a `tag_compute` job; admins, operators and analysts) and follows it. Its
 * success refetches every query, the tag's detail among them (JobButton), so the computation shows at once.
 */
export function TagComputeButton({ code }: { readonly code: string }) {
  const { t, i18n } = useTranslation();
  return (
    <JobButton
      kind="tag_compute"
      start={startTagComputeEndpoint}
      args={() => ({ body: { code } })}
      label={t('tags.onDemand.compute')}
      confirm={t('tags.onDemand.confirm')}
      doneMessage={(job) => {
        const result = tagComputeResultSchema.safeParse(job.result).data;
        // A job taken up after a conflict may be another tag's: the message names the tag it computed.
        return t('tags.onDemand.done', {
          code: result?.code ?? code,
          date: result?.asOf ?? '',
          customers: formatCount(result?.customers ?? 0, i18n.language),
        });
      }}
      failedMessage={(error) => t('tags.onDemand.failed', { error })}
      testId="tag-compute"
      // One tag computation runs at a time across all tags; this button follows only this tag's.
      adopts={(job) => job.params.code === code}
      // Under the catalogue, whose refresh button has the page's `jobs-open`.
      recentJobsTestId="tag-compute-jobs-open"
    />
  );
}
