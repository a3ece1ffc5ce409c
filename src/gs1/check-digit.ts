/**
 * GS1 check digits: the mod-10 digit of GTIN, GLN, SSCC, GSRN, GDTI, GRAI, GSIN… (weights 3,1 from the right)
 * and the check-character pair of AI 8013 (GMN) and 8010-like keys.
 */

/** The mod-10 check digit for the digits that precede it. Throws on a non-digit. */
export function checkDigit(digitsWithoutCheck: string): string {
  let sum = 0;
  let weight = 3;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    const d = digitsWithoutCheck.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`not a digit: "${digitsWithoutCheck[i]}"`);
    sum += d * weight;
    weight = 4 - weight;
  }
  return String((10 - (sum % 10)) % 10);
}

const ALL_DIGITS = /^\d+$/;

/** True when the last digit of `key` is the mod-10 check digit of the digits before it. */
export function hasValidCheckDigit(key: string): boolean {
  if (key.length < 2 || !ALL_DIGITS.test(key)) return false;
  return checkDigit(key.slice(0, -1)) === key[key.length - 1];
}

/** True when the digit at 1-based `position` (or the last one when -1) checks the digits before it. */
export function hasValidCheckDigitAt(value: string, position: number): boolean {
  const end = position === -1 ? value.length : position;
  return end >= 2 && end <= value.length && hasValidCheckDigit(value.slice(0, end));
}

/** CSET 82 in the order that gives each character its value for the check-character pair. */
export const CSET82 = '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const PRIMES = [
  2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103,
  107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223,
  227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317, 331, 337, 347,
  349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457, 461, 463,
  467, 479, 487, 491, 499, 503, 509,
];

/** Longest value (check pair included) the reference implementation accepts: 97 weighted characters. */
export const CHECK_PAIR_MAX_LENGTH = 99;

/** The two check characters for `value` (without its pair), or null when a character is outside CSET 82. */
export function checkCharacterPair(value: string): string | null {
  let sum = 0;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const v = CSET82.indexOf(value[i]);
    if (v < 0) return null;
    sum += v * PRIMES[n - 1 - i];
  }
  sum %= 1021;
  return CSET32[sum >> 5] + CSET32[sum & 31];
}
