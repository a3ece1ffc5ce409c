import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  epcisDocument,
  makeOrganisation,
  objectEvent,
  readText,
  type TestApp,
} from '../test/index.ts';
import { captureEpcisDocument } from './epcis.service.ts';

/**
 * The SimpleEventQuery families whose names carry a field or a unit (EPCIS 2.0 §8.2.7.1): extension fields at the
 * top level, in ILMD, nested, in error declarations, in sensor elements and places; sensor values and quantities in
 * one unit; master-data attributes. Each answers exactly the events it should.
 */
const ns = 'https://ns.example.com/epcis/';
const gtin = 'https://id.gs1.org/01/08934567000017';
const site = 'https://id.gs1.org/414/8934567000000';
const depot = 'https://id.gs1.org/414/8934567000024';
const id = (n: number) => `urn:uuid:7a2c1b7e-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

let t: TestApp;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  staff = t.as({ role: 'inspector' });
  const first = objectEvent('x-1', {
    eventID: id(1),
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: { id: site, 'ex:dock': 'D7' },
    quantityList: [{ epcClass: `${gtin}/10/L1`, quantity: 10, uom: 'KGM' }],
    'ex:temperatureZone': 'chilled',
    'ex:weight': 12.5,
    'ex:packedAt': '2024-05-01T06:00:00+07:00',
    'ex:details': { 'ex:grade': 'A', 'ex:nested': { 'ex:depth': 3 } },
    ilmd: { 'ex:harvest': '2024-04-30T00:00:00Z', 'ex:moisture': 14, 'ex:origin': { 'ex:farm': 'F1' } },
    sensorElementList: [
      {
        'ex:sensorKind': 'probe',
        sensorMetadata: { time: '2024-05-01T01:00:00Z', 'ex:calibrated': 'yes' },
        sensorReport: [
          {
            type: 'Temperature',
            value: 4,
            uom: 'CEL',
            minValue: 2,
            maxValue: 6,
            meanValue: 4,
            sDev: 0.5,
            'ex:probe': 'P1',
          },
          { type: 'Mass', value: 20, uom: 'KGM' },
        ],
      },
    ],
  });
  // the same namespace under another prefix
  const second = objectEvent('x-2', {
    eventID: id(2),
    readPoint: { id: depot },
    quantityList: [{ epcClass: `${gtin}/10/L2`, quantity: 30, uom: 'KGM' }],
    'other:temperatureZone': 'frozen',
    'other:weight': 30,
    sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: 8, uom: 'CEL' }] }],
  });
  // the prefix `ex` bound to another namespace
  const third = objectEvent('x-3', {
    eventID: id(3),
    readPoint: { id: 'https://id.gs1.org/414/8934567000031' },
    'ex:temperatureZone': 'chilled',
  });
  const declared = {
    ...third,
    errorDeclaration: {
      declarationTime: '2024-05-04T00:00:00Z',
      reason: 'incorrect_data',
      'ex:ticket': 'T-9',
      'ex:meta': { 'ex:by': 'QA' },
    },
  };
  const capture = (events: unknown[], prefixes: Record<string, string>) =>
    captureEpcisDocument(t.db, epcisDocument(events, [prefixes]), { organisationId: null });
  await capture([first], { ex: ns });
  await capture([second], { other: ns });
  await capture([third], { ex: 'https://elsewhere.example.org/' });
  await capture([declared], { ex: 'https://elsewhere.example.org/' });
  await captureEpcisDocument(
    t.db,
    {
      ...epcisDocument([]),
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:ReadPoint',
              vocabularyElementList: [
                { id: site, attributes: [{ id: 'urn:epcglobal:cbv:mda#sst', attribute: '201' }] },
                { id: depot, attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'Kho B' }] },
              ],
            },
          ],
        },
      },
    },
    { organisationId: null },
  );
});
afterAll(() => t?.close());

const bound = { 'gs1-extensions': `ex=${ns}, other=${ns}` };

async function query(params: string, headers: Record<string, string> = {}) {
  return t.app.inject({ url: `/epcis/events?${params}`, headers: { ...staff, ...headers } });
}
/** The answer's events as `id(n)` numbers, declarations marked `d`. */
async function found(params: string, headers: Record<string, string> = {}) {
  const res = await query(params, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .epcisBody.queryResults.resultsBody.eventList.map(
      (e: any) => `${Number(e.eventID.slice(-2))}${e.errorDeclaration ? 'd' : ''}`,
    );
}
const u = encodeURIComponent;

describe('EPCIS query: extension fields', () => {
  it('EQ_ by namespace, whatever prefix each document chose; a prefix alone matches as the document writes it', async () => {
    expect(await found('EQ_ex:temperatureZone=chilled')).toEqual(['1', '3', '3d']);
    expect(await found('EQ_ex:temperatureZone=chilled', bound)).toEqual(['1']);
    expect(await found('EQ_other:temperatureZone=chilled|frozen', bound)).toEqual(['1', '2']);
    expect(await found(`EQ_${u(`${ns}temperatureZone`)}=chilled|frozen`)).toEqual(['1', '2']);
    expect(await found(`EQ_${u(`${ns}#temperatureZone`)}=frozen`)).toEqual(['2']);
    // the header binds both prefixes to one namespace: either names the field in both documents
    expect(await found('EQ_ex:temperatureZone=frozen', bound)).toEqual(['2']);
    expect(
      await found('EQ_ex:temperatureZone=frozen', { 'gs1-extensions': 'ex=https://elsewhere.example.org/' }),
    ).toEqual([]);
  });

  it('numbers compare as numbers, times as instants', async () => {
    expect(await found('EQ_ex:weight=12.5', bound)).toEqual(['1']);
    expect(await found('GT_ex:weight=12', bound)).toEqual(['1', '2']);
    expect(await found('GT_ex:weight=12.5&LE_other:weight=30', bound)).toEqual(['2']);
    expect(await found('LT_ex:weight=12.5', bound)).toEqual([]);
    expect(await found(`GE_ex:packedAt=${u('2024-04-30T23:00:00Z')}`)).toEqual(['1']);
    expect(await found(`GT_ex:packedAt=${u('2024-05-01T06:00:00+07:00')}`)).toEqual([]);
    expect(await found(`LT_ex:packedAt=${u('2024-05-01T06:00:01+07:00')}`)).toEqual(['1']);
    // EQ_ finds a time written with another offset, and the text as written
    expect(await found(`EQ_ex:packedAt=${u('2024-04-30T23:00:00.000Z')}`)).toEqual(['1']);
    expect(await found(`EQ_ex:packedAt=${u('2024-05-01T06:00:00+07:00')}`, bound)).toEqual(['1']);
    expect(await found(`EQ_ex:packedAt=${u('2024-04-30T23:00:01Z')}`)).toEqual([]);
  });

  it('EXISTS_ and _INNER_: a top-level field, or one nested at any depth below', async () => {
    expect(await found('EXISTS_ex:details')).toEqual(['1']);
    expect(await found('EXISTS_ex:grade')).toEqual([]);
    expect(await found('EQ_INNER_ex:grade=A')).toEqual(['1']);
    expect(await found('EQ_INNER_ex:depth=3&EXISTS_INNER_ex:nested')).toEqual(['1']);
    expect(await found('EQ_INNER_ex:temperatureZone=chilled')).toEqual([]);
  });

  it('_ILMD_ and _INNER_ILMD_', async () => {
    expect(await found('EQ_ILMD_ex:moisture=14')).toEqual(['1']);
    expect(await found('EQ_ILMD_ex:moisture=15')).toEqual([]);
    expect(await found(`GE_ILMD_ex:harvest=${u('2024-04-30T07:00:00+07:00')}`)).toEqual(['1']);
    expect(await found(`LT_ILMD_ex:harvest=${u('2024-04-30T07:00:00+07:00')}`)).toEqual([]);
    expect(await found('EXISTS_ILMD_ex:origin')).toEqual(['1']);
    expect(await found('EQ_ILMD_ex:farm=F1')).toEqual([]);
    expect(await found('EQ_INNER_ILMD_ex:farm=F1')).toEqual(['1']);
    expect(await found('EXISTS_ex:moisture')).toEqual([]);
  });

  it('_ERROR_DECLARATION_ finds the declaration, not the event it corrects', async () => {
    expect(await found('EQ_ERROR_DECLARATION_ex:ticket=T-9')).toEqual(['3d']);
    expect(await found('EXISTS_ERROR_DECLARATION_ex:ticket')).toEqual(['3d']);
    expect(await found('EQ_INNER_ERROR_DECLARATION_ex:by=QA')).toEqual(['3d']);
    expect(await found('EQ_ERROR_DECLARATION_ex:ticket=T-9', bound)).toEqual([]);
  });

  it('sensor elements, their metadata and reports; places', async () => {
    expect(await found('EQ_SENSORELEMENT_ex:sensorKind=probe')).toEqual(['1']);
    expect(await found('EQ_SENSORMETADATA_ex:calibrated=yes')).toEqual(['1']);
    expect(await found('EQ_SENSORREPORT_ex:probe=P1&EXISTS_SENSORREPORT_ex:probe')).toEqual(['1']);
    expect(await found('EXISTS_SENSORMETADATA_ex:probe')).toEqual([]);
    expect(await found('EXISTS_SENSORELEMENT_ex:sensorKind')).toEqual(['1']);
    expect(await found('EQ_readPoint_ex:dock=D7')).toEqual(['1']);
    expect(await found('EQ_bizLocation_ex:dock=D7')).toEqual([]);
  });
});

describe('EPCIS query: values in one unit', () => {
  it('sensor report values, minima, maxima, means and deviations in that unit only', async () => {
    expect(await found('GE_value_CEL=4')).toEqual(['1', '2']);
    expect(await found('GT_value_CEL=4')).toEqual(['2']);
    expect(await found('EQ_value_CEL=4|5')).toEqual(['1']);
    expect(await found('GE_value_KGM=20')).toEqual(['1']);
    expect(await found('GE_value_FAH=0')).toEqual([]);
    expect(await found('GE_maxValue_CEL=6&LT_minValue_CEL=3&LE_sDev_CEL=0.5&GE_meanValue_CEL=4')).toEqual([
      '1',
    ]);
    expect(await found('GT_sDev_CEL=0.5')).toEqual([]);
  });

  it('quantities in that unit', async () => {
    expect(await found('EQ_quantity_KGM=10')).toEqual(['1']);
    expect(await found('GE_quantity_KGM=5')).toEqual(['1', '2']);
    expect(await found('EQ_quantity_LTR=10')).toEqual([]);
  });
});

describe('EPCIS query: master-data attributes', () => {
  it('HASATTR_ and EQ_ATTR_ on the read point', async () => {
    expect(await found('HASATTR_readPoint=sst')).toEqual(['1']);
    expect(await found(`HASATTR_readPoint=${u('urn:epcglobal:cbv:mda#sst')}`)).toEqual(['1']);
    expect(await found('EQ_ATTR_readPoint_sst=201')).toEqual(['1']);
    expect(await found('EQ_ATTR_readPoint_sst=202')).toEqual([]);
    expect(await found(`EQ_ATTR_readPoint_name=${u('Kho B')}`)).toEqual(['2']);
    expect(await found('HASATTR_bizLocation=sst')).toEqual([]);
    // any of the attributes
    expect(await found('HASATTR_readPoint=name|sst')).toEqual(['1', '2']);
    expect(await found(`EQ_ATTR_readPoint_${u('urn:epcglobal:cbv:mda#sst')}=201|202`)).toEqual(['1']);
  });
});

describe('EPCIS query: refusals name the parameter', () => {
  it('a bad value says what it must be, in the reader language', async () => {
    const res = await query('GT_ex:weight=heavy', { 'accept-language': 'vi' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: 'GT_ex:weight',
      code: 'epcis.query.badNumberOrTime',
    });
    expect(res.json().errors[0].message).toContain('múi giờ');
    for (const [params, field, code] of [
      ['GE_value_CEL=warm', 'GE_value_CEL', 'epcis.query.badNumber'],
      ['EQ_value_CEL=', 'EQ_value_CEL', 'epcis.query.badNumber'],
      ['EQ_ex:weight=', 'EQ_ex:weight', 'epcis.query.emptyValue'],
      ['HASATTR_readPoint=', 'HASATTR_readPoint', 'epcis.query.emptyValue'],
      ['GE_ILMD_ex:harvest=2024-02-31T00:00:00Z', 'GE_ILMD_ex:harvest', 'epcis.query.badNumberOrTime'],
      ['EQ_madeUp=1', 'EQ_madeUp', 'epcis.query.unknownParameter'],
      ['HASATTR_epc=sst', 'HASATTR_epc', 'epcis.query.unknownParameter'],
      ['GT_readPoint_ex:dock=1', 'GT_readPoint_ex:dock', 'epcis.query.unknownParameter'],
      ['EQ_minValue_CEL=1', 'EQ_minValue_CEL', 'epcis.query.unknownParameter'],
      ['GE_value_celsius=1', 'GE_value_celsius', 'epcis.query.unknownParameter'],
    ]) {
      const r = await query(params);
      expect(r.statusCode, params).toBe(400);
      expect(r.json().errors[0], params).toMatchObject({ field, code });
    }
  });
});

describe('EPCIS query: extension families over the GS1 examples', () => {
  let g: TestApp;
  let owner: Record<string, string>;
  /** eventID → the example file it came from */
  const origin = new Map<string, string>();
  const examples = {
    xml: 'gs1-epcis/XML/WithExtension/TransformationEvent.xml',
    transformation: 'gs1-epcis/JSON/Example_9.6.4-TransformationEvent.jsonld',
    sensor: 'gs1-epcis/JSON/WithSensorData/SensorDataExample6.jsonld',
  };
  const list = async (params: string): Promise<string[]> => {
    const res = await g.app.inject({ url: `/epcis/events?perPage=1000&${params}`, headers: owner });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().epcisBody.queryResults.resultsBody.eventList.map((e: any) => e.eventID as string);
  };
  const from = async (params: string) => [...new Set((await list(params)).map((e) => origin.get(e)))].sort();

  beforeAll(async () => {
    g = await createTestApp();
    owner = g.as({ role: 'org_owner', organisationIds: [(await makeOrganisation(g.db)).id] });
    for (const [name, file] of Object.entries(examples)) {
      const xml = file.endsWith('.xml');
      const res = await g.app.inject({
        method: 'POST',
        url: '/epcis/capture',
        headers: { ...owner, 'content-type': xml ? 'application/xml' : 'application/ld+json' },
        payload: readText(file),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      for (const e of await list('')) if (!origin.has(e)) origin.set(e, name);
    }
  });
  afterAll(() => g?.close());

  it('fields the XML and the JSON-LD examples carry, at every level', async () => {
    expect(await from('EQ_ILMD_example:grading=A')).toEqual(['xml']);
    expect(await from('EQ_ILMD_example:batch=XYZ')).toEqual(['transformation']);
    expect(await from('EQ_INNER_ILMD_example2:sizeCode=B-2')).toEqual(['xml']);
    expect(await from(`EQ_ERROR_DECLARATION_example:issuer=${u('Employee 123')}`)).toEqual(['xml']);
    expect(await from('EQ_INNER_ERROR_DECLARATION_example3:value1=34')).toEqual(['xml']);
    expect(await from(`EQ_INNER_example:machine=${u('urn:epc:id:giai:4012345.ABC')}`)).toEqual(['xml']);
    expect(await from(`EQ_readPoint_example:gs1ES=${u('(414)4023333000000')}`)).toEqual(['xml']);
    expect(await from(`EQ_example:myField=${u('Example of a vendor/user extension')}`)).toEqual([
      'transformation',
    ]);
    expect(await from(`EXISTS_${u('http://ns.example.com/epcis/myField')}`)).toEqual(['transformation']);
    expect(await from(`EXISTS_${u('http://ns.example.com/epcis#internalData')}`)).toEqual(['xml']);
  });

  it("a named query's @context binds the prefixes its field names use", async () => {
    const created = await g.app.inject({
      method: 'POST',
      url: '/epcis/queries',
      headers: owner,
      payload: {
        name: 'graded',
        query: { '@context': [{ mine: 'http://ns.example.com/epcis/' }], 'EXISTS_mine:myField': null },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await g.app.inject({ url: '/epcis/queries/graded/events', headers: owner });
    expect(res.statusCode, res.body).toBe(200);
    const found = res
      .json()
      .epcisBody.queryResults.resultsBody.eventList.map((e: any) => origin.get(e.eventID));
    expect(found).toEqual(['transformation']);
  });

  it('sensor extensions and values in one unit', async () => {
    expect(await from('EQ_SENSORMETADATA_example:someFurtherMetaData=someText')).toEqual(['sensor', 'xml']);
    expect(await from('EQ_SENSORREPORT_example:cv=123')).toEqual(['sensor', 'xml']);
    expect(await from('EQ_SENSORELEMENT_example:someUserField=abc123')).toEqual(['xml']);
    expect(await from('GE_maxValue_CEL=13.8&LE_minValue_CEL=12.4')).toEqual(['sensor', 'xml']);
    expect(await from('GT_maxValue_CEL=13.8')).toEqual([]);
    expect(await from('GE_percValue_CEL=12.7&GE_meanValue_CEL=13.2&GE_sDev_CEL=0.41')).toEqual([
      'sensor',
      'xml',
    ]);
    expect(await from('GT_percValue_CEL=12.7')).toEqual([]);
  });
});
