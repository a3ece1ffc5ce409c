/**
 * Linters for the North American coupon AIs: 8110 (coupon code) and 8112 (paperless coupon offer).
 * Both are digit strings of fields, several introduced by a variable length indicator (VLI) digit.
 * Error spans follow the GS1 Syntax Tests: a field that is absent marks the whole value, a partial one
 * marks what is there, a bad single digit marks that digit.
 */
import type { Linter, LintFailure } from './linters.ts';

class CouponFailure extends Error {
  readonly failure: LintFailure;
  constructor(failure: LintFailure) {
    super(failure.error);
    this.failure = failure;
  }
}

class Reader {
  pos = 0;
  readonly data: string;
  constructor(data: string) {
    this.data = data;
  }

  private stop(error: string, pos: number, len: number): never {
    throw new CouponFailure({ error: `COUPON_${error}`, pos, len });
  }

  get done(): boolean {
    return this.pos >= this.data.length;
  }

  /** One digit that must be there and be allowed; returns its value. */
  digit(missing: string, invalid: string | null, allowed: (d: number) => boolean = () => true): number {
    if (this.done) this.stop(missing, 0, this.data.length);
    const d = Number(this.data[this.pos]);
    if (invalid && !allowed(d)) this.stop(invalid, this.pos, 1);
    this.pos++;
    return d;
  }

  /** `length` digits that must all be there. */
  field(length: number, truncated: string): string {
    const available = this.data.length - this.pos;
    if (available < length) {
      if (available === 0) this.stop(truncated, 0, this.data.length);
      this.stop(truncated, this.pos, available);
    }
    const value = this.data.slice(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  excess(): void {
    this.stop('EXCESS_DATA', this.pos, this.data.length - this.pos);
  }
}

const range = (lo: number, hi: number) => (d: number) => d >= lo && d <= hi;
const REQUIREMENT_CODE = (d: number) => d <= 4 || d === 9;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validYymmdd(v: string): boolean {
  const yy = Number(v.slice(0, 2));
  const mm = Number(v.slice(2, 4));
  const dd = Number(v.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= (mm === 2 && yy % 4 !== 0 ? 28 : DAYS[mm - 1]);
}

function withDigitsChecked(run: (r: Reader) => void): Linter {
  return (value) => {
    const bad = /\D/.exec(value);
    if (bad) return { error: 'NON_DIGIT_CHARACTER', pos: bad.index, len: 1 };
    try {
      run(new Reader(value));
      return null;
    } catch (err) {
      if (err instanceof CouponFailure) return err.failure;
      throw err;
    }
  };
}

/** A purchase requirement: VLI (1-5), the requirement, its code, the family code. */
function purchase(r: Reader, nth: '1ST' | '2ND' | '3RD'): void {
  const vli = r.digit(
    `MISSING_${nth}_PURCHASE_REQUIREMENT_VLI`,
    `INVALID_${nth}_PURCHASE_REQUIREMENT_LENGTH`,
    range(1, 5),
  );
  r.field(vli, `TRUNCATED_${nth}_PURCHASE_REQUIREMENT`);
  r.digit(
    `MISSING_${nth}_PURCHASE_REQUIREMENT_CODE`,
    `INVALID_${nth}_PURCHASE_REQUIREMENT_CODE`,
    REQUIREMENT_CODE,
  );
  r.field(3, `TRUNCATED_${nth}_PURCHASE_FAMILY_CODE`);
}

/** A further purchase's company prefix: VLI 0-6 (6 + VLI digits) or 9 for "same as the offer's". */
function purchaseGcp(r: Reader, nth: '2ND' | '3RD'): void {
  const vli = r.digit(
    `MISSING_${nth}_PURCHASE_GCP_VLI`,
    `INVALID_${nth}_PURCHASE_GCP_LENGTH`,
    (d) => d <= 6 || d === 9,
  );
  if (vli !== 9) r.field(6 + vli, `TRUNCATED_${nth}_PURCHASE_GCP`);
}

export const couponcode: Linter = withDigitsChecked((r) => {
  const gcpVli = r.digit('MISSING_GCP_VLI', 'INVALID_GCP_LENGTH', range(0, 6));
  r.field(6 + gcpVli, 'TRUNCATED_GCP');
  r.field(6, 'TRUNCATED_OFFER_CODE');
  const saveVli = r.digit('MISSING_SAVE_VALUE_VLI', 'INVALID_SAVE_VALUE_LENGTH', range(1, 5));
  r.field(saveVli, 'TRUNCATED_SAVE_VALUE');
  purchase(r, '1ST');
  let last = 0;
  let expiry: { at: number; date: string } | null = null;
  while (!r.done) {
    const id = Number(r.data[r.pos]);
    if (id <= last || ![1, 2, 3, 4, 5, 6, 9].includes(id)) r.excess();
    const at = r.pos++;
    last = id;
    switch (id) {
      case 1:
        r.digit(
          'MISSING_ADDITIONAL_PURCHASE_RULES_CODE',
          'INVALID_ADDITIONAL_PURCHASE_RULES_CODE',
          range(0, 3),
        );
        purchase(r, '2ND');
        purchaseGcp(r, '2ND');
        break;
      case 2:
        purchase(r, '3RD');
        purchaseGcp(r, '3RD');
        break;
      case 3:
      case 4: {
        const [tooShort, invalid] =
          id === 3
            ? ['TOO_SHORT_FOR_EXPIRATION_DATE', 'INVALID_EXIPIRATION_DATE']
            : ['TOO_SHORT_FOR_START_DATE', 'INVALID_START_DATE'];
        const date = r.field(6, tooShort);
        if (!validYymmdd(date))
          throw new CouponFailure({ error: `COUPON_${invalid}`, pos: r.pos - 6, len: 6 });
        if (id === 3) expiry = { at, date };
        else if (expiry && expiry.date < date) {
          throw new CouponFailure({
            error: 'COUPON_EXPIRATION_BEFORE_START',
            pos: expiry.at,
            len: r.pos - expiry.at,
          });
        }
        break;
      }
      case 5: {
        const vli = r.digit('MISSING_SERIAL_NUMBER_VLI', null);
        r.field(6 + vli, 'TRUNCATED_SERIAL_NUMBER');
        break;
      }
      case 6: {
        const vli = r.digit(
          'MISSING_RETAILER_GCP_OR_GLN_VLI',
          'INVALID_RETAILER_GCP_OR_GLN_LENGTH',
          range(1, 7),
        );
        r.field(6 + vli, 'TRUNCATED_RETAILER_GCP_OR_GLN');
        break;
      }
      default:
        r.digit('MISSING_SAVE_VALUE_CODE', 'INVALID_SAVE_VALUE_CODE', (d) => [0, 1, 2, 5, 6].includes(d));
        r.digit('MISSING_SAVE_VALUE_APPLIES_TO_ITEM', 'INVALID_SAVE_VALUE_APPLIES_TO_ITEM', range(0, 2));
        r.digit('MISSING_STORE_COUPON_FLAG', null);
        r.digit('MISSING_DONT_MULTIPLY_FLAG', 'INVALID_DONT_MULTIPLY_FLAG', range(0, 1));
    }
  }
});

export const couponposoffer: Linter = withDigitsChecked((r) => {
  r.digit('MISSING_FORMAT_CODE', 'INVALID_FORMAT_CODE', range(0, 1));
  const vli = r.digit('MISSING_FUNDER_VLI', 'INVALID_FUNDER_LENGTH', range(0, 6));
  r.field(6 + vli, 'TRUNCATED_FUNDER');
  r.field(6, 'TRUNCATED_OFFER_CODE');
  const serialVli = r.digit('MISSING_SERIAL_NUMBER_VLI', null);
  r.field(6 + serialVli, 'TRUNCATED_SERIAL_NUMBER');
  if (!r.done) r.excess();
});
