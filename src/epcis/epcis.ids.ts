import { canonicalId, Gs1Error } from '../gs1/index.ts';

/** Values that claim to be GS1 identifiers: EPC URNs and Digital Links (any domain, a primary-key AI in the path). */
const gs1Shaped =
  /^(urn:epc:(id|idpat|class):|https?:\/\/[^/?#]+(\/[^?#]*)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018|gtin|sscc|gln|party|giai|grai)\/)/i;

export const looksLikeGs1Id = (value: string) => gs1Shaped.test(value);

/**
 * Where a GS1 syntax error is an error: EPC URNs and Digital Links on id.gs1.org are GS1 identifiers by definition.
 * A Digital-Link-shaped URI on another domain that is not a valid Digital Link (e.g. a GRAI with a wrong check
 * digit on id.example.com) is still a valid EPCIS identifier: an opaque URI, stored as given (decision 004).
 */
const isStrict = (value: string) => /^urn:epc:/i.test(value) || /^https?:\/\/id\.gs1\.org\//i.test(value);

/**
 * The form an identifier is stored and matched in: canonical GS1 Digital Link for GS1 ids, the URI unchanged
 * otherwise. Throws Gs1Error for a malformed GS1 id (e.g. a wrong check digit in an EPC URN or on id.gs1.org).
 */
export function storedId(value: string): string {
  const known = storedIds.get(value);
  if (known !== undefined) return known;
  const trimmed = value.trim();
  let result: string;
  try {
    result = canonicalId(trimmed);
  } catch (err) {
    if (err instanceof Gs1Error && !isStrict(trimmed)) result = trimmed;
    else throw err;
  }
  return remember(storedIds, value, result);
}

/**
 * Validation, hashing and storage each need an identifier's canonical form; a capture names the same read points,
 * parties and lots thousands of times. Small bounded memo tables keep that to one parse per distinct value.
 */
const storedIds = new Map<string, string>();
const hashForms = new Map<string, string | null>();
const memoLimit = 50_000;

function remember<T>(memo: Map<string, T>, key: string, value: T): T {
  if (memo.size >= memoLimit) memo.clear();
  memo.set(key, value);
  return value;
}

/** Why an identifier is not acceptable, or null. */
export function identifierProblem(
  value: string,
): { reason: string; code: string; params: Record<string, unknown> } | null {
  if (!looksLikeGs1Id(value)) return null;
  try {
    storedId(value);
    return null;
  } catch (err) {
    if (err instanceof Gs1Error) return { reason: err.message, code: err.code, params: err.params };
    throw err;
  }
}

/**
 * The hash form of an identifier (CBV 2.0 §8.9): the canonical Digital Link at its finest level — no CPV (22), no
 * lot (10) beside a serial (21), no query string. Like the reference implementation, only dotted URNs and URLs with
 * a GS1 key path are candidates, and an apostrophe stays literal. It trims the stored (canonical) form rather than
 * parsing again (gs1's canonicalIdForEventHash gives the same answers, at twice the cost per event).
 */
export function hashIdForm(value: string): string | null {
  if (!value.includes('.') || !looksLikeGs1Id(value)) return null;
  const known = hashForms.get(value);
  if (known !== undefined) return known;
  let canonical: string;
  try {
    canonical = storedId(value);
  } catch {
    return remember(hashForms, value, null);
  }
  if (!canonical.startsWith(gs1Stem)) return remember(hashForms, value, null);
  const segments = canonical.slice(gs1Stem.length).split('?')[0].split('/');
  const hasSerial = segments.some((s, i) => i % 2 === 0 && s === '21');
  const kept: string[] = [];
  for (let i = 0; i + 1 < segments.length; i += 2) {
    const ai = segments[i];
    if (i > 0 && (ai === '22' || (ai === '10' && hasSerial))) continue;
    kept.push(ai, segments[i + 1]);
  }
  return remember(hashForms, value, gs1Stem + kept.join('/').replace(/%27/g, "'"));
}

const gs1Stem = 'https://id.gs1.org/';
