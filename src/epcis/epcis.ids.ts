import { canonicalId, canonicalIdForEventHash, Gs1Error } from '../gs1/index.ts';

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
 * The hash form of an identifier (CBV 2.0 §8.9): canonical Digital Link at its finest level. Like the reference
 * implementation, only dotted URNs and URLs with a GS1 key path are candidates, and an apostrophe stays literal.
 */
export function hashIdForm(value: string): string | null {
  if (!value.includes('.') || !looksLikeGs1Id(value)) return null;
  const known = hashForms.get(value);
  if (known !== undefined) return known;
  return remember(hashForms, value, canonicalIdForEventHash(value)?.replace(/%27/g, "'") ?? null);
}
