import fc from 'fast-check';
import { multipartBody } from '../multipart.ts';
import { hostileString, mutate, mutation } from './hostile.ts';

export interface Payload {
  payload?: string | Buffer;
  contentType?: string;
}

/** A cell of a sheet: mostly plausible, sometimes hostile. */
const cell = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom('8930000000019', 'Bưởi', '2026-05-01', '1500,5', 'KGM', '', 'x;y'),
  },
  { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 200)) },
);
const csvHeaders = [
  'gtin,name,brand,unit,net_quantity',
  'gtin,lot,production_date,expiry_date,quantity,unit,location',
  'stage,event_time,location,gtin,lot,quantity,unit,partner_name,partner_tax_code,invoice',
  'gtin;name',
  '',
];
const quoteCsv = (v: string) => (/[",;\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV uploads: one of the import headers and rows of mixed cells. */
export const csvFile = fc
  .tuple(fc.constantFrom(...csvHeaders), fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 6 }))
  .map(([header, rows]) => Buffer.from([header, ...rows.map((r) => r.map(quoteCsv).join(','))].join('\n')));

/** Files for upload fields: prepared spreadsheets and images, CSV, random bytes, and headers with junk behind. */
export function uploadFile(prepared: Buffer[]): fc.Arbitrary<{ name: string; data: Buffer; type: string }> {
  const data = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...prepared) },
    { weight: 2, arbitrary: csvFile },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('%PDF-1.4\n', '\x89PNG\r\n\x1a\n', '\xff\xd8\xff\xe0', 'PK\x03\x04', 'GIF89a'),
          fc.uint8Array({ maxLength: 500 }),
        )
        .map(([head, rest]) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(rest)])),
    },
  );
  return fc.record({
    name: fc.oneof(fc.constantFrom('a.csv', 'a.xlsx', 'anh.png', 'hoa-don.pdf', 'x'), hostileString),
    data,
    type: fc.constantFrom('application/octet-stream', 'text/csv', 'image/png', 'application/pdf'),
  });
}

type Shape = 'ok' | 'noBoundary' | 'cut' | 'garbled' | 'notMultipart';

/** multipart/form-data bodies, whole or broken in the ways a client or an attacker breaks them. */
export function multipartPayload(
  fields: fc.Arbitrary<Record<string, string>>,
  file: fc.Arbitrary<{ name: string; data: Buffer; type: string }>,
  fileField: string,
): fc.Arbitrary<Payload> {
  return fc
    .record({
      fields,
      files: fc.array(file, { maxLength: 2 }),
      shape: fc.constantFrom<Shape>('ok', 'ok', 'ok', 'noBoundary', 'cut', 'garbled', 'notMultipart'),
      cutAt: fc.nat(),
    })
    .map(({ fields: f, files, shape, cutAt }) => {
      const safeName = (n: string) => n.replace(/["\r\n]/g, '_');
      const body = multipartBody(
        f,
        files.map((x) => ({ field: fileField, name: safeName(x.name), data: x.data, type: x.type })),
      );
      switch (shape) {
        case 'noBoundary':
          return { payload: body.payload, contentType: 'multipart/form-data' };
        case 'cut':
          return {
            payload: body.payload.subarray(0, cutAt % Math.max(1, body.payload.length)),
            contentType: body.headers['content-type'],
          };
        case 'garbled':
          return {
            payload: Buffer.from(`--${body.boundary}\r\nno header here\r\n\r\nx\r\n--${body.boundary}--\r\n`),
            contentType: body.headers['content-type'],
          };
        case 'notMultipart':
          return { payload: JSON.stringify(f), contentType: 'application/json' };
        default:
          return { payload: body.payload, contentType: body.headers['content-type'] };
      }
    });
}

const times = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '2024-05-01T08:00:00.000+07:00',
      '2024-05-01T08:00:00Z',
      '2024-02-29T23:59:59-03:00',
    ),
  },
  { weight: 1, arbitrary: hostileString },
);

/** EPCIS events near enough to valid that the capture rules, the schema and the repository all get a turn. */
export function epcisEvent(ids: string[]): fc.Arbitrary<Record<string, unknown>> {
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: hostileString },
  );
  return fc
    .record(
      {
        type: fc.constantFrom(
          'ObjectEvent',
          'AggregationEvent',
          'TransformationEvent',
          'AssociationEvent',
          'X',
        ),
        action: fc.constantFrom('ADD', 'OBSERVE', 'DELETE'),
        eventTime: times,
        eventTimeZoneOffset: fc.constantFrom('+07:00', '-14:00', '+25:00', '7'),
        recordTime: times,
        epcList: fc.array(id, { maxLength: 3 }),
        parentID: id,
        childEPCs: fc.array(id, { maxLength: 2 }),
        inputEPCList: fc.array(id, { maxLength: 2 }),
        outputEPCList: fc.array(id, { maxLength: 2 }),
        quantityList: fc.array(
          fc.record({ epcClass: id, quantity: fc.double(), uom: fc.constantFrom('KGM', 'x') }),
          {
            maxLength: 2,
          },
        ),
        bizStep: fc.constantFrom(
          'shipping',
          'receiving',
          'commissioning',
          'urn:epcglobal:cbv:bizstep:shipping',
          'x',
        ),
        disposition: fc.constantFrom('in_transit', 'active', 'x'),
        readPoint: fc.record({ id }),
        bizLocation: fc.record({ id }),
        sourceList: fc.array(
          fc.record({ type: fc.constantFrom('owning_party', 'location', 'x'), source: id }),
          {
            maxLength: 2,
          },
        ),
        errorDeclaration: fc.record({
          declarationTime: times,
          reason: fc.constantFrom('incorrect_data', 'x'),
        }),
        sensorElementList: fc.array(
          fc.record({
            sensorMetadata: fc.record({ time: times, startTime: times }, { requiredKeys: [] }),
            sensorReport: fc.array(
              fc.record({ type: fc.constantFrom('Temperature'), value: fc.double(), time: times }),
              {
                maxLength: 2,
              },
            ),
          }),
          { maxLength: 1 },
        ),
        ilmd: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 }),
      },
      { requiredKeys: ['type', 'action', 'eventTime', 'eventTimeZoneOffset'] },
    )
    .map((event) => event as Record<string, unknown>);
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** EPCIS capture bodies: JSON-LD documents and single events, mutated, and XML documents. */
export function epcisPayload(ids: string[], single: boolean): fc.Arbitrary<Payload> {
  const event = epcisEvent(ids);
  const json = fc
    .record({
      events: fc.array(event, { minLength: 1, maxLength: 3 }),
      creationDate: times,
      mutations: fc.array(mutation, { maxLength: 2 }),
      contentType: fc.constantFrom('application/ld+json', 'application/json'),
    })
    .map(({ events, creationDate, mutations, contentType }) => {
      const body = single
        ? events[0]
        : {
            '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
            type: 'EPCISDocument',
            schemaVersion: '2.0',
            creationDate,
            epcisBody: { eventList: events },
          };
      return { payload: JSON.stringify(mutate(body, mutations)), contentType };
    });
  const xml = fc
    .record({ time: times, epc: fc.oneof(fc.constantFrom(...ids), hostileString), creationDate: times })
    .map(({ time, epc, creationDate }) => ({
      contentType: 'application/xml',
      payload:
        '<?xml version="1.0" encoding="UTF-8"?>' +
        `<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" schemaVersion="2.0" creationDate="${xmlEscape(creationDate).replace(/"/g, '&quot;')}">` +
        `<EPCISBody><EventList><ObjectEvent><eventTime>${xmlEscape(time)}</eventTime>` +
        `<eventTimeZoneOffset>+07:00</eventTimeZoneOffset><epcList><epc>${xmlEscape(epc)}</epc></epcList>` +
        '<action>OBSERVE</action></ObjectEvent></EventList></EPCISBody></epcis:EPCISDocument>',
    }));
  const garbage = fc.record({
    payload: fc.oneof(
      fc.constantFrom(
        '{',
        '[]',
        'null',
        '<x>',
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
      ),
      hostileString,
    ),
    contentType: fc.constantFrom('application/ld+json', 'application/xml', 'text/plain'),
  });
  return fc.oneof(
    { weight: 5, arbitrary: json },
    { weight: single ? 0 : 2, arbitrary: xml },
    { weight: 1, arbitrary: garbage },
  );
}

/** The parameters of an EPCIS SimpleEventQuery, right and wrong. */
export function epcisQuery(ids: string[]): fc.Arbitrary<Record<string, string>> {
  const names = [
    'GE_eventTime',
    'LT_eventTime',
    'GE_recordTime',
    'LT_recordTime',
    'eventType',
    'EQ_action',
    'EQ_bizStep',
    'EQ_disposition',
    'EQ_readPoint',
    'EQ_bizLocation',
    'EQ_eventID',
    'MATCH_epc',
    'MATCH_anyEPC',
    'MATCH_epcClass',
    'EQ_source_owning_party',
    'EQ_destination_location',
    'perPage',
    'nextPageToken',
    'unknownParameter',
  ];
  const value = fc.oneof(
    times,
    fc.constantFrom(...ids),
    fc.constantFrom('ObjectEvent|AggregationEvent', 'OBSERVE', 'shipping', '1', '1001', '0', 'MTIzLmFiYw'),
    hostileString,
  );
  return fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 4 });
}
