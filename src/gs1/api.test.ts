import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildDigitalLink,
  canonicalId,
  checkDigit,
  compressDigitalLink,
  decompressDigitalLink,
  Gs1Error,
  gs1Messages,
  parseDigitalLink,
  parseElementString,
  parseGs1,
} from './index.ts';

// Fixtures get their check digits from checkDigit, which the official vectors test.
const GTIN = `0893456789012${checkDigit('0893456789012')}`;
const GLN = `893456700001${checkDigit('893456700001')}`;
const BAD_GTIN = `0893456789012${(Number(GTIN[13]) + 1) % 10}`;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    return err instanceof Gs1Error ? err.code : `not a Gs1Error: ${err}`;
  }
};

describe('Digital Link contract', () => {
  it('splits a province resolver URI into stem, key, qualifiers, attributes and other parameters', () => {
    const dl = parseDigitalLink(
      `https://txng.example.gov.vn/r/01/${GTIN}/10/LOT%2F7/21/0001?17=271231&linkType=gs1:pip&3103=000500`,
    );
    expect(dl.stem).toBe('https://txng.example.gov.vn/r');
    expect(dl.primaryKey).toEqual({ ai: '01', value: GTIN });
    expect(dl.qualifiers).toEqual([
      { ai: '10', value: 'LOT/7' },
      { ai: '21', value: '0001' },
    ]);
    expect(dl.attributes).toEqual([
      { ai: '17', value: '271231' },
      { ai: '3103', value: '000500' },
    ]);
    expect(dl.otherParams).toEqual({ linkType: 'gs1:pip' });
    expect(dl.ais.map((a) => a.ai)).toEqual(['01', '10', '21', '17', '3103']);
  });

  it('builds canonical URIs on id.gs1.org or on a given stem', () => {
    const ais = [
      { ai: '17', value: '271231' },
      { ai: '21', value: 'A/B' },
      { ai: '01', value: GTIN.slice(1) },
      { ai: '10', value: 'L1' },
    ];
    expect(buildDigitalLink(ais)).toBe(`https://id.gs1.org/01/${GTIN}/10/L1/21/A%2FB?17=271231`);
    expect(buildDigitalLink(ais, 'https://txng.example.gov.vn/')).toBe(
      `https://txng.example.gov.vn/01/${GTIN}/10/L1/21/A%2FB?17=271231`,
    );
    expect(codeOf(() => buildDigitalLink([{ ai: '10', value: 'L1' }]))).toBe('gs1.dl.noPrimaryKey');
  });

  it('round-trips: parse(build(x)).ais equals x in canonical order', () => {
    const uri = `https://id.gs1.org/414/${GLN}/254/Kho%2BA`;
    expect(buildDigitalLink(parseDigitalLink(uri).ais)).toBe(uri);
  });

  it('tolerates a trailing slash and accepts convenience alphas and short GTINs by default', () => {
    expect(parseDigitalLink(`https://a.vn/gtin/${GTIN.slice(1)}/lot/X/`).ais).toEqual([
      { ai: '01', value: GTIN },
      { ai: '10', value: 'X' },
    ]);
  });

  it('names the failure with a stable code', () => {
    expect(codeOf(() => parseDigitalLink(`https://a.vn/01/${BAD_GTIN}`))).toBe('gs1.checkDigit');
    expect(codeOf(() => parseDigitalLink(`https://a.vn/01/${GTIN}/21/1/10/2`))).toBe(
      'gs1.dl.invalidQualifier',
    );
    expect(codeOf(() => parseDigitalLink(`https://a.vn/01/${GTIN}?10=X`))).toBe('gs1.dl.invalidAttribute');
    expect(codeOf(() => parseDigitalLink(`https://a.vn/01/${GTIN}?17=271232`))).toBe('gs1.invalidDate');
    expect(codeOf(() => parseDigitalLink('https://a.vn/about/us'))).toBe('gs1.dl.noPrimaryKey');
    expect(codeOf(() => parseDigitalLink('ftp://a.vn/01/1'))).toBe('gs1.dl.invalidUri');
  });
});

describe('Digital Link compression', () => {
  it.each([
    `https://txng.example.gov.vn/01/${GTIN}/10/LO-7a/21/000123?17=271231&3103=000500`,
    'https://id.gs1.org/8006/040123451234560102/21/ser987',
    'https://id.gs1.org/253/4012345000092PO-4711',
    `https://id.gs1.org/414/${GLN}/254/Kho%2BA`,
    `https://id.gs1.org/01/${GTIN}?7007=240101240115&8008=2401011230`,
  ])('round-trips %s', (uri) => {
    const compressed = compressDigitalLink(uri);
    expect(compressed.length).toBeLessThan(uri.length);
    expect(decompressDigitalLink(compressed)).toBe(uri);
    expect(parseDigitalLink(compressed).ais).toEqual(parseDigitalLink(uri).ais);
    // Stored identifiers are uncompressed: canonicalId does not unpack, so it leaves the URI as it is.
    expect(canonicalId(compressed)).toBe(compressed);
  });
  it('packs simple non-AI parameters and leaves the others in the query', () => {
    const compressed = compressDigitalLink(
      `https://a.vn/01/${GTIN}?context=H%C3%A0+N%E1%BB%99i&linkType=gs1:pip`,
    );
    expect(compressed).toMatch(/^https:\/\/a\.vn\/[A-Za-z0-9_-]+\?context=H%C3%A0\+N%E1%BB%99i$/);
    expect(parseDigitalLink(compressed).otherParams).toEqual({ context: 'Hà Nội', linkType: 'gs1:pip' });
    expect(decompressDigitalLink(compressed)).toBe(
      `https://a.vn/01/${GTIN}?context=H%C3%A0+N%E1%BB%99i&linkType=gs1%3Apip`,
    );
  });
  it('does not read an ordinary path segment as a compressed link', () => {
    expect(codeOf(() => parseDigitalLink('https://example.com/about'))).toBe('gs1.dl.noPrimaryKey');
    expect(canonicalId('https://example.com/news/Hello-World_2')).toBe(
      'https://example.com/news/Hello-World_2',
    );
  });
});

describe('parseGs1 and parseElementString take every form of the same data', () => {
  const expected = [
    { ai: '01', value: GTIN },
    { ai: '17', value: '271231' },
    { ai: '10', value: 'ABC' },
    { ai: '21', value: '42' },
  ];
  it.each([
    ['bracketed', `(01)${GTIN}(17)271231(10)ABC(21)42`],
    ['unbracketed with GS', `01${GTIN}1727123110ABC\x1d2142`],
    ['GS1 DataMatrix scan', `]d201${GTIN}1727123110ABC\x1d2142`],
    ['GS1-128 scan', `]C101${GTIN}1727123110ABC\x1d2142`],
    ['GS1 QR scan', `]Q301${GTIN}1727123110ABC\x1d2142`],
  ])('%s', (_, input) => {
    expect(parseElementString(input)).toEqual(expected);
    expect(parseGs1(input)).toEqual(expected);
  });
  it('reads a Digital Link inside a plain QR scan and an EAN-13 scan', () => {
    expect(parseGs1(`]Q1https://txng.example.gov.vn/01/${GTIN}/21/42`)).toEqual([
      { ai: '01', value: GTIN },
      { ai: '21', value: '42' },
    ]);
    expect(parseGs1(`]E0${GTIN.slice(1)}`)).toEqual([{ ai: '01', value: GTIN }]);
  });
  it('rejects non-GS1 scans and bad data with codes', () => {
    expect(codeOf(() => parseGs1(']Q1hello'))).toBe('gs1.scanData');
    expect(codeOf(() => parseGs1('(10)ABC'))).toBe('gs1.missingAssociation');
    expect(codeOf(() => parseGs1(''))).toBe('gs1.empty');
    expect(codeOf(() => parseGs1('hello'))).toBe('gs1.malformed');
  });
});

describe('canonicalId', () => {
  it('accepts every qualifier the key allows in the path (CPV of an ITIP) but not a lone CPV', () => {
    const itip = 'https://id.gs1.org/8006/040123451234560102/22/AB/21/443322';
    expect(canonicalId(itip.replace('id.gs1.org', 'fashion.example'))).toBe(itip);
    expect(codeOf(() => canonicalId('(22)AB'))).toBe('gs1.missingAssociation');
  });

  it('maps every GS1 form of one identifier to the same canonical Digital Link', () => {
    const want = `https://id.gs1.org/01/${GTIN}/21/42`;
    for (const input of [
      `https://txng.example.gov.vn/01/${GTIN.slice(1)}/21/42?linkType=all`,
      `(01)${GTIN}(21)42`,
      'urn:epc:id:sgtin:8934567.089012.42',
      `]d201${GTIN}2142`,
    ]) {
      expect(canonicalId(input)).toBe(want);
    }
  });
});

describe('message catalogue', () => {
  it('has Vietnamese and English text for every error code the module throws', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const thrown = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.includes('.test'))) {
      for (const m of readFileSync(dir + file, 'utf8').matchAll(/new Gs1Error\('([\w.]+)'/g))
        thrown.add(m[1]);
    }
    expect(thrown.size).toBeGreaterThan(15);
    for (const code of thrown) {
      expect(gs1Messages[code]?.vi, code).toBeTruthy();
      expect(gs1Messages[code]?.en, code).toBeTruthy();
    }
  });
});
