import { describe, expect, it } from 'vitest';
import { parseDayMonthYear } from './day-month-year.ts';

describe('dates typed day first', () => {
  it('reads the day before the month, as written in Vietnam', () => {
    expect(parseDayMonthYear('05/12/2026')).toBe('2026-12-05');
    expect(parseDayMonthYear('5/6/2026')).toBe('2026-06-05');
    expect(parseDayMonthYear(' 19.12.2026 ')).toBe('2026-12-19');
  });

  it('refuses a day that does not exist and text that is not a date', () => {
    expect(parseDayMonthYear('31/02/2026')).toBeNull();
    expect(parseDayMonthYear('12/19/2026')).toBeNull();
    expect(parseDayMonthYear('2026-12-05')).toBeNull();
    expect(parseDayMonthYear('hôm qua')).toBeNull();
  });
});
