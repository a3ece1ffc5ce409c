/**
 * EPC URNs of the GS1 Tag Data Standard ⇄ GS1 Digital Link: `urn:epc:id:*` instance ids,
 * `urn:epc:class:lgtin:` lot classes and `urn:epc:idpat:*:…*` class patterns.
 * An EPC URN carries no check digit and splits the GS1 company prefix from the rest; a Digital Link does
 * the opposite, so converting back needs the company-prefix length.
 */
import { checkDigit } from './check-digit.ts';
import { buildDigitalLinkWith, DEFAULT_STEM, parseDigitalLinkWith } from './digital-link.ts';
import { Gs1Error } from './errors.ts';
import { DEFAULT_OPTIONS, type ResolvedOptions } from './options.ts';
import type { AiValue } from './validate.ts';

const EPC_URN = /^urn:epc:(id|idpat|class):([a-z0-9]+):(.*)$/;
const DIGITS = /^\d*$/;

const bad = () => new Gs1Error('gs1.epc.invalidUrn');

/** EPC URN components are percent-escaped (TDS §A); values here hold CSET 82 characters only. */
function decodeUrnPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw bad();
  }
}

function digits(part: string, length?: number): string {
  if (!DIGITS.test(part) || (length !== undefined && part.length !== length)) throw bad();
  return part;
}

const withCheck = (body: string) => body + checkDigit(body);

/** Company prefix + indicator/item reference (indicator moved to the front) → GTIN-14. */
function gtin(companyPrefix: string, indicatorItemRef: string): string {
  digits(companyPrefix);
  digits(indicatorItemRef);
  if (companyPrefix.length + indicatorItemRef.length !== 13 || indicatorItemRef.length < 1) throw bad();
  return withCheck(indicatorItemRef[0] + companyPrefix + indicatorItemRef.slice(1));
}

/** Company prefix + reference → a 13-digit (GLN-like) key with check digit. */
function key13(companyPrefix: string, ref: string): string {
  if (companyPrefix.length + ref.length !== 12) throw bad();
  return withCheck(digits(companyPrefix) + digits(ref));
}

type Converter = (parts: string[], pattern: boolean) => AiValue[];

const CONVERTERS: Record<string, { fields: number; convert: Converter }> = {
  sgtin: {
    fields: 3,
    convert: (p, pattern) => [
      { ai: '01', value: gtin(p[0], p[1]) },
      ...(pattern ? [] : [{ ai: '21', value: decodeUrnPart(p[2]) }]),
    ],
  },
  lgtin: {
    fields: 3,
    convert: (p) => [
      { ai: '01', value: gtin(p[0], p[1]) },
      { ai: '10', value: decodeUrnPart(p[2]) },
    ],
  },
  sscc: {
    fields: 2,
    convert: (p) => {
      if (p[0].length + p[1].length !== 17 || p[1].length < 1) throw bad();
      return [{ ai: '00', value: withCheck(p[1][0] + digits(p[0]) + digits(p[1]).slice(1)) }];
    },
  },
  sgln: {
    fields: 3,
    convert: (p, pattern) => {
      const gln = key13(p[0], p[1]);
      const ext = pattern ? '' : decodeUrnPart(p[2]);
      return ext === '0' || ext === ''
        ? [{ ai: '414', value: gln }]
        : [
            { ai: '414', value: gln },
            { ai: '254', value: ext },
          ];
    },
  },
  pgln: { fields: 2, convert: (p) => [{ ai: '417', value: key13(p[0], p[1]) }] },
  grai: {
    fields: 3,
    convert: (p, pattern) => [
      { ai: '8003', value: `0${key13(p[0], p[1])}${pattern ? '' : decodeUrnPart(p[2])}` },
    ],
  },
  giai: { fields: 2, convert: (p) => [{ ai: '8004', value: digits(p[0]) + decodeUrnPart(p[1]) }] },
  gsrn: { fields: 2, convert: (p) => [{ ai: '8018', value: gsrn(p) }] },
  gsrnp: { fields: 2, convert: (p) => [{ ai: '8017', value: gsrn(p) }] },
  gdti: {
    fields: 3,
    convert: (p, pattern) => [{ ai: '253', value: key13(p[0], p[1]) + (pattern ? '' : decodeUrnPart(p[2])) }],
  },
  sgcn: {
    fields: 3,
    convert: (p, pattern) => [{ ai: '255', value: key13(p[0], p[1]) + (pattern ? '' : digits(p[2])) }],
  },
  cpi: {
    fields: 3,
    convert: (p, pattern) => [
      { ai: '8010', value: digits(p[0]) + decodeUrnPart(p[1]) },
      ...(pattern ? [] : [{ ai: '8011', value: digits(p[2]) }]),
    ],
  },
  ginc: { fields: 2, convert: (p) => [{ ai: '401', value: digits(p[0]) + decodeUrnPart(p[1]) }] },
  gsin: {
    fields: 2,
    convert: (p) => {
      if (p[0].length + p[1].length !== 16) throw bad();
      return [{ ai: '402', value: withCheck(digits(p[0]) + digits(p[1])) }];
    },
  },
  itip: {
    fields: 5,
    convert: (p, pattern) => [
      { ai: '8006', value: gtin(p[0], p[1]) + digits(p[2], 2) + digits(p[3], 2) },
      ...(pattern ? [] : [{ ai: '21', value: decodeUrnPart(p[4]) }]),
    ],
  },
  upui: {
    fields: 3,
    convert: (p, pattern) => [
      { ai: '01', value: gtin(p[0], p[1]) },
      ...(pattern ? [] : [{ ai: '235', value: decodeUrnPart(p[2]) }]),
    ],
  },
};

function gsrn(p: string[]): string {
  if (p[0].length + p[1].length !== 17) throw bad();
  return withCheck(digits(p[0]) + digits(p[1]));
}

/** The AIs of a GS1 EPC URN; null when `urn` is not a GS1 EPC URN; throws when it is one but malformed. */
export function epcUrnToAis(urn: string): AiValue[] | null {
  const m = EPC_URN.exec(urn);
  if (!m) return null;
  const [, form, scheme, body] = m;
  const conv = CONVERTERS[scheme];
  if (!conv || (form === 'class') !== (scheme === 'lgtin')) return null;
  const parts = body.split('.');
  if (parts.length !== conv.fields) throw bad();
  const pattern = form === 'idpat';
  if (pattern) {
    // Only the pattern "every field given but the last is *" names one class of objects.
    if (parts[parts.length - 1] !== '*' || parts.slice(0, -1).some((x) => x === '*')) throw bad();
  } else if (parts.some((x) => x === '*')) throw bad();
  return conv.convert(parts, pattern);
}

/** EPC URN → canonical Digital Link on id.gs1.org; null when not a GS1 EPC URN or not convertible. */
export function epcUrnToDigitalLink(urn: string): string | null {
  try {
    const ais = epcUrnToAis(urn);
    return ais ? buildDigitalLinkWith(ais, DEFAULT_STEM, DEFAULT_OPTIONS) : null;
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
}

/** TDS escaping of a URN component: only the characters a URN may not carry as they are. */
const enc = (v: string) => v.replace(/["#%&/<>?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Splits a key body (check digit removed) into company prefix and reference at `gcpLength`. */
function split(body: string, gcpLength: number): [string, string] {
  return [body.slice(0, gcpLength), body.slice(gcpLength)];
}

function aisToEpcUrn(ais: AiValue[], gcpLength: number): string | null {
  const get = (ai: string) => ais.find((a) => a.ai === ai)?.value;
  const [key] = ais;
  const v = key.value;
  switch (key.ai) {
    case '01': {
      const [cp, ref] = split(v.slice(1, 13), gcpLength);
      const item = v[0] + ref;
      if (get('21') !== undefined) return `urn:epc:id:sgtin:${cp}.${item}.${enc(get('21')!)}`;
      if (get('235') !== undefined) return `urn:epc:id:upui:${cp}.${item}.${enc(get('235')!)}`;
      if (get('10') !== undefined) return `urn:epc:class:lgtin:${cp}.${item}.${enc(get('10')!)}`;
      return `urn:epc:idpat:sgtin:${cp}.${item}.*`;
    }
    case '00': {
      const [cp, ref] = split(v.slice(1, 17), gcpLength);
      return `urn:epc:id:sscc:${cp}.${v[0]}${ref}`;
    }
    case '414': {
      const [cp, ref] = split(v.slice(0, 12), gcpLength);
      return `urn:epc:id:sgln:${cp}.${ref}.${enc(get('254') ?? '0')}`;
    }
    case '417':
      return `urn:epc:id:pgln:${split(v.slice(0, 12), gcpLength).join('.')}`;
    case '8003': {
      const [cp, ref] = split(v.slice(1, 13), gcpLength);
      return v.length > 14
        ? `urn:epc:id:grai:${cp}.${ref}.${enc(v.slice(14))}`
        : `urn:epc:idpat:grai:${cp}.${ref}.*`;
    }
    case '8004':
      return `urn:epc:id:giai:${v.slice(0, gcpLength)}.${enc(v.slice(gcpLength))}`;
    case '8017':
    case '8018':
      return `urn:epc:id:${key.ai === '8017' ? 'gsrnp' : 'gsrn'}:${split(v.slice(0, 17), gcpLength).join('.')}`;
    case '253': {
      const [cp, ref] = split(v.slice(0, 12), gcpLength);
      return v.length > 13
        ? `urn:epc:id:gdti:${cp}.${ref}.${enc(v.slice(13))}`
        : `urn:epc:idpat:gdti:${cp}.${ref}.*`;
    }
    case '255': {
      const [cp, ref] = split(v.slice(0, 12), gcpLength);
      return v.length > 13
        ? `urn:epc:id:sgcn:${cp}.${ref}.${v.slice(13)}`
        : `urn:epc:idpat:sgcn:${cp}.${ref}.*`;
    }
    case '8010': {
      const serial = get('8011');
      const ref = enc(v.slice(gcpLength));
      return serial
        ? `urn:epc:id:cpi:${v.slice(0, gcpLength)}.${ref}.${serial}`
        : `urn:epc:idpat:cpi:${v.slice(0, gcpLength)}.${ref}.*`;
    }
    case '401':
      return `urn:epc:id:ginc:${v.slice(0, gcpLength)}.${enc(v.slice(gcpLength))}`;
    case '402':
      return `urn:epc:id:gsin:${split(v.slice(0, 16), gcpLength).join('.')}`;
    case '8006': {
      const [cp, ref] = split(v.slice(1, 13), gcpLength);
      const tail = `${v[0]}${ref}.${v.slice(14, 16)}.${v.slice(16, 18)}`;
      const serial = get('21');
      return serial !== undefined
        ? `urn:epc:id:itip:${cp}.${tail}.${enc(serial)}`
        : `urn:epc:idpat:itip:${cp}.${tail}.*`;
    }
    default:
      return null;
  }
}

/**
 * Digital Link → EPC URN (instance id, lgtin class or idpat pattern). `companyPrefixLength` (6 to 12) is the
 * length of the key's GS1 company prefix, which a Digital Link does not tell; 7 when not given.
 * Null when `uri` is not a valid Digital Link or its key has no EPC form.
 */
export function digitalLinkToEpcUrn(
  uri: string,
  companyPrefixLength = 7,
  options: ResolvedOptions = DEFAULT_OPTIONS,
): string | null {
  if (!Number.isInteger(companyPrefixLength) || companyPrefixLength < 6 || companyPrefixLength > 12) {
    throw new RangeError('companyPrefixLength must be 6 to 12');
  }
  try {
    return aisToEpcUrn(parseDigitalLinkWith(uri, options).ais, companyPrefixLength);
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
}
