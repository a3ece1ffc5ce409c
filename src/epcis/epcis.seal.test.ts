import { describe, expect, it } from 'vitest';
import { captureRoot, eventLeaf, eventLeafFields, type SealedEventRow } from './epcis.seal.ts';

// Seals already in audit chains must verify for ever: these digests were computed by the code that sealed the
// first captures (commit ba185e5); a faster way of writing the same bytes must give them still.
const row = (i: number): SealedEventRow => ({
  eventId: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`,
  isErrorDeclaration: i === 2,
  eventType: 'ObjectEvent',
  eventTime: `2024-05-01T00:00:0${i}.000000Z`,
  eventTimeZoneOffset: '+07:00',
  recordTime: '2026-12-07T02:00:00.123456Z',
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: null,
  readPoint: 'https://id.gs1.org/414/8934567000000',
  bizLocation: null,
  organisationId: '00000000-0000-4000-8000-0000000000be',
  captureId: '00000000-0000-4000-8000-0000000000bf',
  contentHash: `ni:///sha-256;${String(i).repeat(64)}?ver=CBV2.0`,
  document: {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'ObjectEvent',
    eventID: `x${i}`,
    epcList: ['a', 'b'],
    'ex:n': { z: 1, a: [1.5, 'ü'] },
  },
});

describe('capture seal bytes', () => {
  it('gives the digests, leaves and root it always gave', () => {
    expect(eventLeafFields(row(2)).rowDigest).toBe(
      '74c9badbf5d5afb012ebf019fc872b1adaf4967eac7744d9efef77ac8c2e7e19',
    );
    expect(eventLeaf(eventLeafFields(row(1)))).toBe(
      'b6ecd67a5db614806655020a3a1916e7c495cbc2e8ea9da14583058af1b697d6',
    );
    expect(captureRoot([row(3), row(1), row(2)]).root).toBe(
      '04e36a2850c373672f4b22ee496060799e0b727ed203a25a22614eaa00949118',
    );
  });
});
