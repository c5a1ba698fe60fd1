import { Progress } from 'antd';

/** A share as a bar: full and green is clean data; anything under 95% is worth a look, under 80% is a problem. */
export function ShareBar({ share, testId }: { readonly share: number; readonly testId?: string }) {
  const percent = share * 100;
  const color =
    percent >= 99.5 ? '#52c41a' : percent >= 95 ? '#1677ff' : percent >= 80 ? '#faad14' : '#ff4d4f';
  return (
    <Progress
      data-testid={testId}
      data-value={share}
      percent={percent}
      size="small"
      strokeColor={color}
      format={() => `${percent.toFixed(percent >= 99.95 || percent === 0 ? 0 : 1)}%`}
      style={{ minWidth: 110, marginBottom: 0 }}
    />
  );
}
