import { describe, expect, it } from 'vitest';
import { loadVectors } from '../test/index.ts';
import { canonicalId, canonicalIdForEventHash } from './canonical.ts';
import { hasValidCheckDigit } from './check-digit.ts';
import { digitalLinkToEpcUrn, epcUrnToDigitalLink } from './epc-urn.ts';

interface NormaliserCase {
  input: unknown;
  expected: string | null;
  group: string;
  source_line: number;
}

const { cases } = loadVectors<NormaliserCase>('epcis-event-hash-generator/dl-normaliser-vectors.json');
const label = (c: NormaliserCase) => `${c.group} line ${c.source_line}: ${JSON.stringify(c.input)}`;

/**
 * The upstream normaliser does not verify check digits; these GTINs have wrong ones, so TXNG rejects them.
 * The test proves the check digit is wrong rather than trusting this list.
 */
const BAD_CHECK_DIGIT: Record<string, string> = {
  'http://example.de/gtin-8/01/97803111': '97803111',
  'http://example.de/01/040123451234/cpv/344/lot/ABD': '040123451234',
};

describe('epcis-event-hash-generator dl-normaliser-vectors.json → canonicalIdForEventHash', () => {
  const applicable = cases.filter((c) => !(String(c.input) in BAD_CHECK_DIGIT));
  it.each(applicable.map((c) => [label(c), c] as const))('%s', (_, c) => {
    expect(canonicalIdForEventHash(c.input)).toBe(c.expected);
  });
  it.each(Object.entries(BAD_CHECK_DIGIT))('rejects %s (wrong check digit in %s)', (input, gtin) => {
    expect(hasValidCheckDigit(gtin)).toBe(false);
    expect(canonicalIdForEventHash(input)).toBeNull();
  });
});

/** Groups that test the hash rule (CPV/lot dropped, query dropped) rather than plain canonicalisation. */
const HASH_ONLY = new Set([
  'test_key_qualifiers',
  'test_sub_domains',
  'test_qualifier_or_custom_data_attributes_in_query_string',
]);

describe('the same vectors → canonicalId (general canonical form)', () => {
  const general = cases.filter(
    (c) => c.expected !== null && !HASH_ONLY.has(c.group) && !(String(c.input) in BAD_CHECK_DIGIT),
  );
  it.each(general.map((c) => [label(c), c] as const))('%s', (_, c) => {
    expect(canonicalId(c.input as string)).toBe(c.expected);
  });
  it('keeps the lot and CPV that the hash form drops', () => {
    expect(canonicalId('https://id.gs1.org/gtin/9780345418913/cpv/344/lot/1223/ser/765tz')).toBe(
      'https://id.gs1.org/01/09780345418913/22/344/10/1223/21/765tz',
    );
  });
  it('returns a URI that is not a GS1 identifier unchanged, and rejects a malformed one', () => {
    expect(canonicalId('http://example.de/abc/9780345418913')).toBe('http://example.de/abc/9780345418913');
    expect(canonicalId('urn:uuid:7f6c8b1e-3f4a-4c55-9a2b-2d8f5e6a7b10')).toBe(
      'urn:uuid:7f6c8b1e-3f4a-4c55-9a2b-2d8f5e6a7b10',
    );
    expect(() => canonicalId('http://example.de/01/97803')).toThrow();
    expect(() => canonicalId('urn:epc:id:sgtin:4012345.011111')).toThrow();
  });
});

/** A class of all instances of one GTIN is one Digital Link whether its pattern was sgtin's or upui's. */
const URN_SPELLED_OTHERWISE: Record<string, string> = {
  'urn:epc:idpat:upui:4012345.012345.*': 'urn:epc:idpat:sgtin:4012345.012345.*',
};

describe('EPC URN ⇄ Digital Link round trip', () => {
  const conversions = cases.filter(
    (c) => typeof c.input === 'string' && c.input.startsWith('urn:epc:') && c.expected !== null,
  );
  it.each(conversions.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const urn = c.input as string;
    expect(epcUrnToDigitalLink(urn)).toBe(c.expected);
    const companyPrefix = urn.split(':')[4].split('.')[0];
    expect(digitalLinkToEpcUrn(c.expected!, companyPrefix.length)).toBe(URN_SPELLED_OTHERWISE[urn] ?? urn);
  });
  it('writes the EPC forms TDS 2.x names', () => {
    expect(digitalLinkToEpcUrn('https://id.gs1.org/01/04012345123456/21/98%22')).toBe(
      'urn:epc:id:sgtin:4012345.012345.98%22',
    );
    expect(digitalLinkToEpcUrn('https://example.com/01/04012345123456/10/Lot987')).toBe(
      'urn:epc:class:lgtin:4012345.012345.Lot987',
    );
    expect(digitalLinkToEpcUrn('https://id.gs1.org/01/04012345123456')).toBe(
      'urn:epc:idpat:sgtin:4012345.012345.*',
    );
    expect(digitalLinkToEpcUrn('https://id.gs1.org/00/340123451111111111')).toBe(
      'urn:epc:id:sscc:4012345.3111111111',
    );
    expect(digitalLinkToEpcUrn('not a link')).toBeNull();
  });
});
