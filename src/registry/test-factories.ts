import { checkDigit } from '../gs1/index.ts';
import { taxCodeCheckDigit } from './tax-code.ts';

/** A valid tax code from a counter (skipping bodies the tax authority never issues). */
export function taxCodeFor(n: number): string {
  for (let body = 300000000 + n * 7; ; body++) {
    const check = taxCodeCheckDigit(String(body));
    if (check !== null) return `${body}${check}`;
  }
}

export const gtin13 = (twelveDigits: string) => `${twelveDigits}${checkDigit(twelveDigits)}`;
export const gln = (twelveDigits: string) => `${twelveDigits}${checkDigit(twelveDigits)}`;

export const organisationBody = (n: number, overrides: Record<string, unknown> = {}) => ({
  name: `Công ty TNHH Thử nghiệm ${n}`,
  taxCode: taxCodeFor(n),
  type: 'enterprise',
  sector: 'agriculture',
  communeCode: '75W010',
  streetAddress: `${n} đường Hùng Vương`,
  ...overrides,
});
