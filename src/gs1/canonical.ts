/** One stored form per identifier: the canonical GS1 Digital Link on id.gs1.org. */
import {
  arrangeDigitalLink,
  buildDigitalLinkWith,
  DEFAULT_STEM,
  parseDigitalLinkWith,
} from './digital-link.ts';
import { epcUrnToAis } from './epc-urn.ts';
import { Gs1Error } from './errors.ts';
import { DEFAULT_OPTIONS, type ResolvedOptions } from './options.ts';
import { parseGs1 } from './parse.ts';
import { DL_SCHEME } from './scan-data.ts';
import type { AiValue } from './validate.ts';

/**
 * Stored identifiers are uncompressed Digital Links; reading a compressed one here could mistake an
 * ordinary URI's last path segment for packed AIs, so compressed links are not decoded.
 */
const ID_OPTIONS: ResolvedOptions = { ...DEFAULT_OPTIONS, permitCompressedUri: false };

const NOT_AN_IDENTIFIER = new Set(['gs1.dl.noPrimaryKey', 'gs1.dl.invalidUri', 'gs1.dl.compressedUri']);

/** Bracketed, scanner data (`]`), GS1 tools notation (`^`) or barcode data starting with FNC1 as GS. */
const looksLikeElementString = (input: string) => '(]^\x1d'.includes(input[0] ?? 'x');

/** Parsed identifiers were checked in full on the way in; building their canonical form need not repeat it. */
const CHECKED: ResolvedOptions = { ...DEFAULT_OPTIONS, lint: false, validateAssociations: false };

/**
 * The AIs of a GS1 identifier and the options to build its canonical form with; null when `input` is not a
 * GS1 identifier. Throws Gs1Error when it is one but invalid.
 */
function identifierAis(input: string): { ais: AiValue[]; buildOptions: ResolvedOptions } | null {
  if (input.startsWith('urn:epc:')) {
    const ais = epcUrnToAis(input);
    return ais && { ais, buildOptions: DEFAULT_OPTIONS };
  }
  if (DL_SCHEME.test(input)) {
    try {
      return { ais: parseDigitalLinkWith(input, ID_OPTIONS).ais, buildOptions: CHECKED };
    } catch (err) {
      // A web address without a GS1 key in its path is just a URI, even when its last segment happens to
      // unpack as a compressed link.
      if (err instanceof Gs1Error && NOT_AN_IDENTIFIER.has(err.code)) {
        return null;
      }
      throw err;
    }
  }
  if (looksLikeElementString(input)) return { ais: parseGs1(input), buildOptions: CHECKED };
  return null;
}

/**
 * Any GS1 identifier (EPC URN, Digital Link on any domain, element string) → canonical Digital Link on
 * id.gs1.org, query parameters that are not AIs dropped. Any other string is returned unchanged.
 * Throws Gs1Error for a malformed GS1 identifier (a wrong check digit, a bad EPC URN…).
 */
export function canonicalId(input: string): string {
  const id = identifierAis(input);
  return id ? buildDigitalLinkWith(id.ais, DEFAULT_STEM, id.buildOptions) : input;
}

/**
 * The identifier form used when computing EPCIS 2.0 event hashes (CBV 2.0 §8.9 canonicalisation): the
 * canonical Digital Link at its finest level — no CPV (22), no lot (10) when a serial (21) is present, no
 * query attributes. Null for anything that is not a valid GS1 identifier (including non-strings).
 */
export function canonicalIdForEventHash(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  try {
    const id = identifierAis(input);
    if (!id) return null;
    const { key, qualifiers } = arrangeDigitalLink(id.ais, id.buildOptions);
    const hasSerial = qualifiers.some((q) => q.ai === '21');
    const path = [key, ...qualifiers.filter((q) => q.ai !== '22' && !(q.ai === '10' && hasSerial))];
    return buildDigitalLinkWith(path, DEFAULT_STEM, id.buildOptions);
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
}
