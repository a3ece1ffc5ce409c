import { sql } from 'drizzle-orm';
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
let orgA: string;
let orgB: string;
let asA: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await makeOrganisation(t.db)).id;
  orgB = (await makeOrganisation(t.db)).id;
  asA = t.as({ role: 'org_owner', organisationIds: [orgA] });
});
afterAll(() => t.close());

const capture = (body: unknown, headers: Record<string, string> = asA, contentType = 'application/ld+json') =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function counts() {
  const [row] = (
    (await t.db.execute(sql`SELECT (SELECT count(*) FROM epcis_events)::int AS events,
      (SELECT count(*) FROM epcis_event_ids)::int AS ids, (SELECT count(*) FROM epcis_event_links)::int AS links`)) as any
  ).rows;
  return row as { events: number; ids: number; links: number };
}

describe('POST /epcis/capture', () => {
  it('captures a document: 202, Location, the job, stored ids and links in canonical form', async () => {
    const event = objectEvent('cap-1', {
      epcList: ['urn:epc:id:sgtin:8934567.000001.cap-1'],
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8934567.00000' }],
      bizTransactionList: [{ type: 'inv', bizTransaction: 'urn:epcglobal:cbv:bt:8934567000000:HD-1' }],
    });
    const res = await capture(epcisDocument([event]));
    expect(res.statusCode).toBe(202);
    expect(res.headers['gs1-epcis-version']).toBe('2.0.0');
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/epcis\/capture\/[0-9a-f-]{36}$/);
    const job = await t.app.inject({ method: 'GET', url: location, headers: asA });
    expect(job.json()).toMatchObject({ running: false, success: true, eventCount: 1 });
    const ids = (await t.db.execute(sql`SELECT id, role FROM epcis_event_ids`)) as any;
    expect(ids.rows).toContainEqual({ id: 'https://id.gs1.org/01/08934567000017/21/cap-1', role: 'epc' });
    const links = (await t.db.execute(
      sql`SELECT kind, type, value FROM epcis_event_links ORDER BY kind`,
    )) as any;
    expect(links.rows).toEqual([
      { kind: 'bizTransaction', type: 'inv', value: 'urn:epcglobal:cbv:bt:8934567000000:HD-1' },
      { kind: 'source', type: 'owning_party', value: 'https://id.gs1.org/417/8934567000000' },
    ]);
  });

  it('is idempotent: the same events captured twice are stored once, with the same (hash) eventIDs', async () => {
    const doc = epcisDocument([objectEvent('idem-1'), objectEvent('idem-2')]);
    const first = await capture(doc);
    const before = await counts();
    const second = await capture(doc);
    expect(second.statusCode).toBe(202);
    expect(second.json().eventIDs).toEqual(first.json().eventIDs);
    expect(first.json().eventIDs[0]).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(await counts()).toEqual(before);
  });

  it('stores an event repeated inside one document once', async () => {
    const before = await counts();
    const res = await capture(epcisDocument([objectEvent('twice'), objectEvent('twice')]));
    expect(res.json().eventCount).toBe(1);
    const after = await counts();
    expect([after.events - before.events, after.ids - before.ids]).toEqual([1, 1]);
  });

  it('an eventID already stored with other content: 409 naming it, the old event kept as it was, the job failed', async () => {
    const id = 'urn:uuid:6f6f2c1e-2b9a-4f0e-9d55-clash0000001';
    const first = await capture(epcisDocument([objectEvent('clash-1', { eventID: id })]));
    expect(first.statusCode).toBe(202);
    const before = await counts();
    // the same eventID, another EPC: the REST binding's 409, never a 202 that keeps the old event silently
    const changed = objectEvent('clash-2', { eventID: id });
    const res = await capture(epcisDocument([objectEvent('clash-fresh'), changed]));
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: '/epcisBody/eventList/1/eventID', code: 'epcis.eventID.clash' }),
    ]);
    expect(res.json().errors[0].message).toContain(id);
    // nothing of that document is stored, not even its other event
    expect(await counts()).toEqual(before);
    const stored = await t.app.inject({ url: `/epcis/events/${encodeURIComponent(id)}`, headers: asA });
    expect(stored.json().epcisBody.queryResults.resultsBody.eventList[0].epcList).toEqual([
      'https://id.gs1.org/01/08934567000017/21/clash-1',
    ]);
    // the failed job names the clashing ID for whoever asks later
    const jobs = (await t.app.inject({ url: '/epcis/capture', headers: asA })).json() as any[];
    const failed = jobs.find((j) => j.success === false && JSON.stringify(j.errors).includes(id));
    expect(failed).toBeDefined();
    // the same content again stays idempotent, under its eventID as under its hash
    const again = await capture(epcisDocument([objectEvent('clash-1', { eventID: id })]));
    expect(again.statusCode).toBe(202);
    expect(await counts()).toEqual(before);
  });

  it('one eventID twice in a document for different events: 409 naming the second, nothing stored', async () => {
    const id = 'urn:uuid:6f6f2c1e-2b9a-4f0e-9d55-clash0000002';
    const before = await counts();
    const res = await capture(
      epcisDocument([objectEvent('twin-1', { eventID: id }), objectEvent('twin-2', { eventID: id })]),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().errors.map((e: any) => e.field)).toEqual(['/epcisBody/eventList/1/eventID']);
    expect(await counts()).toEqual(before);
  });

  it('POST /epcis/events with a stored eventID and other content is 409; the same content again is 201', async () => {
    const id = 'urn:uuid:6f6f2c1e-2b9a-4f0e-9d55-clash0000003';
    const post = (event: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/epcis/events',
        headers: { ...asA, 'content-type': 'application/ld+json' },
        payload: JSON.stringify({ '@context': epcisDocument([])['@context'], ...(event as object) }),
      });
    expect((await post(objectEvent('one-1', { eventID: id }))).statusCode).toBe(201);
    const before = await counts();
    const clash = await post(objectEvent('one-2', { eventID: id }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0]).toMatchObject({ field: '/eventID', code: 'epcis.eventID.clash' });
    expect(await counts()).toEqual(before);
    // another field changed (the disposition) is a clash too; a comment is not content
    expect(
      (await post(objectEvent('one-1', { eventID: id, disposition: 'sellable_accessible' }))).statusCode,
    ).toBe(409);
    expect((await post(objectEvent('one-1', { eventID: id, 'rdfs:comment': 'sent again' }))).statusCode).toBe(
      201,
    );
    expect(await counts()).toEqual(before);
  });

  it('a declaration sent again with another reason is 409; the same declaration again is idempotent', async () => {
    const id = 'urn:uuid:6f6f2c1e-2b9a-4f0e-9d55-clash0000004';
    expect((await capture(epcisDocument([objectEvent('decl-1', { eventID: id })]))).statusCode).toBe(202);
    const declare = (reason: string) =>
      capture(
        epcisDocument([
          objectEvent('decl-1', {
            eventID: id,
            errorDeclaration: { declarationTime: '2024-05-02T08:00:00.000+07:00', reason },
          }),
        ]),
      );
    expect((await declare('incorrect_data')).statusCode).toBe(202);
    const before = await counts();
    expect((await declare('incorrect_data')).statusCode).toBe(202);
    expect((await declare('did_not_occur')).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('stores nothing of a document with one bad event among good ones (400 names the field)', async () => {
    const before = await counts();
    const bad = objectEvent('half-2', { epcList: ['https://id.gs1.org/01/08934567000018/21/x'] });
    const res = await capture(epcisDocument([objectEvent('half-1'), bad]));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/1/epcList/0',
      code: 'gs1.checkDigit',
    });
    expect(await counts()).toEqual(before);
  });

  it('rejects an empty body, a wrong content type (415) and malformed JSON', async () => {
    expect((await capture('', asA, 'application/json')).statusCode).toBe(400);
    expect((await capture('<x/>', asA, 'text/plain')).statusCode).toBe(415);
    const malformed = await capture('{"type": "EPCISDocument",', asA, 'application/json');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 413 to a 50 MB body', async () => {
    const res = await capture(`{"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    expect(res.statusCode).toBe(413);
  });

  it('answers 400, not 500, to deeply nested JSON', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const doc = JSON.stringify(
      epcisDocument([objectEvent('deep', { 'ex:deep': 'DEEP' })], [{ ex: 'https://ex.example/' }]),
    );
    const res = await capture(doc.replace('"DEEP"', deep));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('epcis.tooDeep');
  });

  it('keeps namespaced extension fields and rejects un-namespaced unknown ones', async () => {
    const ok = await capture(
      epcisDocument(
        [objectEvent('ext-1', { 'ex:harvestArea': 'Lô A3' })],
        [{ ex: 'https://txng.example.vn/ns/' }],
      ),
    );
    expect(ok.statusCode).toBe(202);
    const bad = await capture(epcisDocument([objectEvent('ext-2', { harvestArea: 'Lô A3' })]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/harvestArea',
      code: 'epcis.schema.unknownField',
    });
  });

  it('rejects times without a time zone and a malformed eventTimeZoneOffset', async () => {
    const noZone = await capture(epcisDocument([objectEvent('tz-1', { eventTime: '2024-05-01T08:00:00' })]));
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/eventTime',
      code: 'epcis.timeZoneRequired',
    });
    const badOffset = await capture(epcisDocument([objectEvent('tz-2', { eventTimeZoneOffset: '+7' })]));
    expect(badOffset.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/eventTimeZoneOffset',
      code: 'epcis.timeZoneOffset',
    });
  });

  it('enforces the rules the schema cannot: ILMD only on ADD, parentID on aggregation ADD', async () => {
    const ilmd = await capture(
      epcisDocument([objectEvent('ilmd-1', { ilmd: { 'cbvmda:lotNumber': 'L1' } })]),
    );
    expect(ilmd.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/ilmd',
      code: 'epcis.ilmdOnlyOnAdd',
    });
    const aggregation = {
      type: 'AggregationEvent',
      eventTime: '2024-05-01T08:00:00Z',
      eventTimeZoneOffset: '+07:00',
      childEPCs: ['https://id.gs1.org/01/08934567000017/21/agg-1'],
      action: 'ADD',
    };
    const agg = await capture(epcisDocument([aggregation]));
    expect(agg.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/parentID',
      code: 'epcis.parentIdRequired',
    });
  });

  it('speaks the requester language in problem documents', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: { ...asA, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify(epcisDocument([objectEvent('lang', { action: 'WATCH' })])),
    });
    expect(res.json().errors[0].message).toMatch(/must be one of/);
  });

  it('requires an actor, and an organisation the actor acts for', async () => {
    expect((await capture(epcisDocument([objectEvent('auth-1')]), {})).statusCode).toBe(401);
    const two = t.as({ role: 'org_staff', organisationIds: [orgA, orgB] });
    expect((await capture(epcisDocument([objectEvent('auth-2')]), two)).statusCode).toBe(400);
    const other = { ...two, 'x-organisation-id': '00000000-0000-4000-8000-0000000000cc' };
    expect((await capture(epcisDocument([objectEvent('auth-3')]), other)).statusCode).toBe(403);
    expect(
      (await capture(epcisDocument([objectEvent('auth-4')]), { ...two, 'x-organisation-id': orgB }))
        .statusCode,
    ).toBe(202);
    // the department's staff capture nothing (docs/security.md)
    expect(
      (await capture(epcisDocument([objectEvent('auth-5')]), t.as({ role: 'dost_admin' }))).statusCode,
    ).toBe(403);
  });

  it('accepts a 10,000-event document', async () => {
    const events = Array.from({ length: 10_000 }, (_, i) => objectEvent(`bulk-${i}`));
    const before = await counts();
    const res = await capture(epcisDocument(events));
    expect(res.statusCode).toBe(202);
    expect(res.json().eventCount).toBe(10_000);
    const after = await counts();
    expect(after.events - before.events).toBe(10_000);
    expect(after.ids - before.ids).toBe(10_000);
  });

  it('lists capture jobs of the organisation only, failed ones with their errors', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/epcis/capture', headers: asA });
    expect(list.statusCode).toBe(200);
    const jobs = list.json() as any[];
    expect(jobs.some((j) => j.success === false && j.errors.length > 0)).toBe(true);
    const asB = t.as({ role: 'org_owner', organisationIds: [orgB] });
    const foreign = await t.app.inject({
      method: 'GET',
      url: jobs[0].captureID ? `/epcis/capture/${jobs[0].captureID}` : '',
      headers: asB,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('captures XML too; the same event as XML and as JSON-LD is stored once (same event hash)', async () => {
    const base = 'epcis-event-hash-generator/examples/ReferenceEventHashAlgorithm';
    const xml = await capture(readText(`${base}.xml`), asA, 'application/xml');
    expect(xml.statusCode, xml.body).toBe(202);
    const before = await counts();
    const json = await capture(readText(`${base}.jsonld`));
    expect(json.json().eventIDs).toEqual(xml.json().eventIDs);
    expect(await counts()).toEqual(before);
  });

  it('refuses XML entity declarations and malformed XML', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    expect((await capture(bomb, asA, 'text/xml')).json().errors[0].code).toBe('epcis.xml.doctype');
    expect((await capture('<epcis:EPCISDocument><EPCISBody>', asA, 'application/xml')).statusCode).toBe(400);
  });

  it('captures a single event with POST /epcis/events (201 + Location of the event)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/events',
      headers: { ...asA, 'content-type': 'application/ld+json' },
      payload: JSON.stringify({ '@context': epcisDocument([])['@context'], ...objectEvent('single') }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const got = await t.app.inject({ method: 'GET', url: res.headers.location as string, headers: asA });
    expect(got.json().epcisBody.queryResults.resultsBody.eventList[0].eventID).toBe(res.json().eventID);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/epcis/events',
      headers: { ...asA, 'content-type': 'application/json' },
      payload: JSON.stringify(objectEvent('single-bad', { action: 'NOPE' })),
    });
    expect(bad.json().errors[0].field).toBe('/action');
  });

  it('answers OPTIONS with the EPCIS headers', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/epcis/capture' });
    expect(res.statusCode).toBe(204);
    expect(res.headers['gs1-epcis-min']).toBe('2.0.0');
    expect(res.headers.allow).toContain('POST');
  });

  it('serves the EPCIS JSON-LD context locally', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/epcis/context/epcis-context.jsonld' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/ld+json');
    expect(res.json()['@context'].epcis).toBe('https://ref.gs1.org/epcis/');
  });
});
