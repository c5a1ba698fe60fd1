import { Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { segmentEventsEndpoint, type SegmentEvent } from '../../../../src/segments/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatDateTime } from '../../app/format';
import { QueryCard } from '../../components/QueryCard';

const pageSize = 10;

/** Who entered or exited at the latest snapshot: where journeys will start from. */
export function SegmentEvents({ segmentId }: { readonly segmentId: string }) {
  const { t, i18n } = useTranslation();
  const [event, setEvent] = useState<'entered' | 'exited'>('entered');
  const [page, setPage] = useState(1);
  const events = useEndpoint(
    segmentEventsEndpoint,
    { params: { id: segmentId }, query: { event, limit: pageSize, offset: (page - 1) * pageSize } },
    { placeholderData: (previous) => previous },
  );
  return (
    <QueryCard
      title={t('segments.events.title')}
      extra={
        <Segmented<'entered' | 'exited'>
          size="small"
          value={event}
          onChange={(e) => {
            setEvent(e);
            setPage(1);
          }}
          options={[
            { value: 'entered', label: t('segments.snapshots.entered') },
            { value: 'exited', label: t('segments.snapshots.exited') },
          ]}
        />
      }
      query={events}
      testId="segment-events"
    >
      {(data) => (
        <Table<SegmentEvent>
          size="small"
          rowKey={(r) => `${r.customerId}-${r.event}`}
          dataSource={data.items}
          locale={{ emptyText: data.snapshot ? t('segments.events.none') : t('segments.snapshots.none') }}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            onChange: setPage,
            hideOnSinglePage: true,
          }}
          columns={[
            {
              key: 'customer',
              title: t('customers.id'),
              render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerId}</Link>,
            },
            {
              key: 'event',
              title: t('segments.events.event'),
              render: (_, r) => (
                <Tag color={r.event === 'entered' ? 'red' : 'green'}>
                  {t(`segments.snapshots.${r.event}`)}
                </Tag>
              ),
            },
            {
              key: 'at',
              title: t('segments.snapshots.takenAt'),
              render: (_, r) => formatDateTime(r.at, i18n.language),
            },
          ]}
        />
      )}
    </QueryCard>
  );
}
