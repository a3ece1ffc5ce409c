import { describe, expect, it } from 'vitest';
import { localToday } from './local-date.ts';

describe('the province calendar day', () => {
  it('is already tomorrow in Vietnam from 17:00 UTC, and still today before', () => {
    expect(localToday(Date.parse('2026-12-04T17:30:00Z'))).toBe('2026-12-05');
    expect(localToday(Date.parse('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
  });
});
