// The console's chart colours, close to antd's so charts and components read as one product.
export const chartPalette = [
  '#1677ff',
  '#13c2c2',
  '#faad14',
  '#722ed1',
  '#52c41a',
  '#eb2f96',
  '#fa8c16',
  '#2f54eb',
  '#a0d911',
  '#f5222d',
  '#08979c',
  '#d4b106',
  '#9254de',
  '#597ef7',
  '#ff7a45',
  '#8c8c8c',
];

export const openedColor = '#1677ff';
export const closedColor = '#ff7875';
export const spendColor = '#1677ff';
export const countColor = '#faad14';
