import { describe, expect, it } from 'vitest';
import { parseResolverUrl } from './resolver.dl.ts';
import { buildLinks, chooseLinks, findLinks } from './resolver.links.ts';
import type { Subject } from './resolver.subject.ts';

const base = 'https://txng.example.vn';
const gtin = '08931234567897';

describe('findLinks (the redirect builds only the levels it needs)', () => {
  it('chooses exactly what chooseLinks over every link chooses', () => {
    const subjects = [
      { lot: { lot: 'L1' }, organisation: { certificates: [{ kind: 'vietgap', number: '1', issuer: 'S' }] } },
      {
        lot: { lot: 'L1' },
        organisation: {
          certificates: [
            { kind: 'vietgap', number: '1', issuer: 'S', fileUrl: `${base}/files/1` },
            { kind: 'organic', number: '2', issuer: 'S', fileUrl: `${base}/files/2` },
          ],
        },
      },
      { lot: null, organisation: null },
    ] as unknown as Subject[];
    const paths = [`/01/${gtin}`, `/01/${gtin}/10/L1`, `/01/${gtin}/21/42`, `/01/${gtin}/10/L1/21/42`];
    const types = [
      'pip',
      'epcis',
      'traceability',
      'recallStatus',
      'certificationInfo',
      'dpp',
      'epil',
      'none',
    ];
    let compared = 0;
    for (const subject of subjects)
      for (const path of paths)
        for (const type of types)
          for (const lang of ['vi', 'en'] as const)
            for (const explicit of [false, true]) {
              const dl = parseResolverUrl(base, path);
              const all = chooseLinks(buildLinks(base, dl, subject), type, lang, explicit);
              expect(findLinks(base, dl, subject, type, lang, explicit)).toEqual(all);
              compared++;
            }
    expect(compared).toBe(384);
  });
});
