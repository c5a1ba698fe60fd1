// Compact times for the recent-jobs table, where a job must fit on one line. The full time is in a tooltip.
import type { TFunction } from 'i18next';
import { shanghaiParts } from '../../app/format';

/**
 * A Shanghai wall-clock time without the year when it is this year (`06-30 14:05`), since recent jobs nearly
 * always are; with it otherwise (`2024-12-31 23:50`). The same digits read in both languages.
 */
export function formatJobTime(instant: string, now: Date = new Date()): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const at = shanghaiParts(date);
  const monthDay = `${at.month}-${at.day} ${at.hour}:${at.minute}`;
  return at.year === shanghaiParts(now).year ? monthDay : `${at.year}-${monthDay}`;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** 4.2 s under a minute, then 3m 07s, then 1h 05m (4.2 秒, 3分07秒, 1小时05分): short enough for one line. */
export function formatJobDuration(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('jobs.seconds', { value: seconds.toFixed(1) });
  const whole = Math.floor(seconds);
  if (whole < 3600)
    return t('jobs.minutesSeconds', { minutes: Math.floor(whole / 60), seconds: twoDigits(whole % 60) });
  return t('jobs.hoursMinutes', {
    hours: Math.floor(whole / 3600),
    minutes: twoDigits(Math.floor((whole % 3600) / 60)),
  });
}
