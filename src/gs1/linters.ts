/**
 * Content checks ("linters") named by the GS1 Barcode Syntax Dictionary for AI components.
 * Each returns null when the value is fine, or the failure: an error name as the GS1 Syntax Tests spell it
 * (without the `GS1_LINTER_` prefix) and the span of the offending characters.
 */
import { CHECK_PAIR_MAX_LENGTH, CSET82, checkCharacterPair, checkDigit } from './check-digit.ts';
import {
  ISO3166_ALPHA2,
  ISO3166_NUMERIC,
  ISO4217_NUMERIC,
  MEDIA_TYPES,
  PACKAGE_TYPES,
} from './code-lists.ts';
import { couponcode, couponposoffer } from './lint-coupon.ts';

export interface LintFailure {
  readonly error: string;
  readonly pos: number;
  readonly len: number;
}
export type Linter = (value: string) => LintFailure | null;

const fail = (error: string, pos: number, len: number): LintFailure => ({ error, pos, len });
const whole = (error: string, value: string) => fail(error, 0, value.length);

const CSET82_CHARS = new Set(CSET82);
const CSET39 = /[^#\-/0-9A-Z]/;
const CSET64_CHAR = /[^A-Za-z0-9\-_]/;
const NON_DIGIT = /\D/;

function firstMatch(value: string, re: RegExp, error: string): LintFailure | null {
  const m = re.exec(value);
  return m ? fail(error, m.index, 1) : null;
}

const csetNumeric: Linter = (v) => firstMatch(v, NON_DIGIT, 'NON_DIGIT_CHARACTER');

const cset82: Linter = (v) => {
  for (let i = 0; i < v.length; i++)
    if (!CSET82_CHARS.has(v[i])) return fail('INVALID_CSET82_CHARACTER', i, 1);
  return null;
};

const cset64: Linter = (v) => {
  const padStart = v.search(/=+$/);
  const data = padStart >= 0 ? v.slice(0, padStart) : v;
  const bad = firstMatch(data, CSET64_CHAR, 'INVALID_CSET64_CHARACTER');
  if (bad) return bad;
  if (padStart >= 0) {
    const pad = v.length - padStart;
    if (data.length % 3 === 0 || pad !== 3 - (data.length % 3))
      return fail('INVALID_CSET64_PADDING', padStart, pad);
  }
  return null;
};

const csum: Linter = (v) => {
  if (v.length === 0) return whole('TOO_SHORT_FOR_CHECK_DIGIT', v);
  const bad = csetNumeric(v);
  if (bad) return bad;
  return checkDigit(v.slice(0, -1)) === v[v.length - 1]
    ? null
    : fail('INCORRECT_CHECK_DIGIT', v.length - 1, 1);
};

const csumalpha: Linter = (v) => {
  if (v.length < 2) return whole('TOO_SHORT_FOR_CHECK_PAIR', v);
  if (v.length > CHECK_PAIR_MAX_LENGTH) return whole('TOO_LONG_FOR_CHECK_PAIR_IMPLEMENTATION', v);
  const body = v.slice(0, -2);
  const bad = cset82(body);
  if (bad) return bad;
  return checkCharacterPair(body) === v.slice(-2) ? null : fail('INCORRECT_CHECK_PAIR', v.length - 2, 2);
};

/** Without a GCP lookup service only the shape is checked: at least 4 digits where the company prefix starts. */
function gcpAt(offset: number): Linter {
  return (v) => {
    const gcp = v.slice(offset, offset + 4);
    if (gcp.length < 4) return fail('TOO_SHORT_FOR_GCP', offset, v.length - offset);
    const m = NON_DIGIT.exec(gcp);
    return m ? fail('INVALID_GCP_PREFIX', offset, v.length - offset) : null;
  };
}

function fixedDigits(len: number, short: string, long: string, check: (n: number) => string | null): Linter {
  return (v) => {
    if (v.length < len) return whole(short, v);
    if (v.length > len) return whole(long, v);
    const bad = csetNumeric(v);
    if (bad) return bad;
    const error = check(Number(v));
    return error ? whole(error, v) : null;
  };
}

const hh = fixedDigits(2, 'HOUR_TOO_SHORT', 'HOUR_TOO_LONG', (n) => (n > 23 ? 'ILLEGAL_HOUR' : null));
const mi = fixedDigits(2, 'MINUTE_TOO_SHORT', 'MINUTE_TOO_LONG', (n) => (n > 59 ? 'ILLEGAL_MINUTE' : null));
const ss = fixedDigits(2, 'SECOND_TOO_SHORT', 'SECOND_TOO_LONG', (n) => (n > 59 ? 'ILLEGAL_SECOND' : null));

const hhmi: Linter = (v) => {
  if (v.length < 4) return whole('HOUR_WITH_MINUTE_TOO_SHORT', v);
  if (v.length > 4) return whole('HOUR_WITH_MINUTE_TOO_LONG', v);
  const bad = csetNumeric(v);
  if (bad) return bad;
  if (Number(v.slice(0, 2)) > 23) return fail('ILLEGAL_HOUR', 0, 2);
  return Number(v.slice(2)) > 59 ? fail('ILLEGAL_MINUTE', 2, 2) : null;
};

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Dates YYMMDD or YYYYMMDD; `dayZero` allows DD = 00 ("day not given"). Two-digit years are leap when yy % 4 = 0. */
function date(yearDigits: 2 | 4, dayZero: boolean): Linter {
  const len = yearDigits + 4;
  return (v) => {
    if (v.length < len) return whole('DATE_TOO_SHORT', v);
    if (v.length > len) return whole('DATE_TOO_LONG', v);
    const bad = csetNumeric(v);
    if (bad) return bad;
    const year = Number(v.slice(0, yearDigits));
    const month = Number(v.slice(yearDigits, yearDigits + 2));
    const day = Number(v.slice(yearDigits + 2));
    if (month < 1 || month > 12) return fail('ILLEGAL_MONTH', yearDigits, 2);
    const leap = yearDigits === 2 ? year % 4 === 0 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const maxDay = month === 2 && !leap ? 28 : DAYS[month - 1];
    if ((day === 0 && !dayZero) || day > maxDay) return fail('ILLEGAL_DAY', yearDigits + 2, 2);
    return null;
  };
}

function inList(list: Set<string>, error: string): Linter {
  return (v) => (list.has(v) ? null : whole(error, v));
}

function oneOf(allowed: string, error: string): Linter {
  return (v) => (v.length === 1 && allowed.includes(v) ? null : whole(error, v));
}

const iso3166999: Linter = (v) =>
  v === '999' || ISO3166_NUMERIC.has(v) ? null : whole('NOT_ISO3166_OR_999', v);

const IBAN_CHAR = /[^0-9A-Z]/;
/** ISO 13616 gives no minimum; 11 characters leave room for country, check digits and an account. */
const IBAN_MIN_LENGTH = 11;
const iban: Linter = (v) => {
  if (v.length < IBAN_MIN_LENGTH) return whole('IBAN_TOO_SHORT', v);
  if (v.length > 34) return whole('IBAN_TOO_LONG', v);
  const bad = firstMatch(v, IBAN_CHAR, 'INVALID_IBAN_CHARACTER');
  if (bad) return bad;
  if (!ISO3166_ALPHA2.has(v.slice(0, 2))) return fail('ILLEGAL_IBAN_COUNTRY_CODE', 0, 2);
  let rem = 0;
  for (const ch of v.slice(4) + v.slice(0, 4)) {
    const n = ch <= '9' ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of n) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1 ? null : fail('INCORRECT_IBAN_CHECKSUM', 2, 2);
};

const nonzero: Linter = (v) => csetNumeric(v) ?? (/^0*$/.test(v) ? whole('ILLEGAL_ZERO_VALUE', v) : null);
const zero: Linter = (v) => (/^0+$/.test(v) ? null : whole('NOT_ZERO', v));
const nozeroprefix: Linter = (v) =>
  csetNumeric(v) ?? (v[0] === '0' ? fail('ILLEGAL_ZERO_PREFIX', 0, 1) : null);
const hasnondigit: Linter = (v) => (NON_DIGIT.test(v) ? null : whole('REQUIRES_NON_DIGIT_CHARACTER', v));
const hyphen: Linter = (v) => (/^-+$/.test(v) ? null : whole('NOT_HYPHEN', v));

const pcenc: Linter = (v) => {
  for (let i = v.indexOf('%'); i >= 0; i = v.indexOf('%', i + 1)) {
    if (!/^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3)))
      return fail('INVALID_PERCENT_SEQUENCE', i, Math.min(3, v.length - i));
  }
  return null;
};

const pieceoftotal: Linter = (v) => {
  if (v.length === 0 || v.length % 2 !== 0) return whole('INVALID_LENGTH_FOR_PIECE_OF_TOTAL', v);
  const bad = csetNumeric(v);
  if (bad) return bad;
  const half = v.length / 2;
  const piece = Number(v.slice(0, half));
  const total = Number(v.slice(half));
  if (piece === 0) return fail('ZERO_PIECE_NUMBER', 0, half);
  if (total === 0) return fail('ZERO_TOTAL_PIECES', half, half);
  return piece > total ? whole('PIECE_NUMBER_EXCEEDS_TOTAL', v) : null;
};

const posinseqslash: Linter = (v) => {
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m) return whole('POSITION_IN_SEQUENCE_MALFORMED', v);
  const [, pos, end] = m;
  if (pos[0] === '0') return fail('ILLEGAL_ZERO_PREFIX', 0, pos.length);
  if (end[0] === '0') return fail('ILLEGAL_ZERO_PREFIX', pos.length + 1, end.length);
  return Number(pos) > Number(end) ? whole('POSITION_EXCEEDS_END', v) : null;
};

function coordinate(max: number, name: 'LATITUDE' | 'LONGITUDE'): Linter {
  return (v) => {
    if (v.length !== 10) return whole(`${name}_INVALID_LENGTH`, v);
    return csetNumeric(v) ?? (Number(v) > max ? whole(`INVALID_${name}`, v) : null);
  };
}

const importeridx: Linter = (v) => {
  if (v.length !== 1) return whole('IMPORTER_IDX_MUST_BE_ONE_CHARACTER', v);
  return /^[-0-9A-Z_a-z]$/.test(v) ? null : whole('INVALID_IMPORT_IDX_CHARACTER', v);
};

export const LINTERS: ReadonlyMap<string, Linter> = new Map<string, Linter>([
  ['csetnumeric', csetNumeric],
  ['cset82', cset82],
  ['cset39', (v) => firstMatch(v, CSET39, 'INVALID_CSET39_CHARACTER')],
  ['cset64', cset64],
  ['csum', csum],
  ['csumalpha', csumalpha],
  ['gcppos1', gcpAt(0)],
  ['gcppos2', gcpAt(1)],
  ['hh', hh],
  ['mi', mi],
  ['ss', ss],
  ['hhmi', hhmi],
  ['yymmdd', date(2, false)],
  ['yymmd0', date(2, true)],
  ['yyyymmdd', date(4, false)],
  ['yyyymmd0', date(4, true)],
  ['iso3166', inList(ISO3166_NUMERIC, 'NOT_ISO3166')],
  ['iso3166999', iso3166999],
  ['iso3166alpha2', inList(ISO3166_ALPHA2, 'NOT_ISO3166_ALPHA2')],
  ['iso4217', inList(ISO4217_NUMERIC, 'NOT_ISO4217')],
  ['iso5218', oneOf('0129', 'INVALID_BIOLOGICAL_SEX_CODE')],
  ['mediatype', inList(MEDIA_TYPES, 'INVALID_MEDIA_TYPE')],
  ['packagetype', inList(PACKAGE_TYPES, 'INVALID_PACKAGE_TYPE')],
  ['iban', iban],
  ['nonzero', nonzero],
  ['zero', zero],
  ['nozeroprefix', nozeroprefix],
  ['hasnondigit', hasnondigit],
  ['hyphen', hyphen],
  ['yesno', oneOf('01', 'NOT_ZERO_OR_ONE')],
  ['winding', oneOf('019', 'INVALID_WINDING_DIRECTION')],
  ['pcenc', pcenc],
  ['pieceoftotal', pieceoftotal],
  ['posinseqslash', posinseqslash],
  ['latitude', coordinate(1800000000, 'LATITUDE')],
  ['longitude', coordinate(3600000000, 'LONGITUDE')],
  ['importeridx', importeridx],
  ['couponcode', couponcode],
  ['couponposoffer', couponposoffer],
]);

/** Runs one linter by its dictionary name; an unknown name is a programming error, not a pass. */
export function lint(name: string, value: string): LintFailure | null {
  const linter = LINTERS.get(name);
  if (!linter) throw new RangeError(`linter "${name}" is not implemented`);
  return linter(value);
}
