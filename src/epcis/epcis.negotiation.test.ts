import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';
import { captureEpcisDocument } from './epcis.service.ts';
import { xsdErrors } from './epcis.xsd.ts';

/**
 * What a query answer is written as (the REST binding's content negotiation and its GS1-EPC-Format header), and
 * the binding's exception types in problem answers.
 */
let t: TestApp;
let staff: Record<string, string>;
let owner: Record<string, string>;
const byUrn = 'urn:uuid:7a000000-0000-4000-8000-000000000001';
const byLink = 'urn:uuid:7a000000-0000-4000-8000-000000000002';
const unregistered = 'urn:uuid:7a000000-0000-4000-8000-000000000003';

beforeAll(async () => {
  t = await createTestApp();
  staff = t.as({ role: 'inspector' });
  // 8934567 is a registered company prefix (7 digits); 8939999 is nobody's
  const organisation = await makeOrganisation(t.db, { gs1CompanyPrefixes: ['8934567'] });
  owner = t.as({ role: 'org_owner', organisationIds: [organisation.id] });
  const events = [
    objectEvent('u-1', {
      eventID: byUrn,
      epcList: ['urn:epc:id:sgtin:8934567.000001.u-1'],
      readPoint: { id: 'urn:epc:id:sgln:8934567.00000.0' },
      quantityList: [{ epcClass: 'urn:epc:class:lgtin:8934567.000001.L1', quantity: 2, uom: 'KGM' }],
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:8934567.00000' }],
    }),
    objectEvent('l-1', { eventID: byLink }),
    objectEvent('x', {
      eventID: unregistered,
      epcList: ['https://id.gs1.org/01/08939999000017/21/x'],
      readPoint: { id: 'https://id.gs1.org/414/8939999000000' },
    }),
  ];
  await captureEpcisDocument(t.db, epcisDocument(events), { organisationId: null });
  await captureEpcisDocument(t.db, epcisDocument([objectEvent('own-1'), objectEvent('own-2')]), {
    organisationId: organisation.id,
  });
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...staff, ...headers } });
const eventOf = async (eventId: string, headers: Record<string, string> = {}) => {
  const res = await get(`/epcis/events/${encodeURIComponent(eventId)}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().epcisBody.queryResults.resultsBody.eventList[0];
};

describe('content negotiation', () => {
  it('answers JSON-LD by default, JSON when asked, and 406 for what it cannot write', async () => {
    expect((await get('/epcis/events')).headers['content-type']).toContain('application/ld+json');
    expect((await get('/epcis/events', { accept: '*/*' })).headers['content-type']).toContain(
      'application/ld+json',
    );
    expect((await get('/epcis/events', { accept: 'application/json' })).headers['content-type']).toContain(
      'application/json',
    );
    for (const accept of ['text/csv', 'image/png', 'application/ld+json;q=0']) {
      const res = await get('/epcis/events', { accept });
      expect([accept, res.statusCode]).toEqual([accept, 406]);
      expect(res.json().type).toBe('epcisException:NotAcceptableException');
      expect(res.json().title).toContain(accept.split(';')[0]);
    }
    expect(
      (await get(`/epcis/events/${encodeURIComponent(byLink)}`, { accept: 'text/csv' })).statusCode,
    ).toBe(406);
  });
});

describe('XML answers', () => {
  it('Accept: application/xml gets an EPCISQueryDocument valid under the official XSD, with CBV values as asked', async () => {
    const res = await get(`/epcis/events/${encodeURIComponent(byUrn)}`, { accept: 'application/xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(await xsdErrors(res.body)).toEqual([]);
    expect(res.body).toContain('<epc>https://id.gs1.org/01/08934567000017/21/u-1</epc>');
    expect(res.body).toContain('<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>');
    expect(res.headers['gs1-cbv-xml-format']).toBe('No_Preference');
    const web = await get(`/epcis/events/${encodeURIComponent(byUrn)}`, {
      accept: 'text/xml',
      'gs1-cbv-xml-format': 'Always_Web_URI',
      'gs1-epc-format': 'Never_Translates',
    });
    expect(web.headers['content-type']).toContain('text/xml');
    expect(web.body).toContain('<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>');
    expect(web.body).toContain('<epc>urn:epc:id:sgtin:8934567.000001.u-1</epc>');
    // a whole query answer too, preferring XML when asked first
    const all = await get('/epcis/events?eventType=ObjectEvent', {
      accept: 'application/xml, application/json;q=0.5',
    });
    expect(all.headers['content-type']).toContain('application/xml');
    expect(await xsdErrors(all.body)).toEqual([]);
    expect(all.body.match(/<ObjectEvent>/g)).toHaveLength(5);
  });
});

describe('GS1-EPC-Format', () => {
  it('writes identifiers as Digital Links when the reader asks nothing (the binding default), and says so', async () => {
    const res = await get(`/epcis/events/${encodeURIComponent(byUrn)}`);
    expect(res.headers['gs1-epc-format']).toBe('Always_GS1_Digital_Link');
    const event = res.json().epcisBody.queryResults.resultsBody.eventList[0];
    expect(event.epcList).toEqual(['https://id.gs1.org/01/08934567000017/21/u-1']);
    expect(event.readPoint.id).toBe('https://id.gs1.org/414/8934567000000');
    expect(event.quantityList[0].epcClass).toBe('https://id.gs1.org/01/08934567000017/10/L1');
    expect(event.sourceList[0]).toEqual({
      type: 'owning_party',
      source: 'https://id.gs1.org/417/8934567000000',
    });
    expect(await eventOf(byUrn, { 'gs1-epc-format': 'No_Preference' })).toEqual(event);
  });

  it('Never_Translates gives the identifiers as captured', async () => {
    const event = await eventOf(byUrn, { 'gs1-epc-format': 'Never_Translates' });
    expect(event.epcList).toEqual(['urn:epc:id:sgtin:8934567.000001.u-1']);
    expect(event.readPoint.id).toBe('urn:epc:id:sgln:8934567.00000.0');
    expect(event.quantityList[0].epcClass).toBe('urn:epc:class:lgtin:8934567.000001.L1');
  });

  it('Always_EPC_URN writes URNs where the company prefix is registered, and leaves the rest as captured', async () => {
    const fromLink = await eventOf(byLink, { 'gs1-epc-format': 'Always_EPC_URN' });
    expect(fromLink.epcList).toEqual(['urn:epc:id:sgtin:8934567.000001.l-1']);
    expect(fromLink.readPoint.id).toBe('urn:epc:id:sgln:8934567.00000.0');
    const fromUrn = await eventOf(byUrn, { 'gs1-epc-format': 'Always_EPC_URN' });
    expect(fromUrn.epcList).toEqual(['urn:epc:id:sgtin:8934567.000001.u-1']);
    // a Digital Link does not say where its company prefix ends: an unregistered one stays as it is
    const unknown = await eventOf(unregistered, { 'gs1-epc-format': 'Always_EPC_URN' });
    expect(unknown.epcList).toEqual(['https://id.gs1.org/01/08939999000017/21/x']);
  });

  it('a value the binding does not define is 400 naming the header', async () => {
    for (const [name, value] of [
      ['gs1-epc-format', 'Sometimes'],
      ['gs1-cbv-xml-format', 'Always_Emoji'],
    ]) {
      const res = await get('/epcis/events', { [name]: value });
      expect(res.statusCode).toBe(400);
      expect(res.json().type).toBe('epcisException:QueryParameterException');
      expect(res.json().errors[0].field.toLowerCase()).toBe(name);
    }
  });

  it('OPTIONS names the formats a reader may ask for', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/epcis/events' });
    expect(res.headers['gs1-epc-format']).toContain('Always_EPC_URN');
    expect(res.headers['gs1-cbv-xml-format']).toContain('Always_Web_URI');
  });
});

describe("the binding's exception types", () => {
  it('name each problem as the binding does, keeping TXNG’s own type in code', async () => {
    const unknownParameter = await get('/epcis/events?EQ_nonsense=1');
    expect(unknownParameter.json()).toMatchObject({
      type: 'epcisException:QueryParameterException',
      code: '/problems/epcis-invalid-query',
      status: 400,
    });
    expect((await get('/epcis/events/urn:uuid:nothing-here')).json().type).toBe(
      'epcisException:NoSuchNameException',
    );
    expect((await get('/epcis/events?maxEventCount=1')).json().type).toBe(
      'epcisException:QueryTooLargeException',
    );
    expect((await t.app.inject({ url: '/epcis/events' })).json().type).toBe(
      'epcisException:SecurityException',
    );
    const post = (payload: unknown, contentType = 'application/ld+json') =>
      t.app.inject({
        method: 'POST',
        url: '/epcis/capture',
        headers: { ...owner, 'content-type': contentType },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });
    expect((await post({ type: 'EPCISDocument' })).json().type).toBe('epcisException:ValidationException');
    expect((await post('hello', 'text/plain')).json().type).toBe(
      'epcisException:UnsupportedMediaTypeException',
    );
    const clash = await post(epcisDocument([objectEvent('other', { eventID: byLink })]));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().type).toBe('epcisException:ResourceAlreadyExistsException');
  });
});

describe('discovery resources', () => {
  const members = async (url: string, headers: Record<string, string> = staff) => {
    const res = await t.app.inject({ url, headers });
    expect(res.statusCode, res.body).toBe(200);
    return { members: res.json().member as string[], next: res.headers.link as string | undefined };
  };

  it('/epcs lists the EPCs the reader may see, a page at a time, as GS1-EPC-Format asks', async () => {
    const all = await members('/epcis/epcs');
    expect(all.members).toEqual([
      'https://id.gs1.org/01/08934567000017/21/l-1',
      'https://id.gs1.org/01/08934567000017/21/own-1',
      'https://id.gs1.org/01/08934567000017/21/own-2',
      'https://id.gs1.org/01/08934567000017/21/u-1',
      'https://id.gs1.org/01/08939999000017/21/x',
    ]);
    expect(all.next).toBeUndefined();
    // page by page, following the Link header, gives the same list
    const seen: string[] = [];
    let url: string | undefined = '/epcis/epcs?perPage=2';
    while (url) {
      const page = await members(url);
      expect(page.members.length).toBeLessThanOrEqual(2);
      seen.push(...page.members);
      url = page.next ? `/epcis${/<([^>]+)>/.exec(page.next)![1].replace(/^\/epcis/, '')}` : undefined;
    }
    expect(seen).toEqual(all.members);
    const urns = await members('/epcis/epcs', { ...staff, 'gs1-epc-format': 'Always_EPC_URN' });
    expect(urns.members).toContain('urn:epc:id:sgtin:8934567.000001.own-1');
    expect(urns.members).toContain('https://id.gs1.org/01/08939999000017/21/x');
    const bad = await t.app.inject({ url: '/epcis/epcs?nextPageToken=%25%25', headers: staff });
    expect(bad.statusCode).toBe(400);
  });

  it("an organisation's listing holds its own EPCs only (never another's)", async () => {
    expect((await members('/epcis/epcs', owner)).members).toEqual([
      'https://id.gs1.org/01/08934567000017/21/own-1',
      'https://id.gs1.org/01/08934567000017/21/own-2',
    ]);
    const events = await t.app.inject({
      url: `/epcis/epcs/${encodeURIComponent('https://id.gs1.org/01/08939999000017/21/x')}/events`,
      headers: owner,
    });
    expect(events.json().epcisBody.queryResults.resultsBody.eventList).toEqual([]);
  });

  it('the top-level resource names every resource of the binding', async () => {
    const top = await members('/epcis/', {});
    expect(top.members).toHaveLength(9);
    expect(top.members).toContain('epcs');
    for (const resource of top.members.filter((m) => !['queries', 'capture'].includes(m)))
      expect((await t.app.inject({ url: `/epcis/${resource}`, headers: staff })).statusCode, resource).toBe(
        200,
      );
  });
});

// last: it adds an EPC the listings above do not expect
describe('XML capture', () => {
  it('XML captured with character references (&#7877;) keeps the characters they stand for', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:vn="https://txng.example.vn/ns/" schemaVersion="2.0" creationDate="2026-12-01T00:00:00Z">
  <EPCISBody><EventList><ObjectEvent>
    <eventTime>2026-12-01T07:00:00+07:00</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
    <eventID>urn:uuid:7a000000-0000-4000-8000-0000000000ff</eventID>
    <epcList><epc>https://id.gs1.org/01/08934567000017/21/ref-1</epc></epcList>
    <action>OBSERVE</action>
    <vn:note>Ki&#7875;m tra l&#x1EA1;nh</vn:note>
  </ObjectEvent></EventList></EPCISBody>
</epcis:EPCISDocument>`;
    const captured = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: { ...owner, 'content-type': 'application/xml' },
      payload: xml,
    });
    expect(captured.statusCode, captured.body).toBe(202);
    const event = await eventOf('urn:uuid:7a000000-0000-4000-8000-0000000000ff');
    expect(event['vn:note']).toBe('Kiểm tra lạnh');
  });
});
