import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { parseEventQuery } from './epcis.query.ts';
import {
  captureEpcisDocument,
  findEventsByIds,
  findEventsByLinkValues,
  getEventsByPk,
  queryEvents,
} from './epcis.service.ts';
import { schemaErrors } from './epcis.validator.ts';

const gtin = 'https://id.gs1.org/01/08934567000017';
const serial1 = `${gtin}/21/q-1`;
const partyA = 'https://id.gs1.org/417/8934567000000';
const glnB = 'https://id.gs1.org/414/8934567000024';

let t: TestApp;
let orgA: string;
let orgB: string;
let asA: Record<string, string>;
let asB: Record<string, string>;
let staff: Record<string, string>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await makeOrganisation(t.db)).id;
  orgB = (await makeOrganisation(t.db)).id;
  asA = t.as({ role: 'org_owner', organisationIds: [orgA] });
  asB = t.as({ role: 'org_owner', organisationIds: [orgB] });
  staff = t.as({ role: 'inspector' });
  const commission = objectEvent('q-1', {
    eventID: 'urn:uuid:6f1c1b7e-0000-4000-8000-000000000001',
    eventTime: '2024-05-01T08:00:00+07:00',
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    ilmd: { 'cbvmda:lotNumber': 'LOT-1' },
  });
  const ship = objectEvent('q-1', {
    eventID: 'urn:uuid:6f1c1b7e-0000-4000-8000-000000000002',
    eventTime: '2024-05-02T08:00:00+07:00',
    bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
    sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8934567.00000' }],
    destinationList: [{ type: 'location', destination: glnB }],
  });
  const transform = {
    type: 'TransformationEvent',
    eventTime: '2024-05-03T08:00:00+07:00',
    eventTimeZoneOffset: '+07:00',
    inputQuantityList: [{ epcClass: `${gtin}/10/LOT-1`, quantity: 120.5, uom: 'KGM' }],
    outputEPCList: ['urn:epc:id:sgtin:8934567.000001.q-2'],
    bizStep: 'creating_class_instance',
  };
  const a = await captureEpcisDocument(t.db, epcisDocument([commission, ship, transform]), {
    organisationId: orgA,
  });
  [ids.commission, ids.ship, ids.transform] = a.eventIds;
  const receive = objectEvent('q-1', { eventTime: '2024-05-04T08:00:00+07:00', bizStep: 'receiving' });
  ids.receive = (
    await captureEpcisDocument(t.db, epcisDocument([receive]), { organisationId: orgB })
  ).eventIds[0];
});
afterAll(() => t.close());

const get = (url: string, headers = staff) => t.app.inject({ method: 'GET', url, headers });
const eventIdsOf = (res: { json(): any }) =>
  (res.json().epcisBody.queryResults.resultsBody.eventList as any[]).map((e) => e.eventID);

describe('GET /epcis/events', () => {
  it('returns an EPCISQueryDocument that is valid under the official schema', async () => {
    const res = await get('/epcis/events');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    expect(schemaErrors(res.json())).toEqual([]);
    expect(eventIdsOf(res)).toEqual([ids.commission, ids.ship, ids.transform, ids.receive]);
    const first = res.json().epcisBody.queryResults.resultsBody.eventList[0];
    expect(first.ilmd).toEqual({ 'cbvmda:lotNumber': 'LOT-1' });
    expect(first['@context'][0]).toBe('https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld');
    expect(first.recordTime).toMatch(/Z$/);
  });

  it.each([
    ['eventType=TransformationEvent', ['transform']],
    ['eventType=ObjectEvent|TransformationEvent&EQ_bizStep=receiving', ['receive']],
    ['EQ_bizStep=shipping', ['ship']],
    ['EQ_bizStep=urn:epcglobal:cbv:bizstep:commissioning', ['commission']],
    ['EQ_action=ADD', ['commission']],
    ['EQ_disposition=active', ['commission']],
    ['GE_eventTime=2024-05-02T08:00:00%2B07:00&LT_eventTime=2024-05-04T00:00:00Z', ['ship', 'transform']],
    ['MATCH_epc=urn:epc:id:sgtin:8934567.000001.q-1', ['commission', 'ship', 'receive']],
    [`MATCH_anyEPC=${encodeURIComponent(`${gtin}/21/q-2`)}`, ['transform']],
    [`MATCH_outputEPC=${encodeURIComponent(`${gtin}/21/q-2`)}`, ['transform']],
    [`MATCH_inputEPC=${encodeURIComponent(`${gtin}/21/q-2`)}`, []],
    [`MATCH_epcClass=${encodeURIComponent(`${gtin}/10/LOT-1`)}`, []],
    ['MATCH_anyEPCClass=urn:epc:class:lgtin:8934567.000001.LOT-1', ['transform']],
    [
      `EQ_readPoint=${encodeURIComponent('urn:epc:id:sgln:8934567.00000.0')}`,
      ['commission', 'ship', 'receive'],
    ],
    [`EQ_source_owning_party=${encodeURIComponent(partyA)}`, ['ship']],
    [`EQ_destination_location=${encodeURIComponent(glnB)}`, ['ship']],
    ['EQ_eventID=urn:uuid:6f1c1b7e-0000-4000-8000-000000000002', ['ship']],
  ])('%s', async (query, expected) => {
    const res = await get(`/epcis/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(eventIdsOf(res)).toEqual(expected.map((k) => ids[k]));
  });

  it('pages with perPage, a Link rel=next header and an opaque token', async () => {
    const first = await get('/epcis/events?perPage=3');
    expect(eventIdsOf(first)).toHaveLength(3);
    const link = first.headers.link as string;
    expect(link).toMatch(/^<\/epcis\/events\?perPage=3&nextPageToken=[\w-]+>; rel="next"$/);
    const next = await get(link.slice(1, link.indexOf('>')));
    expect(eventIdsOf(next)).toEqual([ids.receive]);
    expect(next.headers.link).toBeUndefined();
    const token = new URL(link.slice(1, link.indexOf('>')), 'http://x').searchParams.get('nextPageToken');
    expect((await get(`/epcis/events?eventType=ObjectEvent&nextPageToken=${token}`)).statusCode).toBe(400);
  });

  it.each([
    ['perPage=1001', 'perPage'],
    ['GE_eventTime=yesterday', 'GE_eventTime'],
    ['GE_eventTime=2024-05-01T08:00:00', 'GE_eventTime'],
    ['nextPageToken=abc', 'nextPageToken'],
    ['EQ_colour=red', 'EQ_colour'],
    ['MATCH_epc=https://id.gs1.org/01/08934567000018/21/x', 'MATCH_epc'],
  ])('rejects %s with 400 naming the parameter', async (query, field) => {
    const res = await get(`/epcis/events?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe(field);
  });

  it('finds one event by its URL-encoded eventID, and answers 404 for an unknown one', async () => {
    const res = await get(`/epcis/events/${encodeURIComponent(ids.transform)}`);
    expect(res.statusCode).toBe(200);
    expect(eventIdsOf(res)).toEqual([ids.transform]);
    expect(res.json().epcisBody.queryResults.resultsBody.eventList[0].type).toBe('TransformationEvent');
    expect((await get(`/epcis/events/${encodeURIComponent('urn:uuid:nope')}`)).statusCode).toBe(404);
  });

  it('serves the top-level resources', async () => {
    expect((await get('/epcis/eventTypes')).json()).toMatchObject({
      type: 'Collection',
      member: [
        'ObjectEvent',
        'AggregationEvent',
        'TransactionEvent',
        'TransformationEvent',
        'AssociationEvent',
      ],
    });
    expect((await get('/epcis/bizSteps/shipping')).json().member).toEqual(['events']);
    expect((await get('/epcis/bizSteps')).json().member).toEqual([
      'commissioning',
      'creating_class_instance',
      'receiving',
      'shipping',
    ]);
    expect(eventIdsOf(await get('/epcis/bizSteps/receiving/events'))).toEqual([ids.receive]);
    expect(eventIdsOf(await get('/epcis/eventTypes/TransformationEvent/events'))).toEqual([ids.transform]);
    const epc = encodeURIComponent(`${gtin}/21/q-2`);
    expect(eventIdsOf(await get(`/epcis/epcs/${epc}/events`))).toEqual([ids.transform]);
    expect((await get('/epcis/readPoints')).json().member).toEqual(['https://id.gs1.org/414/8934567000000']);
  });
});

describe('visibility', () => {
  it('an organisation never sees another organisation’s events', async () => {
    expect(eventIdsOf(await get('/epcis/events', asB))).toEqual([ids.receive]);
    expect(eventIdsOf(await get('/epcis/events', asA))).toEqual([ids.commission, ids.ship, ids.transform]);
    expect((await get(`/epcis/events/${encodeURIComponent(ids.ship)}`, asB)).statusCode).toBe(404);
    expect(eventIdsOf(await get(`/epcis/epcs/${encodeURIComponent(serial1)}/events`, asB))).toEqual([
      ids.receive,
    ]);
    expect((await get('/epcis/bizSteps', asB)).json().member).toEqual(['receiving']);
    expect((await get('/epcis/events')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/epcis/events' })).statusCode).toBe(401);
  });

  it('an organisation also sees events naming one of its values as source or destination', async () => {
    const query = parseEventQuery({});
    const { events } = await queryEvents(t.db, query, {
      all: false,
      organisationIds: [orgB],
      linkValues: [glnB],
    });
    expect(events.map((e) => e.eventId)).toEqual([ids.ship, ids.receive]);
  });
});

describe('read contract for other modules', () => {
  it('findEventsByIds: every role, ordered by eventTime, scoped to organisations', async () => {
    const all = await findEventsByIds(t.db, { ids: [serial1, `${gtin}/10/LOT-1`] });
    expect(all.map((e) => e.eventId)).toEqual([ids.commission, ids.ship, ids.transform, ids.receive]);
    const transform = all[2];
    expect(transform.ids).toContainEqual({
      id: `${gtin}/10/LOT-1`,
      role: 'input',
      isClass: true,
      quantity: 120.5,
      uom: 'KGM',
    });
    expect(transform.ids).toContainEqual({
      id: `${gtin}/21/q-2`,
      role: 'output',
      isClass: false,
      quantity: null,
      uom: null,
    });
    const onlyB = await findEventsByIds(t.db, { ids: [serial1], organisationIds: [orgB] });
    expect(onlyB.map((e) => e.eventId)).toEqual([ids.receive]);
  });

  it('findEventsByIds as of a time: later events and declared errors are left out accordingly', async () => {
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const correction = objectEvent('q-1', {
      eventID: 'urn:uuid:6f1c1b7e-0000-4000-8000-000000000002',
      eventTime: '2024-05-02T08:00:00+07:00',
      bizStep: 'shipping',
      errorDeclaration: { declarationTime: '2024-05-05T08:00:00+07:00', reason: 'incorrect_data' },
    });
    await captureEpcisDocument(
      t.db,
      epcisDocument([correction, objectEvent('q-1', { bizStep: 'storing' })]),
      {
        organisationId: orgA,
      },
    );
    const then = await findEventsByIds(t.db, { ids: [serial1], asOf: before });
    expect(then.map((e) => e.eventId)).toEqual([ids.commission, ids.ship, ids.receive]);
    const now = await findEventsByIds(t.db, { ids: [serial1] });
    expect(now.map((e) => e.eventId)).not.toContain(ids.ship);
    expect(now.map((e) => e.bizStep)).toContain('storing');
  });

  it('findEventsByLinkValues and getEventsByPk', async () => {
    const linked = await findEventsByLinkValues(t.db, { values: [partyA] });
    expect(linked).toHaveLength(0); // the only event naming partyA was declared erroneous
    const toB = await findEventsByLinkValues(t.db, {
      values: [glnB],
      asOf: new Date('2000-01-01T00:00:00Z'),
    });
    expect(toB).toHaveLength(0);
    const [one] = await findEventsByIds(t.db, { ids: [`${gtin}/21/q-2`] });
    const byPk = await getEventsByPk(t.db, [one.pk]);
    expect(byPk[0]).toMatchObject({ eventId: one.eventId, links: [], organisationId: orgA });
  });
});
