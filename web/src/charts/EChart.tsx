import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts, type EChartsCoreOption } from './echarts-setup';

/** The numbers behind a chart, as rows of a table: read by screen readers and by the browser tests. */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

interface EChartProps {
  readonly testId: string;
  readonly option: EChartsCoreOption;
  readonly table: ChartTable;
  /** What the chart shows, for assistive technology. */
  readonly label: string;
  readonly height?: number;
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * An echarts chart with its data beside it in a visually hidden table (`data-testid="<testId>-data"`),
 * raw numbers unformatted so that what a test reads is exactly what the server sent.
 */
export function EChart({ testId, option, table, label, height = 320 }: EChartProps) {
  return (
    <div data-testid={testId} style={{ position: 'relative' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
        aria-hidden
      />
      <table data-testid={`${testId}-data`} aria-label={label} style={visuallyHidden}>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (
                <td key={table.columns[i] ?? i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
