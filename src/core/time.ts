// Timestamps are stored in UTC and shown in Asia/Shanghai. China has kept UTC+8 without daylight saving
// since 1991, so a fixed offset converts exactly and costs nothing in SQL (no ICU time-zone lookups).
export const shanghaiOffsetHours = 8;
export const timeZone = 'Asia/Shanghai';
const offsetMs = shanghaiOffsetHours * 3_600_000;

/** The Shanghai calendar day (YYYY-MM-DD) of a UTC instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
}

/** The UTC instant of a Shanghai wall-clock time, e.g. ('2025-01-01', 9) → 2025-01-01T01:00:00Z. */
export function fromShanghai(date: string, hour = 0, minute = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - offsetMs);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Formats a UTC instant for people in Shanghai time: 2025-01-01 09:00. */
export function formatShanghai(instant: Date): string {
  return new Date(instant.getTime() + offsetMs).toISOString().slice(0, 16).replace('T', ' ');
}
