import type { Period } from './formula.ts';

const dayMs = 86_400_000;
const asDay = (d: string) => new Date(`${d}T00:00:00Z`).getTime();
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period's instants in Vietnam time (UTC+7 all year): from 00:00 of `from` to the end of `to` (exclusive). */
export function periodBounds(period: Period): { start: string; end: string } {
  return {
    start: new Date(`${period.from}T00:00:00+07:00`).toISOString(),
    end: new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + dayMs).toISOString(),
  };
}

/** The period of the same number of days just before this one. */
export function previousPeriod(period: Period): Period {
  const days = (asDay(period.to) - asDay(period.from)) / dayMs + 1;
  const to = asDay(period.from) - dayMs;
  return { from: fromDay(to - (days - 1) * dayMs), to: fromDay(to) };
}

/** The calendar year as a period. */
export const yearPeriod = (year: number): Period => ({ from: `${year}-01-01`, to: `${year}-12-31` });
