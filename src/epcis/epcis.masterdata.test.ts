import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  epcisDocument,
  makeOrganisation,
  objectEvent,
  readText,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
let asA: Record<string, string>;
let asB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const orgA = (await makeOrganisation(t.db)).id;
  const orgB = (await makeOrganisation(t.db)).id;
  asA = t.as({ role: 'org_owner', organisationIds: [orgA] });
  asB = t.as({ role: 'org_owner', organisationIds: [orgB] });
});
afterAll(() => t?.close());

const capture = (body: string, contentType: string, headers = asA) =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });
const vocabularies = (query: string, headers = asA) =>
  t.app.inject({ url: `/epcis/vocabularies${query}`, headers });

const shed = 'https://id.gs1.org/414/8934567000017';
const withMasterData = (name: string, serial: string) => ({
  ...epcisDocument([objectEvent(serial, { readPoint: { id: shed } })]),
  epcisHeader: {
    epcisMasterData: {
      vocabularyList: [
        {
          type: 'urn:epcglobal:epcis:vtype:ReadPoint',
          vocabularyElementList: [
            {
              id: 'urn:epc:id:sgln:8934567.00001.0',
              attributes: [
                { id: 'urn:epcglobal:cbv:mda#name', attribute: name },
                { id: 'urn:epcglobal:cbv:mda#latitude', attribute: 10.95 },
              ],
              children: ['urn:epc:id:sgln:8934567.00001.1'],
            },
          ],
        },
      ],
    },
  },
});

describe('EPCIS master data', () => {
  it("is stored from a document's header, in the canonical form of its ids, and read back", async () => {
    const res = await capture(
      JSON.stringify(withMasterData('Nhà sơ chế số 1', 'md-1')),
      'application/ld+json',
    );
    expect(res.statusCode, res.body).toBe(202);
    const read = await vocabularies('?type=urn:epcglobal:epcis:vtype:ReadPoint');
    expect(read.statusCode).toBe(200);
    expect(read.json().vocabularyList).toEqual([
      {
        type: 'urn:epcglobal:epcis:vtype:ReadPoint',
        vocabularyElementList: [
          {
            id: shed,
            attributes: [
              { id: 'urn:epcglobal:cbv:mda#name', attribute: 'Nhà sơ chế số 1' },
              { id: 'urn:epcglobal:cbv:mda#latitude', attribute: 10.95 },
            ],
            children: ['https://id.gs1.org/414/8934567000017/254/1'],
          },
        ],
      },
    ]);
    // asked for by the id events carry, in either form
    expect((await vocabularies(`?id=${encodeURIComponent(shed)}`)).json().vocabularyList).toHaveLength(1);
    expect((await vocabularies('?id=urn:epc:id:sgln:8934567.00001.0')).json().vocabularyList).toHaveLength(1);
  });

  it('a newer description from the same organisation replaces the older', async () => {
    expect(
      (await capture(JSON.stringify(withMasterData('Nhà sơ chế mới', 'md-2')), 'application/ld+json'))
        .statusCode,
    ).toBe(202);
    const [vocabulary] = (await vocabularies(`?id=${encodeURIComponent(shed)}`)).json().vocabularyList;
    expect(vocabulary.vocabularyElementList).toHaveLength(1);
    expect(vocabulary.vocabularyElementList[0].attributes[0].attribute).toBe('Nhà sơ chế mới');
  });

  it('another organisation does not see it; the department does', async () => {
    expect((await vocabularies('', asB)).json().vocabularyList).toEqual([]);
    const staff = t.as({ role: 'dost_admin' });
    expect((await vocabularies('', staff)).json().vocabularyList.length).toBeGreaterThan(0);
  });

  it('an EPCISMasterDataDocument in XML is stored whole: 7 elements in 2 vocabularies, nested attributes kept', async () => {
    const xml = readText('gs1-epcis/XML/Mimasu/Example-masterData.xml');
    const res = await capture(xml, 'application/xml', asB);
    expect(res.statusCode, res.body).toBe(202);
    const list = (await vocabularies('', asB)).json().vocabularyList;
    expect(list.map((v: any) => [v.type, v.vocabularyElementList.length])).toEqual([
      ['urn:epcglobal:epcis:vtype:BusinessLocation', 4],
      ['urn:epcglobal:epcis:vtype:ReadPoint', 3],
    ]);
    const location = list[0].vocabularyElementList.find(
      (e: any) => e.id === 'https://id.gs1.org/414/0037000007296',
    );
    expect(location.attributes).toContainEqual({
      id: 'http://epcis.example.com/mda/latitude',
      attribute: '+18.0000',
    });
    const address = location.attributes.find((a: any) => a.id === 'http://epcis.example.com/mda/address');
    expect(address.attribute).toMatchObject({
      'example:Address': { Street: '100 Nowhere Street', Zip: '99999' },
    });
    expect(location.children).toHaveLength(3);
  });

  it('master data in the header of an XML EPCISDocument is stored, typed values as JSON values', async () => {
    const xml = readText('gs1-epcis/XML/WithFullCombinationOfFields/masterdata_all_possible_fields.xml');
    const res = await capture(xml, 'application/xml');
    expect(res.statusCode, res.body).toBe(202);
    const list = (await vocabularies('?type=urn:epcglobal:epcis:vtype:BusinessLocation')).json()
      .vocabularyList;
    const element = list[0].vocabularyElementList.find(
      (e: any) => e.id === 'https://id.gs1.org/414/0037000007296',
    );
    const object2 = element.attributes.find((a: any) => a.id === 'http://example.com/ext1#object2');
    expect(object2.attribute).toMatchObject({ 'ext1:int': 10, 'ext1:float': 20 });
  });

  it('answers 400 to a bad page size and 401 without sign-in', async () => {
    expect((await vocabularies('?perPage=abc')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/epcis/vocabularies' })).statusCode).toBe(401);
  });
});
