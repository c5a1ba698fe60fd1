import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { customerBureauEndpoint } from '../../../../src/profiles/schema';
import { useEndpoint } from '../../api/useEndpoint';
import { formatMoney } from '../../app/format';
import { EChart } from '../../charts/EChart';
import { QueryCard } from '../../components/QueryCard';
import { SectionView } from './SectionView';
import type { BureauData } from './view-types';

type Report = BureauData['items'][number];

/** Credit bureau reports over time: the score as a line, inquiries and external debt in the table. */
export function BureauPanel({ customerId }: { readonly customerId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bureau = useEndpoint(customerBureauEndpoint, { params: { id: customerId } });
  const score = t('customers.bureau.score');
  return (
    <QueryCard title={t('customers.bureau.title')} query={bureau} testId="bureau">
      {(section) => (
        <SectionView section={section}>
          {(data) => (
            <>
              <EChart
                testId="chart-bureau"
                label={t('customers.bureau.title')}
                height={180}
                option={{
                  color: ['#722ed1'],
                  tooltip: { trigger: 'axis' },
                  grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
                  xAxis: { type: 'category', data: data.items.map((r) => r.asOf) },
                  yAxis: {
                    type: 'value',
                    scale: true,
                    name: score,
                    nameTextStyle: { color: '#8c8c8c', fontSize: 11 },
                  },
                  series: [
                    { name: score, type: 'line', symbolSize: 6, data: data.items.map((r) => r.score) },
                  ],
                }}
                table={{
                  columns: [t('customers.bureau.asOf'), score],
                  rows: data.items.map((r) => [r.asOf, r.score ?? '']),
                }}
              />
              <Table<Report>
                size="small"
                rowKey="asOf"
                dataSource={[...data.items].reverse()}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
                columns={[
                  { key: 'asOf', title: t('customers.bureau.asOf'), dataIndex: 'asOf' },
                  { key: 'score', title: score, align: 'right', render: (_, r) => r.score ?? '—' },
                  {
                    key: 'inquiries',
                    title: t('customers.bureau.inquiries'),
                    align: 'right',
                    render: (_, r) => r.inquiries6m ?? '—',
                  },
                  {
                    key: 'debt',
                    title: t('customers.bureau.debt'),
                    align: 'right',
                    render: (_, r) => (r.externalDebt === null ? '—' : formatMoney(r.externalDebt, locale)),
                  },
                  {
                    key: 'delinquencies',
                    title: t('customers.bureau.delinquencies'),
                    align: 'right',
                    render: (_, r) => r.delinquencies ?? '—',
                  },
                ]}
              />
            </>
          )}
        </SectionView>
      )}
    </QueryCard>
  );
}
