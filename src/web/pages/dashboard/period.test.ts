import { describe, expect, it } from 'vitest';
import { monthWords, periodOf, thisMonth } from './period.ts';

describe('the dashboard’s period', () => {
  // 31/12/2026 at 18:00 UTC is already 01/01/2027 in Vietnam
  const newYearInVietnam = Date.parse('2026-12-31T18:00:00Z');

  it('takes the month in Vietnam time', () => {
    expect(thisMonth(newYearInVietnam)).toBe('2027-01');
  });

  it('is January to this month for “this year”, and twelve months back across the year for “last 12 months”', () => {
    const now = Date.parse('2026-03-15T03:00:00Z');
    expect(periodOf({ preset: 'year', from: '', to: '' }, now)).toEqual({ from: '2026-01', to: '2026-03' });
    expect(periodOf({ preset: 'last12', from: '', to: '' }, now)).toEqual({ from: '2025-04', to: '2026-03' });
    expect(periodOf({ preset: 'last12', from: '', to: '' }, newYearInVietnam)).toEqual({
      from: '2026-02',
      to: '2027-01',
    });
  });

  it('keeps the months chosen', () => {
    expect(periodOf({ preset: 'custom', from: '2025-06', to: '2025-09' })).toEqual({
      from: '2025-06',
      to: '2025-09',
    });
    expect(monthWords('2025-06')).toBe('06/2025');
  });
});
