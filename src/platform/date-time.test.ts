import { describe, expect, it } from 'vitest';
import { isRealDateTime } from './date-time.ts';

describe('isRealDateTime', () => {
  it.each([
    '2024-05-01T08:00:00+07:00',
    '2024-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
    '2024-05-01T08:00+07:00',
    '2024-05-01T08:00:00.123456Z',
    '2024-12-31T24:00:00Z',
    '2024-05-01T08:00:00-12:00',
    '2024-05-01T08:00:00+14:00',
  ])('takes %s', (text) => {
    expect(isRealDateTime(text)).toBe(true);
  });

  it.each([
    ['month 13', '2024-13-01T00:00:00Z'],
    ['month 0', '2024-00-01T00:00:00Z'],
    ['31 February', '2024-02-31T00:00:00Z'],
    ['29 February of a common year', '2023-02-29T00:00:00Z'],
    ['29 February 1900', '1900-02-29T00:00:00Z'],
    ['31 April', '2024-04-31T00:00:00Z'],
    ['day 0', '2024-05-00T00:00:00Z'],
    ['hour 25', '2024-05-01T25:00:00Z'],
    ['24:00 and a second', '2024-05-01T24:00:01Z'],
    ['minute 60', '2024-05-01T08:60:00Z'],
    ['second 60', '2024-05-01T08:00:60Z'],
    ['offset +25:00', '2024-05-01T08:00:00+25:00'],
    ['offset +14:30', '2024-05-01T08:00:00+14:30'],
    ['offset minutes 60', '2024-05-01T08:00:00+07:60'],
    ['year 0', '0000-06-01T00:00:00Z'],
    ['no zone', '2024-05-01T08:00:00'],
    ['a date alone', '2024-05-01'],
    ['words', 'yesterday'],
  ])('refuses %s', (_, text) => {
    expect(isRealDateTime(text)).toBe(false);
  });
});
