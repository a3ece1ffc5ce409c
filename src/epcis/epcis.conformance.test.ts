import { sql } from 'drizzle-orm';
import jsonld from 'jsonld';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  epcisDocument,
  makeOrganisation,
  manifest,
  readJson,
  readText,
  type TestApp,
} from '../test/index.ts';
import { vendored } from './epcis.vendor.ts';

/**
 * Every official GS1 JSON-LD example and every OpenEPCIS 2.0 JSON capture document, captured over HTTP: one test
 * per file. The three that the schema disputes are accepted under the errata of decision 004.
 */
let t: TestApp;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  const capturer = (await makeOrganisation(t.db)).id;
  headers = {
    ...t.as({ role: 'org_owner', organisationIds: [capturer] }),
    'content-type': 'application/ld+json',
  };
});
afterAll(() => t.close());
// each example is captured into an empty repository: the suites reuse eventIDs across files for other events, which
// a repository must refuse (409, epcis.capture.test.ts), not merge
afterEach(async () => {
  for (const table of ['epcis_event_links', 'epcis_event_ids', 'epcis_events'])
    await t.db.execute(sql.raw(`DELETE FROM ${table}`));
});

const capture = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/epcis/capture', headers, payload: JSON.stringify(body) });

const files = manifest().filter((f) => f.format === 'json');
const official = files.filter((f) => f.path.startsWith('gs1-epcis/JSON/') && f.path.endsWith('.jsonld'));
const openepcisValid = files.filter(
  (f) =>
    f.path.includes('openepcis') && f.path.includes('/Capture/Documents/') && f.upstream_label === 'valid',
);
const openepcisInvalid = files.filter(
  (f) =>
    f.path.includes('openepcis') && f.path.includes('/Capture/Invalid/') && f.upstream_label === 'invalid',
);
const fragments = files.filter((f) => f.doc_kind === 'event-fragment');

describe('official GS1 EPCIS 2.0 JSON-LD examples are captured', () => {
  it('finds all 47', () => expect(official).toHaveLength(47));
  it.each(official.map((f) => [f.path]))('%s', async (path) => {
    const res = await capture(readJson(path));
    expect(res.statusCode, res.body).toBe(202);
  });
});

describe('OpenEPCIS valid 2.0 JSON capture documents are captured', () => {
  it.each(openepcisValid.map((f) => [f.path]))('%s', async (path) => {
    const res = await capture(readJson(path));
    expect(res.statusCode, res.body).toBe(202);
  });
});

describe('single events of both suites, wrapped in a document, are captured', () => {
  it.each(fragments.map((f) => [f.path]))('%s', async (path) => {
    const { '@context': context, ...event } = readJson(path);
    const extra = (Array.isArray(context) ? context : [context]).filter(
      (c: unknown) => typeof c === 'object',
    );
    const res = await capture(epcisDocument([event], extra));
    expect(res.statusCode, res.body).toBe(202);
  });
});

describe('OpenEPCIS invalid 2.0 JSON capture documents are rejected, naming the field', () => {
  it.each(openepcisInvalid.map((f) => [f.path, f.schema_error]))('%s', async (path, schemaError) => {
    const res = await capture(readJson(path));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field);
    const pointer = schemaError.startsWith('/') ? schemaError.split(' ')[0] : '/@context';
    expect(
      fields.some((f) => f.startsWith(pointer) || pointer.startsWith(f)),
      fields.join(', '),
    ).toBe(true);
  });
});

/**
 * EPCIS 2.0 XML capture: checked against the official XSD (element order included), converted to the JSON-LD model,
 * then validated like JSON. `Query/queryDocument.xml` carries a GRAI with a wrong check digit on id.gs1.org and is
 * refused on purpose (decision 004).
 */
const xmlFiles = manifest().filter(
  (f) =>
    f.format === 'xml' &&
    f.epcis_version === '2.0' &&
    ['document', 'query-results-document'].includes(f.doc_kind) &&
    !f.path.startsWith('epcis-event-hash-generator'),
);
const knowinglyRefused = new Set(['openepcis-test-resources/2.0/EPCIS/XML/Query/queryDocument.xml']);
const xmlValid = xmlFiles.filter(
  (f) => f.upstream_label === 'valid' && f.schema_result === 'valid' && !knowinglyRefused.has(f.path),
);
const xmlInvalid = xmlFiles.filter((f) => f.upstream_label === 'invalid');

const captureXml = (xml: string) =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': 'application/xml' },
    payload: xml,
  });

/** The EPCIS context, at each address documents use for it, from the vendored copy: the tests have no network. */
const offlineContexts: jsonld.Options.DocLoader['documentLoader'] = async (url) => {
  if (!/^https:\/\/ref\.gs1\.org\/standards\/epcis\/(2\.0\.0\/)?epcis-context\.jsonld$/.test(url))
    throw new Error(`no network in tests: ${url}`);
  return { documentUrl: url, document: JSON.parse(vendored.context), contextUrl: undefined };
};

const duplicates = (list: unknown[]) => {
  const seen = list.map((item) => JSON.stringify(item));
  return seen.filter((item, i) => seen.indexOf(item) !== i);
};

describe('EPCIS 2.0 XML documents valid under the XSD are captured and read back as valid JSON-LD', () => {
  it.each(xmlValid.map((f) => [f.path]))('%s', async (path) => {
    const res = await captureXml(readText(path));
    expect(res.statusCode, res.body).toBe(202);
    // what the repository answers expands in JSON-LD safe mode: no protected EPCIS term redefined, nothing
    // dropped, no @context item twice
    const read = await t.app.inject({ url: '/epcis/events?perPage=1000', headers });
    expect(read.statusCode, read.body).toBe(200);
    const document = read.json();
    const contexts = [
      document['@context'],
      ...document.epcisBody.queryResults.resultsBody.eventList.map((e: any) => e['@context']),
    ]
      .filter(Boolean)
      .map((c) => (Array.isArray(c) ? c : [c]));
    for (const context of contexts) expect(duplicates(context)).toEqual([]);
    await expect(
      jsonld.expand(document, { safeMode: true, documentLoader: offlineContexts } as jsonld.Options.Expand),
    ).resolves.toBeDefined();
  });
});

describe('OpenEPCIS invalid 2.0 XML documents are rejected', () => {
  it('finds all 9', () => expect(xmlInvalid).toHaveLength(9));
  it.each(xmlInvalid.map((f) => [f.path]))('%s', async (path) => {
    const res = await captureXml(readText(path));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.length).toBeGreaterThan(0);
  });

  it('an element out of the XSD order is named with its line, in plain words', async () => {
    const path =
      'openepcis-test-resources/2.0/EPCIS/XML/Capture/Invalid/ObjectEvent_with_wrong_element_order.xml';
    const res = await captureXml(readText(path));
    expect(res.statusCode).toBe(400);
    const [error] = res.json().errors;
    expect(error.code).toBe('epcis.xsd.unexpected');
    expect(error.message).toMatch(/^dòng \d+: phần tử "action" không đúng chỗ .* cần: eventTime$/);
  });
});

/**
 * OpenEPCIS writes many capture documents twice, as JSON-LD and as XML: the same events, so the second capture
 * stores nothing new. Two kinds of twin are not the same events, each counted in docs/epcis.md:
 * - the XML writes a value as a prefixed name (`type="example:someSensorProperty"`) where the JSON-LD writes the URI
 *   in full; XML values are URIs as written, so the reference event hash (GS1's generator) differs and so do the
 *   hash eventIDs. Their content is the same, so where an eventID is given, resending is no clash;
 * - the twins disagree: a declarationTime of 14:00Z in one, 14:00+01:00 in the other, under one eventID: 409.
 */
const twins = openepcisValid
  .map((f) => ({ json: f.path, xml: f.path.replace('/JSON/', '/XML/').replace(/\.json$/, '.xml') }))
  .filter((p) => xmlValid.some((x) => x.path === p.xml));
const writtenAsCurieInXml = [
  'SensorData_with_combined_events',
  'TransformationEvent_with_sensorData',
  'TransformationEvent_with_userExtensions',
];
const disagreeing: Record<string, string[]> = {
  Combination_of_different_event: ['/epcisBody/eventList/4/eventID'],
};
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');

async function storedEvents() {
  const rows = (await t.db.execute(sql`SELECT count(*)::int AS n FROM epcis_events`)) as any;
  return rows.rows[0].n as number;
}

describe('an OpenEPCIS document sent as JSON-LD and as XML', () => {
  it('finds the 34 twins', () => expect(twins.length).toBe(34));
  it.each(twins.map((p) => [p.json, p.xml]))('%s', async (json, xml) => {
    const name = nameOf(json);
    const first = await capture(readJson(json));
    expect(first.statusCode, first.body).toBe(202);
    const stored = await storedEvents();
    const second = await captureXml(readText(xml));
    if (disagreeing[name]) {
      expect(second.statusCode).toBe(409);
      expect(second.json().errors.map((e: any) => e.field)).toEqual(disagreeing[name]);
      expect(await storedEvents()).toBe(stored);
      return;
    }
    expect(second.statusCode, second.body).toBe(202);
    if (writtenAsCurieInXml.includes(name)) {
      expect(second.json().eventIDs).not.toEqual(first.json().eventIDs);
      return;
    }
    expect(second.json().eventIDs).toEqual(first.json().eventIDs);
    expect(await storedEvents()).toBe(stored);
  });
});
