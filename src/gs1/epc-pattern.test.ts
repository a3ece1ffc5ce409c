import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.ts';
import { epcPatternToIdPattern, gtinClassPattern } from './epc-pattern.ts';

const S = 'https://id.gs1.org';
const withCheck = (body: string) => body + checkDigit(body);

describe('epcPatternToIdPattern', () => {
  it.each([
    // one GTIN: its serials, also behind a CPV or a lot
    [
      'urn:epc:idpat:sgtin:0614141.107346.*',
      [
        `${S}/01/${withCheck('1061414107346')}/21/%`,
        `${S}/01/${withCheck('1061414107346')}/22/%/21/%`,
        `${S}/01/${withCheck('1061414107346')}/10/%/21/%`,
      ],
    ],
    // a company prefix: indicator digit, prefix, then one wildcard per digit up to the check digit
    ['urn:epc:idpat:sscc:0614141.*', [`${S}/00/_0614141__________`]],
    [
      'urn:epc:idpat:sgln:0614141.12345.*',
      [`${S}/414/${withCheck('061414112345')}`, `${S}/414/${withCheck('061414112345')}/254/%`],
    ],
    ['urn:epc:idpat:sgln:*.*.*', [`${S}/414/_____________`, `${S}/414/_____________/254/%`]],
    // GRAI: a 0, the 13-digit key, then a serial of at least one character
    ['urn:epc:idpat:grai:0614141.*.*', [`${S}/8003/00614141_______%`]],
    ['urn:epc:idpat:giai:0614141.*', [`${S}/8004/0614141_%`]],
    ['urn:epc:idpat:gsrn:0614141.*', [`${S}/8018/0614141___________`]],
    ['urn:epc:idpat:gdti:0614141.12345.*', [`${S}/253/${withCheck('061414112345')}_%`]],
    ['urn:epc:idpat:cpi:0614141.5PQ7%2FZ43.*', [`${S}/8010/06141415PQ7\\%2FZ43/8011/%`]],
    ['urn:epc:idpat:itip:0614141.*.*.*.*', [`${S}/8006/_0614141__________/21/%`]],
    ['urn:epc:idpat:upui:0614141.107346.*', [`${S}/01/${withCheck('1061414107346')}/235/%`]],
  ])('%s', (urn, likes) => {
    expect(epcPatternToIdPattern(urn)).toEqual({ ids: [], likes });
  });

  it('reads a pattern with every field as that one EPC, and a GTIN pattern as classes for class parameters', () => {
    expect(epcPatternToIdPattern('urn:epc:idpat:sgtin:0614141.107346.2017')).toEqual({
      ids: [`${S}/01/${withCheck('1061414107346')}/21/2017`],
      likes: [],
    });
    expect(epcPatternToIdPattern('urn:epc:idpat:sgtin:0614141.*.*', 'class')).toEqual({
      ids: [],
      likes: [`${S}/01/_0614141______`, `${S}/01/_0614141______/%`],
    });
    expect(epcPatternToIdPattern('urn:epc:id:sgtin:0614141.107346.2017')).toBeNull();
  });

  it.each([
    'urn:epc:idpat:sgtin:0614141.*.2017',
    'urn:epc:idpat:sgtin:*.107346.*',
    'urn:epc:idpat:sgtin:0614141.107346',
    'urn:epc:idpat:sgtin:06141.*.*',
    'urn:epc:idpat:sgtin:0614141.1073466.*',
    'urn:epc:idpat:itip:0614141.107346.*.*.*',
    'urn:epc:idpat:nope:1.*',
  ])('refuses %s', (urn) => {
    expect(() => epcPatternToIdPattern(urn)).toThrow(
      expect.objectContaining({ code: 'gs1.epc.invalidPattern' }),
    );
  });
});

describe('gtinClassPattern', () => {
  const gtin = `${S}/01/${withCheck('1061414107346')}`;
  it('widens a product class to its items (instances) or its lots (classes), escaping LIKE wildcards', () => {
    expect(gtinClassPattern(`${gtin}/10/A_1`, 'instance')).toEqual({
      ids: [`${gtin}/10/A_1`],
      likes: [`${gtin}/10/A\\_1/21/%`],
    });
    expect(gtinClassPattern(gtin, 'class')).toEqual({ ids: [gtin], likes: [`${gtin}/%`] });
    expect(gtinClassPattern(`${gtin}/10/A`, 'class')).toBeNull();
    expect(gtinClassPattern(`${gtin}/21/1`, 'instance')).toBeNull();
    expect(gtinClassPattern(`${S}/414/${withCheck('061414112345')}`, 'instance')).toBeNull();
  });
});
