import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { epcisDocument, manifest, readJson } from './epcis.test-helpers.ts';

/**
 * Every official GS1 JSON-LD example and every OpenEPCIS 2.0 JSON capture document, captured over HTTP: one test
 * per file. The three that the schema disputes are accepted under the errata of decision 004.
 */
let t: TestApp;
let headers: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  headers = { ...t.as({ role: 'dost_admin' }), 'content-type': 'application/ld+json' };
});
afterAll(() => t.close());

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
