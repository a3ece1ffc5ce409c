import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { xsdErrors } from './epcis.xsd.ts';

let t: TestApp;
let asA: Record<string, string>;
let asB: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  asA = t.as({ role: 'org_owner', organisationIds: [(await makeOrganisation(t.db)).id] });
  asB = t.as({ role: 'org_owner', organisationIds: [(await makeOrganisation(t.db)).id] });
  for (const [serial, bizStep, as] of [
    ['n-1', 'shipping', asA],
    ['n-2', 'receiving', asA],
    ['n-3', 'shipping', asA],
    ['n-4', 'shipping', asA],
    ['n-5', 'shipping', asB],
  ] as const)
    expect((await capture(as, objectEvent(serial, { bizStep }))).statusCode).toBe(201);
});
afterAll(() => t.close());

const capture = (headers: Record<string, string>, event: unknown) =>
  t.app.inject({ method: 'POST', url: '/epcis/events', headers, payload: event as object });
const create = (headers: Record<string, string>, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/epcis/queries', headers, payload: body as object });
const get = (url: string, headers = asA) => t.app.inject({ method: 'GET', url, headers });
const serials = (res: { json(): any }) =>
  (res.json().epcisBody.queryResults.resultsBody.eventList as any[]).map((e) =>
    e.epcList[0].split('/').pop(),
  );

describe('named queries', () => {
  it('are created with the binding body, answered at their Location, listed and refused twice', async () => {
    const body = { name: 'shipments', query: { EQ_bizStep: ['shipping'], eventType: ['ObjectEvent'] } };
    const res = await create(asA, body);
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/epcis/queries/shipments');
    expect((await get('/epcis/queries/shipments')).json()).toEqual(body);
    expect((await get('/epcis/queries')).json()).toEqual([body]);
    const again = await create(asA, { ...body, query: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().type).toBe('epcisException:ResourceAlreadyExistsException');
    expect(again.json().code).toBe('/problems/epcis-query-exists');
  });

  it('runs at /events with the semantics of GET /epcis/events, page by page', async () => {
    const first = await get('/epcis/queries/shipments/events?perPage=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().epcisBody.queryResults.queryName).toBe('shipments');
    expect(serials(first)).toEqual(['n-1', 'n-3']);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1];
    const second = await get(next);
    expect(serials(second)).toEqual(['n-4']);
    expect(second.headers.link).toBeUndefined();
    // the same query as parameters answers the same events
    expect(serials(await get('/epcis/events?EQ_bizStep=shipping&eventType=ObjectEvent'))).toEqual([
      'n-1',
      'n-3',
      'n-4',
    ]);
    const bad = await get('/epcis/queries/shipments/events?EQ_bizStep=receiving');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'EQ_bizStep', code: 'epcis.query.unknownParameter' });
  });

  it('answers in the format asked, as GET /epcis/events does (XML under the XSD, 406 for what it cannot write)', async () => {
    const xml = await get('/epcis/queries/shipments/events', { ...asA, accept: 'application/xml' });
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toContain('application/xml');
    expect(xml.body).toContain('<queryName>shipments</queryName>');
    expect(await xsdErrors(xml.body)).toEqual([]);
    expect((await get('/epcis/queries/shipments/events', { ...asA, accept: 'text/csv' })).statusCode).toBe(
      406,
    );
    const urn = await get('/epcis/queries/shipments/events', {
      ...asA,
      'gs1-epc-format': 'Never_Translates',
    });
    expect(urn.headers['gs1-epc-format']).toBe('Never_Translates');
  });

  it('refuses at creation the parameters GET /epcis/events refuses, with the same problem', async () => {
    const viaGet = await get('/epcis/events?EQ_colour=red&GE_eventTime=2024-02-31T00:00:00Z&perPage=0');
    const res = await create(asA, {
      name: 'broken',
      query: { EQ_colour: ['red'], GE_eventTime: '2024-02-31T00:00:00Z', perPage: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().type).toBe('epcisException:QueryParameterException');
    expect(res.json().type).toBe(viaGet.json().type);
    expect(res.json().code).toBe('/problems/epcis-invalid-query');
    expect(res.json().errors.map((e: any) => [e.field, e.code])).toEqual(
      viaGet.json().errors.map((e: any) => [`/query/${e.field}`, e.code]),
    );
    expect((await get('/epcis/queries/broken')).statusCode).toBe(404);
  });

  it('should not show, run or delete a named query of another organisation', async () => {
    expect((await get('/epcis/queries/shipments', asB)).statusCode).toBe(404);
    expect((await get('/epcis/queries/shipments/events', asB)).statusCode).toBe(404);
    expect((await get('/epcis/queries', asB)).json()).toEqual([]);
    const deleted = await t.app.inject({ method: 'DELETE', url: '/epcis/queries/shipments', headers: asB });
    expect(deleted.statusCode).toBe(404);
    expect((await get('/epcis/queries/shipments')).statusCode).toBe(200);
    // the name is the organisation's own: another may use it, and sees only what it may read
    expect((await create(asB, { name: 'shipments', query: { EQ_bizStep: ['shipping'] } })).statusCode).toBe(
      201,
    );
    expect(serials(await get('/epcis/queries/shipments/events', asB))).toEqual(['n-5']);
  });

  it('lists page by page and deletes', async () => {
    for (const name of ['b-query', 'c-query'])
      expect((await create(asA, { name, query: {} })).statusCode).toBe(201);
    const first = await get('/epcis/queries?perPage=2');
    expect(first.json().map((q: any) => q.name)).toEqual(['b-query', 'c-query']);
    const second = await get(/<([^>]+)>; rel="next"/.exec(first.headers.link as string)![1]);
    expect(second.json().map((q: any) => q.name)).toEqual(['shipments']);
    const res = await t.app.inject({ method: 'DELETE', url: '/epcis/queries/b-query', headers: asA });
    expect(res.statusCode).toBe(204);
    expect((await get('/epcis/queries/b-query')).statusCode).toBe(404);
  });

  it('belong to organisations: department staff have none, anonymous callers get 401', async () => {
    const staff = t.as({ role: 'inspector' });
    expect((await get('/epcis/queries', staff)).statusCode).toBe(403);
    expect((await get('/epcis/queries', {})).statusCode).toBe(401);
    const name = await create(asA, { name: 'a/b', query: {} });
    expect(name.statusCode).toBe(400);
  });
});
