import { canonicalId, canonicalIdForEventHash, Gs1Error } from '../gs1/index.ts';

/** Values that claim to be GS1 identifiers: EPC URNs and Digital Links (any domain, a primary-key AI in the path). */
const gs1Shaped =
  /^(urn:epc:(id|idpat|class):|https?:\/\/[^/?#]+(\/[^?#]*)?\/(00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018|gtin|sscc|gln|party|giai|grai)\/)/i;

export const looksLikeGs1Id = (value: string) => gs1Shaped.test(value);

/**
 * The form an identifier is stored and matched in: canonical GS1 Digital Link for GS1 ids, the URI unchanged
 * otherwise. Throws Gs1Error for a malformed GS1 id (e.g. a wrong check digit).
 */
export function storedId(value: string): string {
  return canonicalId(value.trim());
}

/** Why an identifier is not acceptable, or null. */
export function identifierProblem(value: string): { reason: string; code: string; params: Record<string, unknown> } | null {
  if (!looksLikeGs1Id(value)) return null;
  try {
    canonicalId(value.trim());
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
  return canonicalIdForEventHash(value)?.replace(/%27/g, "'") ?? null;
}
