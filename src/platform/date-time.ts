import { z } from 'zod';
import { defineMessages } from './i18n.ts';

/**
 * ISO 8601 date-times as EPCIS and the query parameters carry them: date, `T`, hours and minutes, optional seconds
 * and fraction, and a zone (`Z` or ±hh:mm). Seconds are optional because the EPCIS query binding accepts them so;
 * the capture schema requires them on its own.
 */
const shape =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

/** The instants PostgreSQL and JavaScript agree on: year 1 to 9999 in UTC (PostgreSQL has no year 0). */
const earliest = Date.parse('0001-01-01T00:00:00Z');
const latest = Date.parse('9999-12-31T23:59:59.999Z');

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * Whether `text` names an instant that exists: month 1–12, a day the month has, hour 0–23 (or 24:00:00 exactly,
 * as XML Schema allows), minutes and seconds 0–59, an offset within ±14:00. JavaScript's parser rolls 31 February
 * over to March and PostgreSQL refuses it, so a loose check let such a time through to a database error.
 */
export function isRealDateTime(text: string): boolean {
  const m = shape.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  if (minute > 59 || second > 59) return false;
  const fractionIsZero = !m[7] || /^0+$/.test(m[7]);
  if (hour > 24 || (hour === 24 && (minute !== 0 || second !== 0 || !fractionIsZero))) return false;
  if (!m[8] && !isOffset(Number(m[10]), Number(m[11]))) return false;
  const instant = Date.parse(text);
  return !Number.isNaN(instant) && instant >= earliest && instant <= latest;
}

/** Offsets in use on Earth run from −12:00 to +14:00; ±14:00 bounds both sides, as for eventTimeZoneOffset. */
function isOffset(hours: number, minutes: number): boolean {
  return minutes <= 59 && (hours < 14 || (hours === 14 && minutes === 0));
}

/**
 * Schemas for dates and date-times that PostgreSQL can store. zod's own take year 0 (PostgreSQL has none: the
 * cast failed with a 500) and offsets up to ±23:59; these refuse both with 400 `field.dateRange`.
 */
export const storableDate = () =>
  z.iso.date().refine((value) => !value.startsWith('0000'), { params: { code: 'field.dateRange' } });

export const storableDateTime = () =>
  z.iso.datetime({ offset: true }).refine(isRealDateTime, { params: { code: 'field.dateRange' } });

defineMessages({
  'field.dateRange': {
    vi: 'ngày giờ không lưu được: năm phải từ 0001 đến 9999, múi giờ trong ±14:00',
    en: 'cannot be stored: the year must be 0001 to 9999 and the offset within ±14:00',
  },
});
