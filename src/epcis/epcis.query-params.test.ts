import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, epcisDocument, objectEvent, type TestApp } from '../test/index.ts';
import { captureEpcisDocument } from './epcis.service.ts';

/**
 * The query parameters of the EPCIS 2.0 OpenAPI beyond the basic ones: each answers the events it should and only
 * those, over a small set captured for the purpose (by the program itself: rights are tested elsewhere).
 */
const gtin = 'https://id.gs1.org/01/08934567000017';
const site = 'https://id.gs1.org/414/8934567000000';
const shed = 'https://id.gs1.org/414/8934567000000/254/1';
const elsewhere = 'https://id.gs1.org/414/8934567000024';
const id = (n: number) => `urn:uuid:6f1c1b7e-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

let t: TestApp;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  staff = t.as({ role: 'inspector' });
  const withSensor = objectEvent('p-1', {
    eventID: id(1),
    eventTime: '2024-05-01T08:00:00+07:00',
    readPoint: { id: shed },
    quantityList: [{ epcClass: `${gtin}/10/L1`, quantity: 10, uom: 'KGM' }],
    persistentDisposition: { set: ['completeness_verified'] },
    sensorElementList: [
      {
        sensorMetadata: {
          time: '2024-05-01T01:00:00Z',
          deviceID: 'urn:epc:id:giai:4000001.111',
          bizRules: 'https://example.com/rules',
        },
        sensorReport: [
          { type: 'Temperature', value: 4, uom: 'CEL', percRank: 50, stringValue: 'ok', booleanValue: true },
        ],
      },
    ],
  });
  const second = objectEvent('p-2', {
    eventID: id(2),
    eventTime: '2024-05-02T08:00:00+07:00',
    readPoint: { id: elsewhere },
    quantityList: [{ epcClass: `${gtin}/10/L2`, quantity: 30, uom: 'KGM' }],
    persistentDisposition: { unset: ['https://ref.gs1.org/cbv/Disp-completeness_inferred'] },
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:8934567000000:PO-7' }],
  });
  const transform = {
    type: 'TransformationEvent',
    eventID: id(3),
    eventTime: '2024-05-03T08:00:00+07:00',
    eventTimeZoneOffset: '+07:00',
    transformationID: 'urn:uuid:0f0f0f0f-0000-4000-8000-000000000001',
    inputQuantityList: [{ epcClass: `${gtin}/10/L1`, quantity: 5, uom: 'KGM' }],
    outputEPCList: [`${gtin}/21/p-3`],
  };
  const declaration = objectEvent('p-2', {
    eventID: id(2),
    eventTime: '2024-05-02T08:00:00+07:00',
    readPoint: { id: elsewhere },
    quantityList: [{ epcClass: `${gtin}/10/L2`, quantity: 30, uom: 'KGM' }],
    persistentDisposition: { unset: ['https://ref.gs1.org/cbv/Disp-completeness_inferred'] },
    errorDeclaration: {
      declarationTime: '2024-05-04T00:00:00Z',
      reason: 'incorrect_data',
      correctiveEventIDs: [id(3)],
    },
  });
  await captureEpcisDocument(t.db, epcisDocument([withSensor, second, transform]), { organisationId: null });
  await captureEpcisDocument(t.db, epcisDocument([declaration]), { organisationId: null });
  // master data: the shed is part of the site
  await captureEpcisDocument(
    t.db,
    {
      ...epcisDocument([]),
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:ReadPoint',
              vocabularyElementList: [{ id: site, children: [shed] }],
            },
          ],
        },
      },
    },
    { organisationId: null },
  );
});
afterAll(() => t?.close());

async function query(params: string) {
  const res = await t.app.inject({ url: `/epcis/events?${params}`, headers: staff });
  return res;
}
/** The answer's events as `id(n)` numbers, declarations marked `d`. */
async function found(params: string) {
  const res = await query(params);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .epcisBody.queryResults.resultsBody.eventList.map(
      (e: any) => `${Number(e.eventID.slice(-2))}${e.errorDeclaration ? 'd' : ''}`,
    );
}

describe('EPCIS query parameters', () => {
  it('persistent disposition set and unset, in any form', async () => {
    expect(await found('EQ_persistentDisposition_set=completeness_verified')).toEqual(['1']);
    expect(await found('EQ_persistentDisposition_unset=completeness_inferred')).toEqual(['2', '2d']);
    expect(
      await found('EQ_persistentDisposition_set=https://ref.gs1.org/cbv/Disp-completeness_verified'),
    ).toEqual(['1']);
  });

  it('quantities compared in every quantity list', async () => {
    expect(await found('GE_quantity=5&LT_quantity=30')).toEqual(['1', '3']);
    expect(await found('GE_quantity=10&LT_quantity=30')).toEqual(['1']);
    expect(await found('EQ_quantity=30')).toEqual(['2', '2d']);
    expect(await found('GT_quantity=10&LE_quantity=30')).toEqual(['2', '2d']);
    expect((await query('GE_quantity=abc')).json().errors[0]).toMatchObject({
      field: 'GE_quantity',
      code: 'epcis.query.badNumber',
    });
  });

  it('transformationID, error declarations, their reason, time and corrective events', async () => {
    expect(await found('EQ_transformationID=urn:uuid:0f0f0f0f-0000-4000-8000-000000000001')).toEqual(['3']);
    expect(await found('EXISTS_errorDeclaration')).toEqual(['2d']);
    expect(await found('EQ_errorReason=incorrect_data')).toEqual(['2d']);
    expect(await found('EQ_errorReason=https://ref.gs1.org/cbv/ER-did_not_occur')).toEqual([]);
    expect(await found(`EQ_correctiveEventID=${id(3)}`)).toEqual(['2d']);
    expect(await found('GE_errorDeclaration_Time=2024-05-04T06:00:00%2B07:00')).toEqual(['2d']);
    expect(await found('LT_errorDeclaration_Time=2024-05-04T06:00:00%2B07:00')).toEqual([]);
  });

  it('sensor data: presence, times with any offset, type, device, rules, values, percentile rank', async () => {
    expect(await found('EXISTS_sensorElementList')).toEqual(['1']);
    expect(await found('GE_time=2024-05-01T07:59:00%2B07:00')).toEqual(['1']);
    expect(await found('GE_time=2024-05-01T08:01:00%2B07:00')).toEqual([]);
    expect(await found('EQ_type=gs1:Temperature')).toEqual(['1']);
    expect(await found('EQ_type=https://gs1.org/voc/Humidity')).toEqual([]);
    expect(await found('EQ_deviceID=urn:epc:id:giai:4000001.111')).toEqual(['1']);
    expect(await found('EQ_bizRules=https://example.com/rules')).toEqual(['1']);
    expect(await found('EQ_stringValue=ok&EQ_booleanValue=true')).toEqual(['1']);
    expect(await found('EQ_booleanValue=false')).toEqual([]);
    expect(await found('GE_percRank=50&LE_percRank=50')).toEqual(['1']);
    expect(await found('GT_percRank=50')).toEqual([]);
  });

  it('EQ_bizTransaction_{type} finds the transaction of that type only', async () => {
    expect(await found('EQ_bizTransaction_po=urn:epcglobal:cbv:bt:8934567000000:PO-7')).toEqual(['2']);
    expect(await found('EQ_bizTransaction_inv=urn:epcglobal:cbv:bt:8934567000000:PO-7')).toEqual([]);
  });

  it('WD_readPoint finds the place and every place master data puts under it', async () => {
    expect(await found(`EQ_readPoint=${encodeURIComponent(site)}`)).toEqual([]);
    expect(await found(`WD_readPoint=${encodeURIComponent(site)}`)).toEqual(['1']);
    expect(await found(`WD_readPoint=${encodeURIComponent(elsewhere)}`)).toEqual(['2', '2d']);
  });

  it('orders by eventTime or recordTime, both directions, and pages through in that order', async () => {
    // equal times keep capture order, reversed with the direction
    expect(await found('orderBy=eventTime')).toEqual(['3', '2d', '2', '1']);
    expect(await found('orderBy=eventTime&orderDirection=ASC')).toEqual(['1', '2', '2d', '3']);
    const first = await query('orderBy=eventTime&perPage=2');
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))![1];
    const second = await t.app.inject({ url: next, headers: staff });
    const all = [first, second].flatMap((r) =>
      r.json().epcisBody.queryResults.resultsBody.eventList.map((e: any) => e.eventTime),
    );
    expect(all).toHaveLength(4);
    expect([...all].sort().reverse()).toEqual(all);
    expect((await query('orderBy=bizStep')).json().errors[0].code).toBe('epcis.query.badOrderBy');
    expect((await query('orderDirection=ASC')).json().errors[0].code).toBe(
      'epcis.query.directionWithoutOrder',
    );
  });

  it('eventCountLimit cuts the answer; maxEventCount refuses a larger one with 413', async () => {
    const limited = await query('orderBy=eventTime&eventCountLimit=2');
    expect(limited.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(2);
    expect(limited.headers.link).toBeUndefined();
    const tooMany = await query('maxEventCount=2');
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().title).toContain('2');
    expect((await query('maxEventCount=4')).statusCode).toBe(200);
    expect((await query('eventCountLimit=2&maxEventCount=4')).statusCode).toBe(400);
  });

  it('perPage=abc says what is wrong with it; an unknown parameter is still named', async () => {
    const res = await t.app.inject({
      url: '/epcis/events?perPage=abc',
      headers: { ...staff, 'accept-language': 'vi' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'perPage', code: 'epcis.query.badCount' });
    expect(res.json().errors[0].message).toContain('1 đến 1.000');
    expect((await query('EQ_madeUp=1')).json().errors[0]).toMatchObject({
      field: 'EQ_madeUp',
      code: 'epcis.query.unknownParameter',
    });
  });
});
