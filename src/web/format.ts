import i18next from 'i18next';

const zone = 'Asia/Ho_Chi_Minh';
const locale = () => (i18next.language === 'en' ? 'en-GB' : 'vi-VN');

const partsIn = (date: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: get('day'),
    month: get('month'),
    year: get('year'),
    hour: get('hour'),
    minute: get('minute'),
  };
};

/**
 * Times are stored in UTC and shown in the province's time zone as dd/mm/yyyy hh:mm, the way both Vietnamese
 * and British readers write them (browsers' locale data differ, so the pattern is fixed here).
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const p = partsIn(date, zone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  // A calendar date has no time zone; a timestamp is shown as a date in the province.
  const p = partsIn(date, value.length === 10 ? 'UTC' : zone);
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale()).format(value);
}
