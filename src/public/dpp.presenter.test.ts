import { describe, expect, it } from 'vitest';
import { buildContent } from '../passport/index.ts';
import { labelGroup, labelProducer, labelProduct } from '../passport/testing.ts';
import type { Subject } from '../resolver/index.ts';
import { presentDpp } from './dpp.presenter.ts';
import type { PassportPageData } from './passport.page.ts';

const product = labelProduct;
const group = labelGroup;
const producer = labelProducer;

describe('presentDpp (JSON-LD)', () => {
  it('puts the label’s items under GS1 terms, both languages, with the version and the earlier ones', () => {
    const content = buildContent(product, group, { warnings: 'Có chứa hạt điều', proteinContent: '18 %' });
    const organisation = {
      ...producer,
      certificates: [{ kind: 'haccp', number: 'H-1', issuer: 'QUACERT', validTo: '2028-01-01' }],
    };
    const data = {
      dlPath: `/01/${product.gtin}`,
      passport: {
        current: { version: 3, approvedAt: '2026-12-06T01:00:00.000Z', content },
        history: [
          { version: 3, approvedAt: '2026-12-06T01:00:00.000Z' },
          { version: 2, approvedAt: '2026-11-01T01:00:00.000Z' },
        ],
      },
      organisation,
      lot: null,
    } as unknown as PassportPageData;
    const subject = { product, organisation, lot: null, stamp: null } as unknown as Subject;
    const base = 'https://txng.example.vn';
    const doc = presentDpp(subject, data, `${base}/01/${product.gtin}`, {
      page: `${base}/page/01/${product.gtin}`,
      passport: `${base}/dpp/01/${product.gtin}`,
      label: `${base}/epil/01/${product.gtin}`,
    }) as Record<string, unknown>;
    expect(doc.consumerSafetyInformation).toEqual([{ '@value': 'Có chứa hạt điều', '@language': 'vi' }]);
    expect(doc['schema:version']).toBe(3);
    expect(doc['schema:archivedAt']).toEqual([`${base}/dpp/01/${product.gtin}?version=2`]);
    expect(doc.epil).toBe(`${base}/epil/01/${product.gtin}`);
    expect(doc['schema:countryOfOrigin']).toEqual([
      { '@value': 'Xã Bù Đăng, Việt Nam', '@language': 'vi' },
      { '@value': 'Xã Bù Đăng, Viet Nam', '@language': 'en' },
    ]);
    expect(doc['schema:additionalProperty']).toContainEqual(
      expect.objectContaining({ name: 'proteinContent', 'schema:description': 'Độ đạm' }),
    );
    expect(JSON.stringify(doc)).not.toContain('"warnings"');
  });
});
