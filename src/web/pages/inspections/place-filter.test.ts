import { describe, expect, it } from 'vitest';
import { monthDays, placeFilterFromAddress } from './place-filter.ts';

describe('the inspections page opened from a dashboard figure', () => {
  it('takes the sector, commune and days from the address, and nothing else', () => {
    expect(
      placeFilterFromAddress('?sector=agriculture&communeCode=75W001&from=2026-01-01&to=2026-06-30&page=2'),
    ).toEqual({ sector: 'agriculture', communeCode: '75W001', from: '2026-01-01', to: '2026-06-30' });
    expect(placeFilterFromAddress('?from=2026-1-1&sector=fishing')).toBeNull();
    expect(placeFilterFromAddress('?organisationId=x')).toBeNull();
  });

  it('turns the dashboard’s months into the days they cover', () => {
    expect(monthDays('2026-01', '2026-02')).toEqual({ from: '2026-01-01', to: '2026-02-28' });
    expect(monthDays('2023-03', '2024-02')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(monthDays('2026-12', '2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
