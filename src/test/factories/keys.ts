import crypto from 'node:crypto';
import { checkDigit } from '../../gs1/index.ts';
import { taxCodeCheckDigit } from '../../registry/index.ts';

const randomDigits = (n: number) => Array.from({ length: n }, () => crypto.randomInt(10)).join('');

/**
 * A GTIN under GS1 Vietnam's prefix 893, with its check digit: a random GTIN-14 (`0893…`), a random GTIN-13 with
 * `gtin(13)`, or the given body (the digits before the check digit) completed, `gtin('893000100010')`.
 */
export function gtin(from: 13 | 14 | string = 14): string {
  const body = typeof from === 'string' ? from : `${from === 14 ? '0' : ''}893${randomDigits(9)}`;
  return `${body}${checkDigit(body)}`;
}

/** A GLN under 893: random, or the given twelve digits completed with their check digit. */
export function gln(body = `893${randomDigits(9)}`): string {
  return `${body}${checkDigit(body)}`;
}

/** An SSCC (extension digit 0, prefix 893): random, or the given seventeen digits completed. */
export function sscc(body = `0893${randomDigits(13)}`): string {
  return `${body}${checkDigit(body)}`;
}

/** A valid ten-digit tax code: random, or the same one for the same `n` (for a request body a test sends twice). */
export function taxCode(n?: number): string {
  const body = n === undefined ? randomDigits(9) : String(300_000_000 + n * 7);
  return `${body}${taxCodeCheckDigit(body)}`;
}
