import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OnDemandRun } from '../../../../src/tags/schema';
import { formatCount, formatDateTime } from '../../app/format';
import { TagComputeButton } from './TagComputeButton';

/** What an on-demand tag's last computation kept: the day its values describe, when, by whom, for how many. */
function LastComputation({ run }: { readonly run: OnDemandRun }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={2}
      data-testid="tag-compute-status"
      data-state="computed"
      items={[
        {
          key: 'asOf',
          label: t('tags.onDemand.asOf'),
          children: (
            <span data-testid="tag-compute-as-of" data-value={run.asOf}>
              {run.asOf}
            </span>
          ),
        },
        {
          key: 'customers',
          label: t('tags.onDemand.customers'),
          children: (
            <span data-testid="tag-compute-customers" data-value={run.customers}>
              {formatCount(run.customers, i18n.language)}
            </span>
          ),
        },
        {
          key: 'at',
          label: t('tags.onDemand.computedAt'),
          children: formatDateTime(run.computedAt, i18n.language),
        },
        {
          key: 'by',
          label: t('tags.onDemand.computedBy'),
          children: <span data-testid="tag-compute-by">{run.computedBy ?? '—'}</span>,
        },
      ]}
    />
  );
}

/**
 * An on-demand tag's computation: its last one (or that there was none yet) and, for those who may, the
 * button that computes it again. The profile refresh never computes such a tag, so this card is where its
 * values come from.
 */
export function TagComputationCard({
  code,
  run,
}: {
  readonly code: string;
  readonly run: OnDemandRun | null;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('tags.onDemand.title')} data-testid="tag-computation">
      <Flex vertical gap={8}>
        {run ? (
          <LastComputation run={run} />
        ) : (
          <Typography.Text strong data-testid="tag-compute-status" data-state="never">
            {t('tags.onDemand.never')}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {run ? t('tags.onDemand.kept') : t('tags.onDemand.neverHint')}
        </Typography.Text>
        <TagComputeButton code={code} />
      </Flex>
    </Card>
  );
}
