/**
 * Vietnamese tax codes (mã số thuế): ten digits whose tenth is a check digit over the first nine, weights
 * 31, 29, 23, 19, 17, 13, 7, 5, 3, check = 10 − (sum mod 11). A dependent unit (branch) adds a dash and a
 * three-digit number that is not 000. When the remainder is 0 the formula gives 10; validators in use write it
 * as 0, and rejecting a real code would block a business, so 0 is accepted there.
 */
const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export function taxCodeCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) return null;
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(firstNine[i]), 0);
  return (10 - (sum % 11)) % 10;
}

/** Returns the canonical form (`0123456789` or `0123456789-001`), or null when the code is not valid. */
export function normaliseTaxCode(input: string): string | null {
  const match = /^(\d{10})(?:-?(\d{3}))?$/.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return null;
  const [, main, branch] = match;
  if (branch === '000') return null;
  if (taxCodeCheckDigit(main.slice(0, 9)) !== Number(main[9])) return null;
  return branch ? `${main}-${branch}` : main;
}

export const isValidTaxCode = (input: string) => normaliseTaxCode(input) !== null;
