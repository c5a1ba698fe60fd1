import { useTranslation } from 'react-i18next';
import { formatCompactMoney, formatMoney, formatPercent } from '../app/format';
import { EChart } from '../charts/EChart';
import { spendColor } from '../charts/palette';

export interface CategoryBar {
  readonly category: string;
  readonly spend: number;
  readonly txnCount: number;
  /** Of the spend the chart covers, 0 to 1. */
  readonly share: number;
}

interface CategoryBarChartProps {
  /** Largest first, as the server sorts them. */
  readonly bars: readonly CategoryBar[];
  readonly testId: string;
  readonly label: string;
  /** The head of the hidden table's category column. */
  readonly categoryHeader: string;
  /** The page's keys for the other column heads: `<texts>.spend` (the series too), `.txnCount`, `.share`. */
  readonly texts: string;
  /** Digits after the point: one customer's spend is read to the fen, a portfolio's to the yuan. */
  readonly precision: { readonly money: number; readonly share: number };
  readonly height?: number;
}

/**
 * Spend by category as sorted horizontal bars, each labelled with its share: with a dozen or more
 * categories, bars stay readable where a ring's labels and legend would collide.
 */
export function CategoryBarChart({
  bars,
  testId,
  label,
  categoryHeader,
  texts,
  precision,
  height,
}: CategoryBarChartProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const spendHeader = t(`${texts}.spend`);
  const labelOf = (category: string) => t(`category.${category}`, { defaultValue: category });
  // Largest at the top: echarts draws the first category at the bottom of a vertical axis.
  const rows = [...bars].reverse();
  const option = {
    color: [spendColor],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items: Array<{ dataIndex: number }>) => {
        const bar = rows[items[0]?.dataIndex ?? -1];
        return bar
          ? `${labelOf(bar.category)}<br/>${formatMoney(bar.spend, locale, precision.money)} · ${bar.txnCount} · ${formatPercent(bar.share, locale)}`
          : '';
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      // Spend in yuan: the axis says so (¥1万), as the tooltip does.
      axisLabel: { formatter: (v: number) => formatCompactMoney(v, locale) },
    },
    yAxis: {
      type: 'category',
      data: rows.map((bar) => labelOf(bar.category)),
      axisTick: { show: false },
      // Every category named: echarts would otherwise skip labels it finds crowded.
      axisLabel: { interval: 0, fontSize: 11 },
    },
    series: [
      {
        name: spendHeader,
        type: 'bar',
        barMaxWidth: 12,
        itemStyle: { borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          fontSize: 10,
          color: '#8c8c8c',
          formatter: (p: { dataIndex: number }) =>
            formatPercent(rows[p.dataIndex]?.share ?? 0, locale, precision.share),
        },
        data: rows.map((bar) => bar.spend),
      },
    ],
  };
  return (
    <EChart
      testId={testId}
      label={label}
      height={height}
      option={option}
      table={{
        columns: ['category', categoryHeader, spendHeader, t(`${texts}.txnCount`), t(`${texts}.share`)],
        rows: bars.map((bar) => [bar.category, labelOf(bar.category), bar.spend, bar.txnCount, bar.share]),
      }}
    />
  );
}
