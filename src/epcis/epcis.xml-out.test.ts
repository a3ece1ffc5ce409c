import { describe, expect, it } from 'vitest';
import { manifest, readJson } from '../test/index.ts';
import type { CbvFormat } from './epcis.cbv-format.ts';
import { extractEvents, hashContextOf } from './epcis.extract.ts';
import { eventHash, ignoredFieldsOf } from './epcis.hash.ts';
import { epcisContextUrl, standardEventTypes } from './epcis.presenter.ts';
import { epcisXmlToJson } from './epcis.xml.ts';
import { epcisQueryDocumentXml } from './epcis.xml-out.ts';
import { xsdErrors } from './epcis.xsd.ts';

type Json = Record<string, any>;

/**
 * Every JSON-LD example the conformance suites capture, written back as an EPCIS 2.0 query document: each event as
 * the repository stores it (epcis.extract.ts: the document's @context folded in, an eventID, a recordTime) goes
 * into one EPCISQueryDocument per source file, which must be valid under the official XSD, and reading it with
 * the capture's XML reader must give the same events: the same eventID and the same CBV 2.0 event hash, computed
 * from the XML as GS1's reference generator reads XML.
 */
const files = manifest().filter((f) => f.format === 'json');
const official = files.filter((f) => f.path.startsWith('gs1-epcis/JSON/') && f.path.endsWith('.jsonld'));
const openepcisValid = files.filter(
  (f) =>
    f.path.includes('openepcis') && f.path.includes('/Capture/Documents/') && f.upstream_label === 'valid',
);
const fragments = files.filter((f) => f.doc_kind === 'event-fragment');

/** A source file as a document: a single-event fragment is wrapped with its own context. */
function documentOf(path: string): Json {
  const json = readJson(path);
  if (json.epcisBody) return json;
  const { '@context': context, ...event } = json;
  const extra = (Array.isArray(context) ? context : [context]).filter((c: unknown) => typeof c === 'object');
  return {
    '@context': [epcisContextUrl, ...extra],
    type: 'EPCISDocument',
    epcisBody: { eventList: [event] },
  };
}

const recordTime = '2026-01-02T03:04:05.678Z';

/** The events of a document as the repository stores and answers them. */
function storedEvents(document: Json): Json[] {
  const events = document.epcisBody.eventList ?? document.epcisBody.queryResults.resultsBody.eventList;
  return extractEvents(document, events).rows.map((row) => ({ ...row.document, recordTime }));
}

async function roundTrip(stored: Json[], ignoreFields: string[], cbvFormat?: CbvFormat) {
  const xml = epcisQueryDocumentXml(stored, { queryName: 'SimpleEventQuery', cbvFormat });
  const errors = await xsdErrors(xml);
  const back = epcisXmlToJson(xml);
  const read: Json[] = back.epcisBody.queryResults.resultsBody.eventList;
  const context = hashContextOf(back, 'xml');
  const hashOf = (event: Json) => eventHash(event, context, { ignoreFields, valuePrefixes: 'standard' });
  const differing = stored.flatMap((event, i) => {
    const sent = eventHash(event, undefined, { ignoreFields });
    const got = read[i] && hashOf(read[i]);
    const same = got === sent && read[i].eventID === event.eventID && read[i].recordTime === recordTime;
    return same ? [] : [`event ${i}: sent ${event.eventID} ${sent}, read ${read[i]?.eventID} ${got}`];
  });
  return { xml, errors, count: read.length, differing };
}

const counted = { files: 0, events: 0 };

describe.each([
  ['official GS1 EPCIS 2.0 JSON-LD examples', official],
  ['OpenEPCIS valid 2.0 JSON capture documents', openepcisValid],
  ['single events of both suites', fragments],
])('%s, written as XML: valid under the XSD, read back with the same event hashes', (_, group) => {
  it.each(group.map((f) => [f.path]))('%s', async (path) => {
    const document = documentOf(path);
    const stored = storedEvents(document);
    const { xml, errors, count, differing } = await roundTrip(stored, ignoredFieldsOf(document));
    expect(errors, xml).toEqual([]);
    expect(count).toBe(stored.length);
    expect(differing).toEqual([]);
    counted.files += 1;
    counted.events += stored.length;
  });
});

describe('all the examples in one query document', () => {
  // a custom event type keeps its namespace but may take another prefix here, and the event hash reads the type
  // as written (`example:CustomEvent`): it is checked in its own file above
  const all = () =>
    [...official, ...openepcisValid, ...fragments]
      .flatMap((f) => storedEvents(documentOf(f.path)))
      .filter((e) => standardEventTypes.includes(e.type));

  it('is valid and reads back the same, with prefixes spelled alike for different namespaces kept apart', async () => {
    const { xml, errors, count, differing } = await roundTrip(all(), []);
    expect(errors).toEqual([]);
    expect(count).toBe(all().length);
    expect(differing).toEqual([]);
    // `example` is http://ns.example.com/epcis/ in some files, https://ns.example.com/epcis in others
    expect(xml).toMatch(/xmlns:example2?="https:\/\/ns\.example\.com\/epcis"/);
    expect(xml).toContain('xmlns:example="http://ns.example.com/epcis/"');
    console.info(
      `XML output: ${counted.files} files, ${counted.events} events one document a file; ${count} together`,
    );
  });

  it('is valid with CBV Web URIs, and reads back the same', async () => {
    const { errors, differing } = await roundTrip(all(), [], 'Always_Web_URI');
    expect(errors).toEqual([]);
    expect(differing).toEqual([]);
  });

  it('is valid with the values as stored (Never_Translates)', async () => {
    const { errors } = await roundTrip(all(), [], 'Never_Translates');
    expect(errors).toEqual([]);
  });
});

const shipping = {
  '@context': [epcisContextUrl, { example: 'http://ns.example.com/epcis/' }],
  type: 'ObjectEvent',
  eventTime: '2024-03-01T10:00:00.000+07:00',
  eventTimeZoneOffset: '+07:00',
  eventID: 'urn:uuid:6c1f0d4c-8d1e-4a0e-9a43-0a4b3c1d2e3f',
  epcList: ['https://id.gs1.org/01/08934567000016/21/1'],
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'https://id.gs1.org/414/8934567000009' },
  bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:8934567000009:PO-1' }],
  sourceList: [{ type: 'owning_party', source: 'https://id.gs1.org/417/8934567000009' }],
  sensorElementList: [{ sensorReport: [{ type: 'gs1:Temperature', value: 4.5, uom: 'CEL' }] }],
  persistentDisposition: { set: ['completeness_verified'], unset: ['completeness_inferred'] },
};
const declared = {
  ...shipping,
  errorDeclaration: { declarationTime: '2024-03-02T00:00:00Z', reason: 'incorrect_data' },
};
const xmlOf = (events: Json[], cbvFormat?: Parameters<typeof epcisQueryDocumentXml>[1]['cbvFormat']) =>
  epcisQueryDocumentXml(events, { queryName: 'SimpleEventQuery', cbvFormat, creationDate: recordTime });

describe('CBV values follow GS1-CBV-XML-Format', () => {
  it('No_Preference and Always_URN write the CBV URNs', () => {
    for (const format of [undefined, 'Always_URN'] as const) {
      const xml = xmlOf([declared], format);
      expect(xml).toContain('<bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>');
      expect(xml).toContain('<disposition>urn:epcglobal:cbv:disp:in_transit</disposition>');
      expect(xml).toContain('<bizTransaction type="urn:epcglobal:cbv:btt:po">');
      expect(xml).toContain('<source type="urn:epcglobal:cbv:sdt:owning_party">');
      expect(xml).toContain('<reason>urn:epcglobal:cbv:er:incorrect_data</reason>');
      expect(xml).toContain('<set>urn:epcglobal:cbv:disp:completeness_verified</set>');
      // a measurement type has no URN: a GS1 Web Vocabulary term, as GS1's XML examples write it
      expect(xml).toContain('type="gs1:Temperature"');
      expect(xml).toContain('xmlns:gs1="https://gs1.org/voc/"');
    }
  });

  it('Always_Web_URI writes the CBV Web URIs', () => {
    const xml = xmlOf([declared], 'Always_Web_URI');
    expect(xml).toContain('<bizStep>https://ref.gs1.org/cbv/BizStep-shipping</bizStep>');
    expect(xml).toContain('<disposition>https://ref.gs1.org/cbv/Disp-in_transit</disposition>');
    expect(xml).toContain('<bizTransaction type="https://ref.gs1.org/cbv/BTT-po">');
    expect(xml).toContain('<source type="https://ref.gs1.org/cbv/SDT-owning_party">');
    expect(xml).toContain('<reason>https://ref.gs1.org/cbv/ER-incorrect_data</reason>');
  });

  it('Never_Translates writes what is stored', () => {
    const xml = xmlOf([declared], 'Never_Translates');
    expect(xml).toContain('<bizStep>shipping</bizStep>');
    expect(xml).toContain('<bizTransaction type="po">');
    expect(xml).toContain('<reason>incorrect_data</reason>');
    expect(xml).toContain('type="gs1:Temperature"');
  });

  it('a stored URN or Web URI is translated both ways; a custom URI is left as it is', () => {
    const event = {
      ...shipping,
      bizStep: 'urn:epcglobal:cbv:bizstep:receiving',
      disposition: 'https://ref.gs1.org/cbv/Disp-in_progress',
      bizTransactionList: [{ type: 'https://example.com/btt/contract', bizTransaction: 'urn:example:bt:1' }],
    };
    expect(xmlOf([event], 'Always_Web_URI')).toContain('<bizStep>https://ref.gs1.org/cbv/BizStep-receiving<');
    const urn = xmlOf([event], 'Always_URN');
    expect(urn).toContain('<disposition>urn:epcglobal:cbv:disp:in_progress</disposition>');
    expect(urn).toContain('<bizTransaction type="https://example.com/btt/contract">');
  });

  it('each format is valid under the XSD and reads back as the same event', async () => {
    for (const format of ['Always_Web_URI', 'Always_URN', 'No_Preference', 'Never_Translates'] as const) {
      const xml = xmlOf([declared], format);
      expect(await xsdErrors(xml), format).toEqual([]);
      const [back] = epcisXmlToJson(xml).epcisBody.queryResults.resultsBody.eventList;
      expect(back.bizStep, format).toBe('shipping');
      expect(back.errorDeclaration.reason, format).toBe('incorrect_data');
    }
  });
});

describe('the XML is well formed whatever the values hold', () => {
  // the capture's reader (epcis.xml.ts) keeps character references such as &#13; as written: not used here
  const tricky = 'a < b && c > d "quoted" \'single\' ]]> đã kiểm tra';
  const event = {
    ...shipping,
    bizTransactionList: [{ type: `https://example.com/btt?a=1&b="2"`, bizTransaction: 'urn:example:bt:<1>' }],
    sensorElementList: [
      { sensorReport: [{ type: 'gs1:Temperature', stringValue: tricky, 'example:note': tricky }] },
    ],
    'example:note': tricky,
    'example:control': 'bell\u0007here',
  };

  it('writes tabs and line breaks in attributes, and carriage returns anywhere, as character references', () => {
    const xml = xmlOf([
      {
        ...shipping,
        'example:lines': 'a\r\nb',
        sensorElementList: [{ sensorReport: [{ stringValue: 'a\tb\nc' }] }],
      },
    ]);
    expect(xml).toContain('<example:lines>a&#13;\nb</example:lines>');
    expect(xml).toContain('stringValue="a&#9;b&#10;c"');
  });

  it('escapes text and attributes and reads them back unchanged', async () => {
    const xml = xmlOf([event]);
    expect(xml).toContain(
      '<example:note>a &lt; b &amp;&amp; c &gt; d "quoted" \'single\' ]]&gt; đã kiểm tra<',
    );
    expect(xml).toContain('type="https://example.com/btt?a=1&amp;b=&quot;2&quot;"');
    expect(xml).toContain('stringValue="a &lt; b &amp;&amp; c &gt; d &quot;quoted&quot; &apos;single&apos;');
    expect(await xsdErrors(xml)).toEqual([]);
    const [back] = epcisXmlToJson(xml).epcisBody.queryResults.resultsBody.eventList;
    expect(back['example:note']).toBe(tricky);
    expect(back.sensorElementList[0].sensorReport[0].stringValue).toBe(tricky);
    expect(back.sensorElementList[0].sensorReport[0]['example:note']).toBe(tricky);
    expect(back.bizTransactionList[0]).toEqual({
      type: 'https://example.com/btt?a=1&b="2"',
      bizTransaction: 'urn:example:bt:<1>',
    });
    // XML 1.0 cannot carry a control character, even as a reference
    expect(back['example:control']).toBe('bell\uFFFDhere');
  });
});

describe('extensions', () => {
  it('are elements in the namespaces of their @context, after the standard fields, with their JSON types', async () => {
    const event = {
      ...shipping,
      'example:myField': 'plain',
      'example:count': 12,
      'example:ratio': 0.25,
      'example:ok': false,
      'example:nested': { 'example:inner': ['a', 'b'], 'example:at': { unit: 'KGM', '#text': '3' } },
      ilmd: { 'cbvmda:lotNumber': 'L1' },
      readPoint: { id: 'https://id.gs1.org/414/8934567000009', 'example:door': 'D2' },
    };
    const xml = xmlOf([event]);
    expect(xml).toContain('xmlns:example="http://ns.example.com/epcis/"');
    expect(xml.indexOf('</persistentDisposition>')).toBeLessThan(xml.indexOf('<ilmd>'));
    expect(xml.indexOf('</ilmd>')).toBeLessThan(xml.indexOf('<example:myField>'));
    expect(await xsdErrors(xml)).toEqual([]);
    const document = epcisXmlToJson(xml);
    const [back] = document.epcisBody.queryResults.resultsBody.eventList;
    expect(back['example:count']).toBe(12);
    expect(back['example:ratio']).toBe(0.25);
    expect(back['example:ok']).toBe(false);
    expect(back['example:nested']).toEqual({
      'example:inner': ['a', 'b'],
      'example:at': { unit: 'KGM', '#text': '3' },
    });
    expect(back.ilmd).toEqual({ 'cbvmda:lotNumber': 'L1' });
    expect(back.readPoint).toEqual({ id: 'https://id.gs1.org/414/8934567000009', 'example:door': 'D2' });
    expect(eventHash(back, hashContextOf(document, 'xml'), { valuePrefixes: 'standard' })).toBe(
      eventHash(event),
    );
  });

  it('a quantity is a decimal without exponent; a uom without quantity takes a nil quantity', async () => {
    const event = {
      ...shipping,
      epcList: undefined,
      quantityList: [
        { epcClass: 'https://id.gs1.org/01/08934567000016/10/L1', quantity: 1.5e-7, uom: 'KGM' },
        { epcClass: 'https://id.gs1.org/01/08934567000016/10/L2', uom: 'KGM' },
        { epcClass: 'https://id.gs1.org/01/08934567000016/10/L3' },
      ],
    };
    const xml = xmlOf([event]);
    expect(xml).toContain('<quantity>0.00000015</quantity>');
    expect(await xsdErrors(xml)).toEqual([]);
    const [back] = epcisXmlToJson(xml).epcisBody.queryResults.resultsBody.eventList;
    expect(back.quantityList).toEqual(event.quantityList);
  });

  it('an empty result and a subscription are written as the query schema has them', async () => {
    const xml = epcisQueryDocumentXml([], {
      queryName: 'MyQuery',
      subscriptionID: 'sub-1',
      creationDate: recordTime,
    });
    expect(xml).toMatch(
      /<queryName>MyQuery<\/queryName>\s*<subscriptionID>sub-1<\/subscriptionID>\s*<resultsBody>\s*<EventList\/>/,
    );
    expect(xml).toContain(`creationDate="${recordTime}"`);
    expect(await xsdErrors(xml)).toEqual([]);
  });
});
