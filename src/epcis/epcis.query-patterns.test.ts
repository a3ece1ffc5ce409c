import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigit } from '../gs1/index.ts';
import { createTestApp, epcisDocument, objectEvent, type TestApp } from '../test/index.ts';
import { captureEpcisDocument } from './epcis.service.ts';

/**
 * MATCH_* with EPC pattern URIs (`urn:epc:idpat:…`) and with product classes: each pattern answers the events
 * whose identifiers it covers and no others; values that look alike in SQL LIKE (`_`, `%`) are kept apart.
 */
const withCheck = (body: string) => body + checkDigit(body);
const dl = (path: string) => `https://id.gs1.org/${path}`;
const gtinA = withCheck('0893456700001'); // urn:epc:…:8934567.000001
const gtinB = withCheck('0893456700002'); // 8934567.000002
const gtinD = withCheck('0893456700003'); // 8934567.000003
const gtinC = withCheck('0893456800009'); // another company prefix: 8934568.000009
const sscc = withCheck('08934567000000001'); // urn:epc:id:sscc:8934567.0000000001
const grai = `0${withCheck('893456700001')}S1`; // urn:epc:id:grai:8934567.00001.S1

const events: Record<string, Record<string, unknown>> = {
  a1: { epcList: [dl(`01/${gtinA}/21/s-1`)] },
  b2: { epcList: [dl(`01/${gtinB}/21/s-2`)] },
  c9: { epcList: [dl(`01/${gtinC}/21/s-9`)] },
  aLot: { epcList: [dl(`01/${gtinA}/10/L1/21/s-3`)] },
  agg: {
    type: 'AggregationEvent',
    epcList: undefined,
    action: 'ADD',
    parentID: dl(`00/${sscc}`),
    childEPCs: [dl(`01/${gtinA}/21/s-4`)],
  },
  qA: { epcList: [], quantityList: [{ epcClass: dl(`01/${gtinA}/10/L1`), quantity: 2 }] },
  qB: { epcList: [], quantityList: [{ epcClass: dl(`01/${gtinB}`), quantity: 3 }] },
  assets: { epcList: [dl(`8003/${grai}`), dl('8004/8934567ASSET-1')] },
  // lots that differ only where LIKE would see a wildcard
  under: { epcList: [dl(`01/${gtinD}/10/L_1/21/x`)] },
  underDecoy: { epcList: [dl(`01/${gtinD}/10/LX1/21/x`)] },
  percent: { epcList: [dl(`01/${gtinD}/10/P%251/21/x`)] },
  percentDecoy: { epcList: [dl(`01/${gtinD}/10/PQ251/21/x`)] },
};
const names = Object.keys(events);
const eventId = (i: number) => `urn:uuid:6f1c1b7e-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`;

let t: TestApp;
let staff: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  staff = t.as({ role: 'inspector' });
  const list = names.map((name, i) => {
    const { epcList, ...rest } = events[name];
    const event: Record<string, unknown> = { ...objectEvent(name), eventID: eventId(i), ...rest };
    if (epcList === undefined) delete event.epcList;
    else event.epcList = epcList;
    return event;
  });
  await captureEpcisDocument(t.db, epcisDocument(list), { organisationId: null });
});
afterAll(() => t?.close());

const query = (params: string) => t.app.inject({ url: `/epcis/events?${params}`, headers: staff });

async function found(param: string, value: string) {
  const res = await query(`${param}=${encodeURIComponent(value)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json()
    .epcisBody.queryResults.resultsBody.eventList.map((e: any) => names[Number(e.eventID.slice(-2))]);
}

describe('MATCH_* with EPC patterns', () => {
  const everySgtin = ['a1', 'b2', 'c9', 'aLot', 'agg', 'under', 'underDecoy', 'percent', 'percentDecoy'];
  it.each([
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934567.000001.*', ['a1', 'aLot', 'agg']],
    ['MATCH_epc', dl(`01/${gtinA}`), ['a1', 'aLot', 'agg']],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934567.000001.s-1', ['a1']],
    ['MATCH_anyEPC', 'urn:epc:idpat:sgtin:8934567.*.*', everySgtin.filter((n) => n !== 'c9')],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934568.*.*', ['c9']],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:*.*.*', everySgtin],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934567.000002.*|urn:epc:id:sgtin:8934568.000009.s-9', ['b2', 'c9']],
    ['MATCH_epc', 'urn:epc:class:lgtin:8934567.000001.L1', ['aLot']],
    ['MATCH_epc', 'urn:epc:class:lgtin:8934567.000003.L_1', ['under']],
    ['MATCH_epc', 'urn:epc:class:lgtin:8934567.000003.P%251', ['percent']],
    ['MATCH_epc', dl(`01/${gtinD}/10/PQ251`), ['percentDecoy']],
    ['MATCH_parentID', 'urn:epc:idpat:sscc:8934567.*', ['agg']],
    ['MATCH_parentID', 'urn:epc:idpat:sscc:8934568.*', []],
    ['MATCH_anyEPC', 'urn:epc:idpat:sscc:*.*', ['agg']],
    ['MATCH_anyEPC', 'urn:epc:idpat:grai:8934567.00001.*', ['assets']],
    ['MATCH_anyEPC', 'urn:epc:idpat:grai:8934567.*.*', ['assets']],
    ['MATCH_anyEPC', 'urn:epc:idpat:grai:8934567.00002.*', []],
    ['MATCH_epc', 'urn:epc:idpat:giai:8934567.*', ['assets']],
    ['MATCH_epc', 'urn:epc:idpat:giai:8934568.*', []],
    ['MATCH_epcClass', 'urn:epc:idpat:sgtin:8934567.000001.*', ['qA']],
    ['MATCH_epcClass', 'urn:epc:idpat:sgtin:8934567.*.*', ['qA', 'qB']],
    ['MATCH_anyEPCClass', 'urn:epc:idpat:sgtin:8934568.*.*', []],
    ['MATCH_epcClass', dl(`01/${gtinA}`), ['qA']],
    ['MATCH_epcClass', dl(`01/${gtinB}`), ['qB']],
    ['MATCH_epcClass', 'urn:epc:class:lgtin:8934567.000001.L1', ['qA']],
    ['MATCH_epcClass', 'urn:epc:class:lgtin:8934567.000001.L2', []],
  ])('%s=%s', async (param, value, expected) => {
    expect(await found(param, value)).toEqual(expected);
  });

  it.each([
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934567.*.123'],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:*.000001.*'],
    ['MATCH_epc', 'urn:epc:idpat:sgtin:8934567.000001'],
    ['MATCH_anyEPC', 'urn:epc:idpat:sgtin:89345.*.*'],
    ['MATCH_anyEPC', 'urn:epc:idpat:sgtin:8934567.0000011.*'],
    ['MATCH_epc', 'urn:epc:idpat:frobnicate:1.*'],
    ['MATCH_epc', 'urn:epc:idpat:itip:8934567.000001.*.*.*'],
    ['MATCH_epcClass', 'urn:epc:idpat:sscc:8934567.*|urn:epc:idpat:sgtin:**.*.*'],
  ])('%s=%s is refused with 400 naming the parameter', async (param, value) => {
    const res = await query(`${param}=${encodeURIComponent(value)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: param, code: 'epcis.query.badEpcPattern' }),
    ]);
    expect(res.json().errors[0].message).toMatch(/idpat/);
  });
});
