import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, epcisDocument, makeOrganisation, objectEvent, type TestApp } from '../test/index.ts';

let t: TestApp;
let orgA: string;
let asA: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (await makeOrganisation(t.db)).id;
  asA = t.as({ role: 'org_owner', organisationIds: [orgA] });
});
afterAll(() => t?.close());

const capture = (body: unknown, contentType = 'application/ld+json', headers = asA) =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

const storedEvents = async () =>
  ((await t.db.execute(sql`SELECT count(*)::int AS n FROM epcis_events`)) as any).rows[0].n as number;

/** Each time that cannot exist, and why. */
const impossible = {
  'month 13': '2024-13-01T08:00:00+07:00',
  '31 February': '2024-02-31T08:00:00+07:00',
  '29 February of a common year': '2023-02-29T08:00:00+07:00',
  'hour 25': '2024-05-01T25:00:00+07:00',
  'minute 60': '2024-05-01T08:60:00+07:00',
  'offset +25:00': '2024-05-01T08:00:00+25:00',
};

function xmlDocument(eventTime: string) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="2024-05-01T08:00:00+07:00">
  <EPCISBody><EventList><ObjectEvent>
    <eventTime>${eventTime}</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
    <epcList><epc>https://id.gs1.org/01/08934567000017/21/xml-1</epc></epcList>
    <action>OBSERVE</action>
  </ObjectEvent></EventList></EPCISBody>
</epcis:EPCISDocument>`;
}

describe('EPCIS times that cannot exist', () => {
  it('month 13 in eventTime is 400 with a pointer to it', async () => {
    const before = await storedEvents();
    const res = await capture(epcisDocument([objectEvent('t-1', { eventTime: impossible['month 13'] })]));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/eventTime',
      code: 'epcis.impossibleTime',
    });
    expect(await storedEvents()).toBe(before);
  });

  it.each(Object.entries(impossible))(
    '%s in a single posted event is 400 naming /eventTime',
    async (_, time) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/epcis/events',
        headers: { ...asA, 'content-type': 'application/ld+json' },
        payload: JSON.stringify(objectEvent('t-2', { eventTime: time })),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: '/eventTime', code: 'epcis.impossibleTime' });
    },
  );

  it('names recordTime, declarationTime, sensor times and creationDate', async () => {
    const event = objectEvent('t-3', {
      recordTime: '2024-04-31T08:00:00Z',
      errorDeclaration: { declarationTime: '2024-05-01T24:30:00Z' },
      sensorElementList: [
        {
          sensorMetadata: { time: '2024-00-10T08:00:00Z', startTime: '2024-05-01T08:00:00Z' },
          sensorReport: [{ type: 'Temperature', value: 4, uom: 'CEL', time: '2024-05-01T08:00:00-15:00' }],
        },
      ],
    });
    const res = await capture({ ...epcisDocument([event]), creationDate: '2024-02-30T08:00:00Z' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: any) => [e.field, e.code]);
    const at = '/epcisBody/eventList/0';
    expect(fields).toEqual(
      expect.arrayContaining([
        ['/creationDate', 'epcis.impossibleTime'],
        [`${at}/recordTime`, 'epcis.impossibleTime'],
        [`${at}/errorDeclaration/declarationTime`, 'epcis.impossibleTime'],
        [`${at}/sensorElementList/0/sensorMetadata/time`, 'epcis.impossibleTime'],
        [`${at}/sensorElementList/0/sensorReport/0/time`, 'epcis.impossibleTime'],
      ]),
    );
    expect(fields).not.toContainEqual([
      `${at}/sensorElementList/0/sensorMetadata/startTime`,
      expect.anything(),
    ]);
  });

  it('31 February in an XML capture is 400 with a pointer, in English on request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: { ...asA, 'content-type': 'application/xml', 'accept-language': 'en' },
      payload: xmlDocument(impossible['31 February']),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/eventTime',
      code: 'epcis.impossibleTime',
    });
    expect(res.json().errors[0].message).toMatch(/does not exist/);
    const fine = await capture(xmlDocument('2024-02-29T08:00:00+07:00'), 'application/xml');
    expect(fine.statusCode, fine.body).toBe(202);
  });

  it.each(['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'])(
    'an impossible %s in a query is 400 naming the parameter',
    async (name) => {
      for (const time of Object.values(impossible)) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/epcis/events?${name}=${encodeURIComponent(time)}`,
          headers: asA,
        });
        expect(res.statusCode, time).toBe(400);
        expect(res.json().errors[0]).toMatchObject({ field: name, code: 'epcis.query.badTime' });
      }
    },
  );

  it('an X-Organisation-Id that is not a UUID is 400, not a failed cast', async () => {
    const key = t.as({ role: 'api_client', organisationIds: [orgA] });
    const res = await capture(epcisDocument([objectEvent('t-4')]), 'application/ld+json', {
      ...key,
      'x-organisation-id': 'not-a-uuid',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'X-Organisation-Id', code: 'field.format' });
  });
});
