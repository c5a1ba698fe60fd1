import type { ThemeConfig } from 'antd';

// A light, restrained console: white surfaces on a pale grey canvas, one blue accent, Chinese system fonts first.
export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f5f7fa',
      triggerBg: '#ffffff',
      triggerColor: '#595959',
    },
    Menu: { itemSelectedBg: '#e6f4ff', itemBorderRadius: 6 },
    Card: { headerFontSize: 15 },
  },
};
