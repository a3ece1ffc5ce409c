import { describe, expect, it } from 'vitest';
import { loadVectors } from '../test/index.ts';
import { checkCharacterPair, checkDigit, hasValidCheckDigit, hasValidCheckDigitAt } from './check-digit.ts';
import { Gs1Error } from './errors.ts';
import { isValidGln, isValidGtin, isValidKey, validateKey } from './keys.ts';
import { lint } from './linters.ts';

interface CheckCase {
  scheme: string;
  key?: string;
  value: string;
  valid: boolean;
  expected_error?: string | null;
  position?: number;
  derived_from_epc_urn?: string;
}

const { cases } = loadVectors<CheckCase>('check-digits/check-digit-vectors.json');

describe('check-digits/check-digit-vectors.json', () => {
  it.each(cases.map((c, i) => [`${i}: ${c.scheme} ${c.key ?? ''} ${JSON.stringify(c.value)}`, c] as const))(
    '%s',
    (_, c) => {
      if (c.scheme === 'gs1-mod10' && c.expected_error !== undefined) {
        const failure = lint('csum', c.value);
        expect(failure ? `GS1_LINTER_${failure.error}` : null).toBe(c.expected_error);
      } else if (c.position !== undefined) {
        expect(hasValidCheckDigitAt(c.value, c.position)).toBe(c.valid);
      } else if (c.derived_from_epc_urn) {
        // The key body an EPC URN converter computed: its check digit is the last one.
        expect(hasValidCheckDigit(c.value)).toBe(c.valid);
      } else if (c.scheme === 'gs1-mod10') {
        // A whole key as it appears in a Digital Link (GDTI/GCN/GRAI carry a serial after the check digit).
        expect(isValidKey(c.key!.toLowerCase(), c.value)).toBe(c.valid);
      } else {
        const failure = lint('csumalpha', c.value);
        expect(failure ? `GS1_LINTER_${failure.error}` : null).toBe(c.expected_error);
      }
    },
  );
});

describe('check digit functions', () => {
  it('computes the digit and the pair', () => {
    expect(checkDigit('893456789012')).toBe('0'); // 8·1+9·3+3·1+4·3+5·1+6·3+7·1+8·3+9·1+0·3+1·1+2·3 = 120
    expect(checkDigit('0952012345678')).toBe('8');
    expect(checkCharacterPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
    expect(() => checkDigit('12a')).toThrow(RangeError);
  });
  it('validates keys by kind with clear codes', () => {
    expect(isValidGtin('09520123456788')).toBe(true);
    expect(isValidGtin('9520123456788')).toBe(true);
    expect(isValidGtin('9520123456789')).toBe(false);
    expect(isValidGtin('952012345678')).toBe(false);
    expect(isValidGln('9520123456788')).toBe(true);
    expect(isValidGln('09520123456788')).toBe(false);
    const codeOf = (kind: string, value: string) => {
      try {
        validateKey(kind, value);
        return 'ok';
      } catch (err) {
        return err instanceof Gs1Error ? err.code : 'crash';
      }
    };
    expect(codeOf('sscc', '006141411234567890')).toBe('ok');
    expect(codeOf('sscc', '006141411234567891')).toBe('gs1.checkDigit');
    expect(codeOf('gln', '95201234567')).toBe('gs1.invalidKey');
    expect(codeOf('gmn', '1987654Ad4X4bL5ttr2310c2K')).toBe('ok');
    expect(codeOf('gmn', '1987654Ad4X4bL5ttr2310cXK')).toBe('gs1.checkPair');
    expect(codeOf('grai', '04012345000221334455')).toBe('ok');
    expect(codeOf('gsin', '40123452223334442')).toBe('ok');
    expect(codeOf('bogus', '1')).toBe('gs1.unknownKeyKind');
  });
});
