import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import { createTestApp, epcisDocument, makeOrganisation, type TestApp } from '../test/index.ts';

/**
 * Trace answers name what the registry does not know by the master data of the organisations whose events they
 * show — never by another organisation's description.
 */
let t: TestApp;
const lot = 'https://id.gs1.org/01/08934567000017/10/L9';
const workshop = 'https://id.gs1.org/414/8934567000000/254/7';
const buyer = 'https://id.gs1.org/417/4012345000009';
const store = 'https://id.gs1.org/414/8934567000000/254/8';
const masterData = (names: [string, string, string, string][]) => ({
  epcisMasterData: {
    vocabularyList: names.map(([type, id, attribute, value]) => ({
      type,
      vocabularyElementList: [{ id, attributes: [{ id: attribute, attribute: value }] }],
    })),
  },
});

beforeAll(async () => {
  t = await createTestApp();
  const producer = await makeOrganisation(t.db, { gs1CompanyPrefixes: ['8934567'] });
  const other = await makeOrganisation(t.db, { gs1CompanyPrefixes: ['8930001'] });
  // another organisation describes the same workshop first: its words must not show in the producer's trace
  await captureEpcisDocument(
    t.db,
    {
      ...epcisDocument([]),
      epcisHeader: masterData([
        ['urn:epcglobal:epcis:vtype:ReadPoint', workshop, 'urn:epcglobal:cbv:mda#name', 'Tên giả'],
      ]),
    },
    { organisationId: other.id },
  );
  const commissioning = {
    type: 'ObjectEvent',
    eventTime: '2026-11-01T08:00:00+07:00',
    eventTimeZoneOffset: '+07:00',
    action: 'ADD',
    bizStep: 'commissioning',
    quantityList: [{ epcClass: lot, quantity: 100, uom: 'KGM' }],
    readPoint: { id: workshop },
    bizLocation: { id: store },
    destinationList: [{ type: 'owning_party', destination: buyer }],
  };
  await captureEpcisDocument(
    t.db,
    {
      ...epcisDocument([commissioning]),
      epcisHeader: masterData([
        ['urn:epcglobal:epcis:vtype:ReadPoint', workshop, 'urn:epcglobal:cbv:mda#name', 'Xưởng sơ chế số 7'],
        [
          'urn:epcglobal:epcis:vtype:EPCClass',
          'urn:epc:idpat:sgtin:8934567.000001.*',
          'urn:epcglobal:cbv:mda#descriptionShort',
          'Cà phê rang xay',
        ],
        ['urn:epcglobal:epcis:vtype:Party', buyer, 'cbvmda:name', 'Kaffee Import GmbH'],
      ]),
    },
    { organisationId: producer.id },
  );
});
afterAll(() => t?.close());

describe('names from master data in trace answers', () => {
  it('names places, parties and products the registry does not know, by the events’ own organisation', async () => {
    const res = await t.app.inject({
      url: `/api/trace?id=${encodeURIComponent(lot)}&direction=forward`,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.find((i: any) => i.id === lot).productName).toBe('Cà phê rang xay');
    expect(body.locations.find((l: any) => l.id === workshop).name).toBe('Xưởng sơ chế số 7');
    expect(body.parties.find((p: any) => p.id === buyer).name).toBe('Kaffee Import GmbH');
    // the store only another organisation described keeps no name from it
    expect(body.locations.find((l: any) => l.id === store).name).not.toBe('Kho giả');
    expect(JSON.stringify(body)).not.toContain('giả');
  });
});
