import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { switchLocale } from '../i18n/i18n';
import type { Locale } from '../i18n/locale';

const options: Array<{ value: Locale; label: string }> = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en-US', label: 'English' },
];

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <Select<Locale>
      data-testid="language-switch"
      aria-label={t('header.language')}
      value={i18n.language as Locale}
      options={options}
      prefix={<GlobalOutlined />}
      variant="borderless"
      style={{ width: 140 }}
      popupMatchSelectWidth={false}
      onChange={(locale) => {
        // Server-side texts (error messages, reasons) come back in the new language on the next fetch.
        void switchLocale(locale).then(() => queryClient.invalidateQueries());
      }}
    />
  );
}
