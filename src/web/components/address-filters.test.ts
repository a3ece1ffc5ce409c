import { describe, expect, it } from 'vitest';
import { addressFilters } from './address-filters.ts';

describe('a list’s filters from the page’s address', () => {
  it('keeps the named parameters with an allowed value', () => {
    expect(
      addressFilters(
        { sector: ['agriculture', 'health'], communeCode: null },
        '?sector=agriculture&communeCode=75W001&page=3',
      ),
    ).toEqual({ sector: 'agriculture', communeCode: '75W001' });
  });

  it('drops a value outside the list and empty parameters', () => {
    expect(
      addressFilters({ sector: ['agriculture'], communeCode: null }, '?sector=fishing&communeCode='),
    ).toEqual({});
  });
});
