import { isValidGtin } from '../gs1/index.ts';
import type { FieldError } from '../platform/index.ts';
import type { LotQuantity } from './stages.schema.ts';

/** GS1 AI 82 character set, which a lot number (AI 10) must use. */
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export function checkLotQuantity(q: LotQuantity, field: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^\d+$/.test(q.gtin) || !isValidGtin(q.gtin))
    errors.push({ field: `${field}/gtin`, code: 'chain.invalidGtin', params: { value: q.gtin } });
  if (!AI82.test(q.lot))
    errors.push({ field: `${field}/lot`, code: 'chain.invalidLot', params: { value: q.lot } });
  return errors;
}

export const checkLotQuantities = (list: LotQuantity[] | undefined, field: string) =>
  (list ?? []).flatMap((q, i) => checkLotQuantity(q, `${field}/${i}`));

/** Form times come from people's phones: allow a few minutes of clock drift, not events in the future. */
export function checkNotFuture(time: string | Date, field: string): FieldError[] {
  return new Date(time).getTime() > Date.now() + 5 * 60_000 ? [{ field, code: 'chain.futureTime' }] : [];
}

/**
 * `YYYY-MM-DD` that names a real day (JavaScript would roll 30 February over into March) in a year PostgreSQL has
 * (it has no year 0).
 */
export const isCalendarDate = (value: string) => {
  const time = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return (
    !Number.isNaN(time) &&
    !value.startsWith('0000') &&
    new Date(time).toISOString().slice(0, 10) === value.slice(0, 10)
  );
};

/** Field errors for every given date (or date-time) that is not a real calendar day. */
export const checkCalendarDates = (dates: Record<string, string | undefined>): FieldError[] =>
  Object.entries(dates).flatMap(([field, value]) =>
    value === undefined || isCalendarDate(value)
      ? []
      : [{ field, code: 'chain.invalidDate', params: { value } }],
  );
