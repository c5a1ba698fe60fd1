import { useTranslation } from 'react-i18next';
import type { AccountFlow } from '../../../../src/data/schema';
import { EChart } from '../../charts/EChart';
import { closedColor, openedColor } from '../../charts/palette';
import { formatCompact } from '../../app/format';

export function AccountFlowChart({ data }: { readonly data: AccountFlow }) {
  const { t, i18n } = useTranslation();
  const opened = t('dashboard.flow.opened');
  const closed = t('dashboard.flow.closed');
  const option = {
    color: [openedColor, closedColor],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [opened, closed] },
    grid: { left: 16, right: 16, top: 40, bottom: 8 },
    xAxis: { type: 'category', data: data.months.map((m) => m.month) },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatCompact(v, i18n.language) },
    },
    series: [
      { name: opened, type: 'bar', barMaxWidth: 16, data: data.months.map((m) => m.opened) },
      { name: closed, type: 'bar', barMaxWidth: 16, data: data.months.map((m) => m.closed) },
    ],
  };
  return (
    <EChart
      testId="chart-account-flow"
      label={t('dashboard.flow.title')}
      option={option}
      table={{
        columns: [t('month'), opened, closed],
        rows: data.months.map((m) => [m.month, m.opened, m.closed]),
      }}
    />
  );
}
