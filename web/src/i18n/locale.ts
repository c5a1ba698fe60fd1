import { locales } from '../../../src/core/schema';

export type Locale = (typeof locales)[number];

// The choice lives in localStorage for the console and in the `cw_locale` cookie for the server, which
// picks the language of its error messages from it: both must change together.
const storageKey = 'cw_locale';
const cookieName = 'cw_locale';
const defaultLocale: Locale = 'zh-CN';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

function cookieLocale(): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${cookieName}=`))
    ?.slice(cookieName.length + 1);
}

export function currentLocale(): Locale {
  let stored: string | null | undefined;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    stored = undefined; // storage blocked (private mode policies): fall back to the cookie
  }
  if (isLocale(stored)) return stored;
  const fromCookie = cookieLocale();
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export function persistLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // the cookie below still carries the choice
  }
  document.cookie = `${cookieName}=${locale}; path=/; max-age=${365 * 24 * 3600}; samesite=lax`;
  document.documentElement.lang = locale;
}
