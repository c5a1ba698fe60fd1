import { Flex, Progress, Typography } from 'antd';

/** A share as a bar: full and green is clean data; anything under 95% is worth a look, under 80% is a problem. */
export function ShareBar({ share, testId }: { readonly share: number; readonly testId?: string }) {
  const percent = share * 100;
  const color = percent >= 99.5 ? '#52c41a' : percent >= 95 ? '#1677ff' : percent >= 80 ? '#faad14' : '#ff4d4f';
  return (
    <Flex align="center" gap={6} data-testid={testId} data-value={share} style={{ whiteSpace: 'nowrap' }}>
      {/* Fixed width: a line Progress otherwise fills its cell and leaves the figure far from its bar. */}
      <Progress percent={percent} showInfo={false} size={[56, 6]} strokeColor={color} style={{ margin: 0, lineHeight: 1, width: 56, flex: 'none' }} />
      <Typography.Text style={{ fontSize: 12, minWidth: 40, textAlign: 'right' }}>
        {percent.toFixed(percent >= 99.95 || percent === 0 ? 0 : 1)}%
      </Typography.Text>
    </Flex>
  );
}
