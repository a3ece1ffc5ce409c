import type { FieldError } from '../platform/index.ts';

/** The REST binding's query schedule (cron-like; each field a list of numbers and `[a-b]` ranges). */
export interface QuerySchedule {
  second?: string;
  minute?: string;
  hour?: string;
  dayOfMonth?: string;
  month?: string;
  dayOfWeek?: string;
}

const ranges = {
  minute: [0, 59],
  hour: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  dayOfWeek: [1, 7],
} as const;
type Field = keyof typeof ranges;

/** The values one field allows (`null`: any), or an error naming it. */
function readField(field: Field, text: string | undefined): Set<number> | null | FieldError {
  if (text === undefined) return null;
  const [min, max] = ranges[field];
  const values = new Set<number>();
  for (const element of text.split(',')) {
    const m = /^\s*(?:(\d{1,2})|\[(\d{1,2})-(\d{1,2})\])\s*$/.exec(element);
    const from = Number(m?.[1] ?? m?.[2]);
    const to = Number(m?.[1] ?? m?.[3]);
    if (!m || from < min || to > max || from > to)
      return { field, code: 'epcis.schedule.badField', params: { min, max } };
    for (let v = from; v <= to; v++) values.add(v);
  }
  return values;
}

export type ScheduleMatcher = Record<Field, Set<number> | null>;

/**
 * Reads a schedule to the minute (an omitted field allows every value, as in cron; times are UTC). Seconds are
 * not kept apart: `second` may only be absent or "0". Returns the errors, each naming its field under `at`.
 */
export function readSchedule(
  schedule: QuerySchedule,
  at: string,
): { matcher: ScheduleMatcher } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (schedule.second !== undefined && schedule.second.trim() !== '0')
    errors.push({ field: `${at}/second`, code: 'epcis.schedule.secondsUnsupported' });
  const matcher = {} as ScheduleMatcher;
  for (const field of Object.keys(ranges) as Field[]) {
    const read = readField(field, schedule[field]);
    if (read && !(read instanceof Set)) errors.push({ ...read, field: `${at}/${field}` });
    else matcher[field] = read;
  }
  return errors.length ? { errors } : { matcher };
}

const allows = (values: Set<number> | null, v: number) => values === null || values.has(v);

/** The first whole minute after `after` that the schedule names (UTC), within about four years. */
export function nextScheduledTime(matcher: ScheduleMatcher, after: Date): Date {
  const t = new Date(after);
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  const limit = after.getTime() + 4 * 366 * 24 * 3600_000;
  while (t.getTime() < limit) {
    if (!allows(matcher.month, t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
    } else if (!allows(matcher.dayOfMonth, t.getUTCDate()) || !allows(matcher.dayOfWeek, isoWeekday(t))) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
    } else if (!allows(matcher.hour, t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
    } else if (!allows(matcher.minute, t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
    } else return t;
  }
  // a schedule no date meets (31 February): never, in practice
  return new Date(limit);
}

const isoWeekday = (t: Date) => ((t.getUTCDay() + 6) % 7) + 1;
