import i18next from 'i18next';

const zone = 'Asia/Ho_Chi_Minh';
const locale = () => (i18next.language === 'en' ? 'en-GB' : 'vi-VN');

/** Times are stored in UTC and shown in the province's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(
    date,
  );
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    // A calendar date has no time zone; a timestamp is shown as a date in the province.
    timeZone: value.length === 10 ? 'UTC' : zone,
  }).format(date);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale()).format(value);
}
