/** GS1 identification keys by kind: format and check digit (or check-character pair). */
import { aiDefinition } from './ai-table.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { Gs1Error } from './errors.ts';
import { validateAiValue } from './validate.ts';

/** The AI that carries each kind of key; its dictionary entry gives the format and the linters. */
export const KEY_AIS = {
  gtin: '01',
  sscc: '00',
  gln: '414',
  pgln: '417',
  gsrn: '8018',
  gsrnp: '8017',
  grai: '8003',
  giai: '8004',
  gdti: '253',
  gcn: '255',
  gsin: '402',
  ginc: '401',
  gmn: '8013',
  cpid: '8010',
  itip: '8006',
} as const;

export type KeyKind = keyof typeof KEY_AIS;

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Throws Gs1Error (`gs1.invalidKey`, `gs1.checkDigit`, …) when `value` is not a valid key of that kind. */
export function validateKey(kind: string, value: string): void {
  const ai = (KEY_AIS as Record<string, string>)[kind];
  if (!ai) throw new Gs1Error('gs1.unknownKeyKind', { kind });
  if (kind === 'gtin') {
    if (!GTIN_LENGTHS.has(value.length) || !/^\d+$/.test(value))
      throw new Gs1Error('gs1.invalidKey', { kind });
    if (!hasValidCheckDigit(value)) throw new Gs1Error('gs1.checkDigit', { ai: '01' });
    return;
  }
  try {
    validateAiValue(aiDefinition(ai)!, value, true);
  } catch (err) {
    if (err instanceof Gs1Error && err.code !== 'gs1.checkDigit' && err.code !== 'gs1.checkPair') {
      throw new Gs1Error('gs1.invalidKey', { kind, reason: err.code, ...err.params });
    }
    throw err;
  }
}

export function isValidKey(kind: string, value: string): boolean {
  try {
    validateKey(kind, value);
    return true;
  } catch (err) {
    if (err instanceof Gs1Error) return false;
    throw err;
  }
}

/** GTIN-8, -12, -13 or -14 with a correct check digit. */
export const isValidGtin = (s: string) => GTIN_LENGTHS.has(s.length) && hasValidCheckDigit(s);

/** 13-digit GLN with a correct check digit. */
export const isValidGln = (s: string) => s.length === 13 && hasValidCheckDigit(s);

/** Kinds whose format a bare digit string of this length fits (used when the kind is not said). */
export function keyKindsForDigits(value: string): KeyKind[] {
  if (!/^\d+$/.test(value)) return [];
  switch (value.length) {
    case 8:
    case 12:
    case 14:
      return ['gtin'];
    case 13:
      return ['gtin', 'gln', 'pgln'];
    case 17:
      return ['gsin'];
    case 18:
      return ['sscc', 'gsrn', 'gsrnp'];
    default:
      return [];
  }
}
