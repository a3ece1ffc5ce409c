/**
 * EPC pattern URIs (Tag Data Standard, `urn:epc:idpat:<scheme>:…`) as SQL LIKE patterns over canonical
 * Digital Links, the form identifiers are stored in. A pattern gives its leading fields and stars the rest:
 * `0614141.107346.*` (any serial of one GTIN), `0614141.*.*` (anything of one company prefix), `*.*.*`.
 */
import { DEFAULT_STEM, parseDigitalLinkWith } from './digital-link.ts';
import { epcUrnToDigitalLink } from './epc-urn.ts';
import { Gs1Error } from './errors.ts';
import { DEFAULT_OPTIONS } from './options.ts';

/** What a query value matches: identifiers equal to one of `ids` or LIKE one of `likes` (escape `\`). */
export interface IdPattern {
  ids: string[];
  likes: string[];
}

/** Instance identifiers (epcList, parentID…) or classes (quantity lists). */
export type IdLevel = 'instance' | 'class';

/** A literal inside a LIKE pattern: its wildcards and the escape character escaped. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Where a serial may follow a GTIN in a canonical Digital Link: next, or after a CPV (22) or a lot (10). */
const serialAfter = (qualifiersLeft: readonly string[]) => [
  '/21/%',
  ...qualifiersLeft.map((q) => `/${q}/%/21/%`),
];

/**
 * Each scheme's key in a Digital Link: its AI; what stands before the company prefix (an indicator or
 * extension digit, any: `_`; GRAI's `0`); the digits from the company prefix to the end of a fixed-length
 * key (null: variable length); what follows the key in an instance identifier; its number of URN fields.
 */
interface Scheme {
  ai: string;
  lead: string;
  digits: number | null;
  tails: string[];
  fields: number;
}
const scheme = (ai: string, lead: string, digits: number | null, tails: string[], fields = 2): Scheme => ({
  ai,
  lead,
  digits,
  tails,
  fields,
});
const SCHEMES: Record<string, Scheme> = {
  sgtin: scheme('01', '_', 13, serialAfter(['22', '10']), 3),
  sscc: scheme('00', '_', 17, ['']),
  sgln: scheme('414', '', 13, ['', '/254/%'], 3),
  pgln: scheme('417', '', 13, ['']),
  grai: scheme('8003', '0', 13, ['_%'], 3),
  giai: scheme('8004', '', null, ['']),
  gsrn: scheme('8018', '', 18, ['']),
  gsrnp: scheme('8017', '', 18, ['']),
  gdti: scheme('253', '', 13, ['_%'], 3),
  sgcn: scheme('255', '', 13, ['_%'], 3),
  cpi: scheme('8010', '', null, ['/8011/%'], 3),
  ginc: scheme('401', '', null, ['']),
  gsin: scheme('402', '', 17, ['']),
  itip: scheme('8006', '_', 17, ['/21/%'], 5),
  upui: scheme('01', '_', 13, ['/235/%'], 3),
};

/** Product classes in quantity lists: a GTIN alone, or with CPV and lot. */
const GTIN_CLASS_TAILS = ['', '/%'];

const PATTERN = /^urn:epc:idpat:([a-z0-9]+):(.*)$/;

const bad = (reason: string) => new Gs1Error('gs1.epc.invalidPattern', { reason });

/** The key with its company prefix given, or nothing: a one-character wildcard for each other digit. */
function keyLike(s: Scheme, companyPrefix: string): string {
  if (companyPrefix && !/^\d{6,12}$/.test(companyPrefix))
    throw bad('a GS1 company prefix has 6 to 12 digits');
  if (s.digits === null) return `${companyPrefix}_%`;
  return s.lead + companyPrefix + '_'.repeat(s.digits - companyPrefix.length);
}

/**
 * An EPC pattern URI as the stored identifiers it matches; null when `urn` is not an EPC pattern URI.
 * TDS allows every field given, all but the last, the company prefix alone, or none (`*.*.*`).
 * Throws Gs1Error `gs1.epc.invalidPattern` for any other.
 */
export function epcPatternToIdPattern(urn: string, level: IdLevel = 'instance'): IdPattern | null {
  const m = PATTERN.exec(urn);
  if (!m) return null;
  const [, name, body] = m;
  const s = SCHEMES[name];
  if (!s) throw bad(`no EPC patterns for "${name}"`);
  const fields = body.split('.');
  if (fields.length !== s.fields) throw bad(`an ${name} pattern has ${s.fields} fields`);
  const firstStar = fields.indexOf('*');
  const given = firstStar < 0 ? fields.length : firstStar;
  if (fields.slice(given).some((f) => f !== '*') || ![fields.length, fields.length - 1, 1, 0].includes(given))
    throw bad('* stands for the last fields, all but the company prefix, or all');
  const tails = level === 'class' && name === 'sgtin' ? GTIN_CLASS_TAILS : s.tails;
  if (given === fields.length) {
    const id = epcUrnToDigitalLink(`urn:epc:id:${name}:${body}`);
    if (!id) throw bad('not a valid EPC');
    return { ids: [id], likes: [] };
  }
  if (given > 1) {
    // a class of one key (e.g. one GTIN): the converter checks its digits and adds the check digit
    const key = epcUrnToDigitalLink(urn);
    if (!key) throw bad('not a valid EPC class');
    return { ids: [], likes: tails.map((tail) => likeLiteral(key) + tail) };
  }
  const key = keyLike(s, given === 1 ? fields[0] : '');
  return { ids: [], likes: tails.map((tail) => `${likeLiteral(`${DEFAULT_STEM}/${s.ai}/`)}${key}${tail}`) };
}

/**
 * What a canonical Digital Link of a product class (a GTIN, maybe with CPV and lot; no serial) matches besides
 * itself: as instances, the serialised items of that class; as classes, a GTIN's lots. Null for any other id.
 */
export function gtinClassPattern(id: string, level: IdLevel): IdPattern | null {
  if (!id.startsWith(`${DEFAULT_STEM}/01/`)) return null;
  let qualifiers: string[];
  try {
    const dl = parseDigitalLinkWith(id, DEFAULT_OPTIONS);
    if (dl.attributes.length || Object.keys(dl.otherParams).length) return null;
    qualifiers = dl.qualifiers.map((q) => q.ai);
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
  const order = ['22', '10'];
  if (qualifiers.some((q) => !order.includes(q))) return null;
  if (level === 'class') return qualifiers.length ? null : { ids: [id], likes: [`${likeLiteral(id)}/%`] };
  const left = order.slice(qualifiers.length ? order.indexOf(qualifiers.at(-1)!) + 1 : 0);
  return { ids: [id], likes: serialAfter(left).map((tail) => likeLiteral(id) + tail) };
}
