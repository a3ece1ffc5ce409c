import { describe, expect, it } from 'vitest';
import { isValidTaxCode, normaliseTaxCode, taxCodeCheckDigit } from './tax-code.ts';

describe('tax code (mã số thuế)', () => {
  it('accepts a ten-digit code whose check digit is right', () => {
    // 0+29+0+0+17+0+63+5+0 = 114; 114 mod 11 = 4; 10 − 4 = 6
    expect(taxCodeCheckDigit('010010910')).toBe(6);
    expect(isValidTaxCode('0100109106')).toBe(true);
  });

  it('rejects a wrong check digit, wrong lengths and letters', () => {
    expect(isValidTaxCode('0100109107')).toBe(false);
    expect(isValidTaxCode('010010910')).toBe(false);
    expect(isValidTaxCode('01001091061')).toBe(false);
    expect(isValidTaxCode('01001O9106')).toBe(false);
  });

  it('accepts a branch code with or without the dash and writes it with the dash', () => {
    expect(normaliseTaxCode('0100109106-001')).toBe('0100109106-001');
    expect(normaliseTaxCode('0100109106001')).toBe('0100109106-001');
    expect(normaliseTaxCode('0100109106-000')).toBeNull();
    expect(normaliseTaxCode('0100109107-001')).toBeNull();
  });

  it('writes the check digit 0 when the remainder is 0', () => {
    let body = '';
    for (let n = 100000000; !body; n++) {
      const candidate = String(n);
      const sum = [31, 29, 23, 19, 17, 13, 7, 5, 3].reduce((a, w, i) => a + w * Number(candidate[i]), 0);
      if (sum % 11 === 0) body = candidate;
    }
    expect(taxCodeCheckDigit(body)).toBe(0);
    expect(isValidTaxCode(`${body}0`)).toBe(true);
    expect(isValidTaxCode(`${body}1`)).toBe(false);
  });
});
