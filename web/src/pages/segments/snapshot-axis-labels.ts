import type { Snapshot } from '../../../../src/segments/schema';
import { formatDateTime, shanghaiParts } from '../../app/format';

/**
 * Each snapshot's label on the history chart: the day its data describes (the portfolio's as-of date), since
 * that is what its size is a size of. Snapshots of the same day are told apart by the time each was taken
 * (2026-09-30 14:05), to the second when they were taken within one minute. A snapshot without an as-of
 * date is labelled by when it was taken.
 */
export function snapshotAxisLabels(snapshots: readonly Snapshot[], locale: string): string[] {
  const minute = (s: Snapshot) => {
    const at = shanghaiParts(new Date(s.takenAt));
    return `${s.asOf} ${at.hour}:${at.minute}`;
  };
  // Shanghai is a whole number of hours from UTC, so the seconds are the same in either.
  const second = (s: Snapshot) =>
    `${minute(s)}:${String(new Date(s.takenAt).getUTCSeconds()).padStart(2, '0')}`;
  const perDay = countBy(snapshots, (s) => s.asOf ?? '');
  const perMinute = countBy(snapshots, minute);
  return snapshots.map((s) => {
    if (s.asOf === null) return formatDateTime(s.takenAt, locale);
    if ((perDay.get(s.asOf) ?? 0) < 2) return s.asOf;
    return (perMinute.get(minute(s)) ?? 0) < 2 ? minute(s) : second(s);
  });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
