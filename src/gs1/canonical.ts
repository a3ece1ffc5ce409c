/** One stored form per identifier: the canonical GS1 Digital Link on id.gs1.org. */
import { buildDigitalLinkWith, DEFAULT_STEM, parseDigitalLinkWith } from './digital-link.ts';
import { epcUrnToAis } from './epc-urn.ts';
import { Gs1Error } from './errors.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import { parseGs1 } from './parse.ts';
import { DL_SCHEME } from './scan-data.ts';
import type { AiValue } from './validate.ts';

/** Bracketed, scanner data (`]`), GS1 tools notation (`^`) or barcode data starting with FNC1 as GS. */
const looksLikeElementString = (input: string) => '(]^\x1d'.includes(input[0] ?? 'x');

/** The AIs of a GS1 identifier, or null when `input` is not one; throws Gs1Error when it is one but invalid. */
function identifierAis(input: string): AiValue[] | null {
  if (input.startsWith('urn:epc:')) return epcUrnToAis(input);
  if (DL_SCHEME.test(input)) {
    try {
      return parseDigitalLinkWith(input, DEFAULT_OPTIONS).ais;
    } catch (err) {
      // A web address without a GS1 key in its path is just a URI.
      if (
        err instanceof Gs1Error &&
        (err.code === 'gs1.dl.noPrimaryKey' || err.code === 'gs1.dl.invalidUri')
      ) {
        return null;
      }
      throw err;
    }
  }
  if (looksLikeElementString(input)) return parseGs1(input);
  return null;
}

/**
 * Any GS1 identifier (EPC URN, Digital Link on any domain, element string) → canonical Digital Link on
 * id.gs1.org, query parameters that are not AIs dropped. Any other string is returned unchanged.
 * Throws Gs1Error for a malformed GS1 identifier (a wrong check digit, a bad EPC URN…).
 */
export function canonicalId(input: string): string {
  const ais = identifierAis(input);
  if (!ais) return input;
  return buildDigitalLinkWith(ais, DEFAULT_STEM, DEFAULT_OPTIONS);
}

/**
 * The identifier form used when computing EPCIS 2.0 event hashes (CBV 2.0 §8.9 canonicalisation): the
 * canonical Digital Link at its finest level — no CPV (22), no lot (10) when a serial (21) is present, no
 * query attributes. Null for anything that is not a valid GS1 identifier (including non-strings).
 */
export function canonicalIdForEventHash(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  try {
    const ais = identifierAis(input);
    if (!ais) return null;
    const dl = parseDigitalLinkWith(
      buildDigitalLinkWith(ais, DEFAULT_STEM, DEFAULT_OPTIONS),
      DEFAULT_OPTIONS,
    );
    const hasSerial = dl.qualifiers.some((q) => q.ai === '21');
    const path = [
      dl.primaryKey,
      ...dl.qualifiers.filter((q) => q.ai !== '22' && !(q.ai === '10' && hasSerial)),
    ];
    return buildDigitalLinkWith(path, DEFAULT_STEM, DEFAULT_OPTIONS);
  } catch (err) {
    if (err instanceof Gs1Error) return null;
    throw err;
  }
}
