import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';
import { currentLocale, persistLocale, type Locale } from './locale';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: currentLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false, // resources are bundled: translate on the first render, no flash of keys
});
// Written at start-up too, not only on a switch: the server must answer in the language the console shows,
// whatever the browser's Accept-Language says.
persistLocale(i18n.language as Locale);

export async function switchLocale(locale: Locale): Promise<void> {
  persistLocale(locale);
  await i18n.changeLanguage(locale);
}
