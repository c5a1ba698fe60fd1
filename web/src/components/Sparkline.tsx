interface SparklineProps {
  readonly values: ReadonlyArray<number | null>;
  readonly width?: number;
  readonly height?: number;
  readonly testId?: string;
}

/**
 * A tiny SVG line of a value over snapshots. Plain SVG rather than an echarts instance: the 360° page draws
 * one per tag, and ninety canvases would cost more than the page itself.
 */
export function Sparkline({ values, width = 72, height = 20, testId }: SparklineProps) {
  const known = values
    .map((v, i) => ({ v, i }))
    .filter((p): p is { v: number; i: number } => p.v !== null && Number.isFinite(p.v));
  if (known.length === 0) return <span style={{ display: 'inline-block', width, color: '#bfbfbf' }}>—</span>;
  const min = Math.min(...known.map((p) => p.v));
  const max = Math.max(...known.map((p) => p.v));
  const x = (i: number) => (values.length <= 1 ? width / 2 : 2 + (i / (values.length - 1)) * (width - 4));
  const y = (v: number) => (max === min ? height / 2 : height - 2 - ((v - min) / (max - min)) * (height - 4));
  const points = known.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const last = known[known.length - 1] as { v: number; i: number };
  return (
    <svg
      width={width}
      height={height}
      role="img"
      data-testid={testId}
      data-values={values.map((v) => v ?? '').join(',')}
      style={{ verticalAlign: 'middle' }}
    >
      {known.length > 1 && (
        <polyline points={points} fill="none" stroke="#1677ff" strokeWidth={1.5} strokeLinejoin="round" />
      )}
      <circle cx={x(last.i)} cy={y(last.v)} r={2.5} fill="#1677ff" />
    </svg>
  );
}
