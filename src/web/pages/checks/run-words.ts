import { formatNumber } from '../../format.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** How long a run took, in words: "dưới 1 giây", "12 giây", "2 phút 5 giây". */
export function durationWords(t: T, ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return t('checks.duration.underSecond');
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return t('checks.duration.seconds', { count: seconds });
  return t('checks.duration.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** The schedule in words: "mỗi 60 phút", "mỗi 2 giờ", or that the checks run only on demand. */
export function scheduleWords(t: T, minutes: number): string {
  if (minutes <= 0) return t('checks.schedule.onDemand');
  const every =
    minutes % 60 === 0
      ? t('checks.schedule.hours', { count: minutes / 60, n: formatNumber(minutes / 60) })
      : t('checks.schedule.minutes', { count: minutes, n: formatNumber(minutes) });
  return t('checks.schedule.every', { every });
}
