// Numbers of any size for people: shares and scores keep their decimals, amounts do not drown in them.
export function formatNumber(value: number, locale: string): string {
  const size = Math.abs(value);
  const digits =
    size === 0 || Number.isInteger(value) ? 0 : size < 1 ? 3 : size < 100 ? 2 : size < 10_000 ? 1 : 0;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}
