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

// The usual screen-reader-only box. It wraps the table because a table grows to its content whatever its width.
const visuallyHidden = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  border: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
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
      <div style={visuallyHidden}>
        <table data-testid={`${testId}-data`} aria-label={label}>
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
    </div>
  );
}
