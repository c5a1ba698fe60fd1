// Money is CNY with two decimals: DECIMAL(18,2) in the store. Sums come back from DuckDB as DECIMAL(38,2)
// and are cast to DOUBLE before they reach JavaScript; this rounds display values the same way everywhere.
export function roundYuan(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatYuan(value: number, locale: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(value);
}
