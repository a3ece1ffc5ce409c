import crypto from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedTables,
  createTestApp,
  makeProducer,
  multipartBody,
  rowCounts,
  type TestApp,
} from '../test/index.ts';
import { isUnstorableText, registerHostileTextGuard } from './hostile-text.ts';
import { registerProblemHandling } from './problem.ts';

let t: TestApp;
const org = crypto.randomUUID();
let owner: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  owner = t.as({ role: 'org_owner', organisationIds: [org] });
  admin = t.as({ role: 'dost_admin' });
});
afterAll(() => t?.close());

const fieldsOf = (res: { json(): any }) => res.json().errors.map((e: any) => [e.field, e.code]);

/** A fresh client address for each public form post, so the form's rate limit stays out of the way. */
const clientAddress = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe('text the database cannot store', () => {
  it('tells NUL and lone surrogates from paired ones', () => {
    expect(isUnstorableText('a\u0000b')).toBe(true);
    expect(isUnstorableText('a\uD800b')).toBe(true);
    expect(isUnstorableText('a\uDC00')).toBe(true);
    expect(isUnstorableText('\uDC00\uD800')).toBe(true);
    expect(isUnstorableText('Bưởi 😀 𝕏')).toBe(false);
    expect(isUnstorableText('')).toBe(false);
  });

  it('a NUL byte in the sign-in email is 400 naming /email', async () => {
    const before = await rowCounts(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'chu\u0000@htx.vn', password: 'mat-khau-dai-du' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fieldsOf(res)).toEqual([['/body/email', 'field.unstorableText']]);
    expect(res.json().errors[0].message).toMatch(/NUL/);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('an unpaired surrogate in the sign-in email is 400, in English on request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      // written by hand: JSON.stringify would escape it the same way, but this is what a fuzzer sends
      payload: '{"email":"chu\\ud800@htx.vn","password":"mat-khau-dai-du"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/email', code: 'field.unstorableText' });
    expect(res.json().errors[0].message).toMatch(/unpaired UTF-16 surrogate/);
  });

  it('an unpaired surrogate in q is 400', async () => {
    // Fastify's own parser leaves invalid percent-escapes as they are; a lenient one (here JavaScript's legacy
    // `unescape`, which reads %uD800) can hand a lone surrogate to the route, and the guard still stops it
    const app = Fastify({
      routerOptions: { querystringParser: (s: string) => ({ q: unescape(s.slice(2)) }) },
    });
    registerProblemHandling(app);
    registerHostileTextGuard(app);
    app.get('/search', async (request) => ({ q: (request.query as any).q }));
    const res = await app.inject({ method: 'GET', url: '/search?q=%uD800' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['/querystring/q', 'field.unstorableText']]);
    expect((await app.inject({ method: 'GET', url: '/search?q=%uD83D%uDE00' })).statusCode).toBe(200);
    await app.close();
  });

  it('a NUL in q is 400 before any query runs, on every list that takes q', async () => {
    for (const url of ['/api/organisations', '/api/products', '/api/locations', '/api/lots', '/api/users']) {
      const res = await t.app.inject({ method: 'GET', url: `${url}?q=che%00`, headers: admin });
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res), url).toEqual([['/querystring/q', 'field.unstorableText']]);
    }
  });

  it('a NUL in a path parameter, a JSON key or an EPCIS query value is 400 naming it', async () => {
    const path = await t.app.inject({ method: 'GET', url: '/epcis/bizSteps/ship%00/events', headers: admin });
    expect(fieldsOf(path)).toEqual([['/params/value', 'field.unstorableText']]);
    const query = await t.app.inject({ method: 'GET', url: '/epcis/events?EQ_bizStep=a%00', headers: admin });
    expect(fieldsOf(query)).toEqual([['/querystring/EQ_bizStep', 'field.unstorableText']]);
    const key = await t.app.inject({
      method: 'POST',
      url: '/epcis/events',
      headers: { ...owner, 'content-type': 'application/ld+json' },
      payload: '{"type":"ObjectEvent","ilmd":{"a\\u0000b":1}}',
    });
    expect(fieldsOf(key)).toEqual([['/body/ilmd/a\u0000b', 'field.unstorableKey']]);
  });

  it('a NUL in an audit note (a review reason) is 400 and nothing is stored', async () => {
    const before = await rowCounts(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/review/items/${crypto.randomUUID()}/decision`,
      headers: admin,
      payload: { decision: 'reject', reason: 'sai\u0000' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['/body/reason', 'field.unstorableText']]);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('a NUL in a field of the public report form is 400 and no report is stored', async () => {
    const before = await rowCounts(t.db);
    const body = multipartBody({ uri: 'https://txng.example.vn/01/08934567000017', message: 'tem\u0000giả' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/page/report',
      headers: { ...body.headers, accept: 'application/json', 'x-forwarded-for': clientAddress() },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['/message', 'field.unstorableText']]);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });
});

describe('ids that must be UUIDs', () => {
  it('a non-UUID entityId is 400', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: owner,
      payload: { entityType: 'product', entityId: 'not-a-uuid' },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['/body/entityId', 'field.format']]);
  });

  it('a non-UUID id in a path is 400 naming /params/id on every route that takes one', async () => {
    const urls = [
      '/api/organisations/x',
      '/api/products/x',
      '/api/locations/x',
      '/api/lots/x',
      '/api/users/x',
      '/api/files/x',
      '/api/diary/x',
      '/api/shipments/x',
      '/api/stamps/requests/x',
      '/api/stamps/ranges/x',
      '/api/review/items/x',
      '/api/reports/x/photo',
    ];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url, headers: admin });
      expect(res.statusCode, url).toBe(400);
      expect(fieldsOf(res)[0], url).toEqual(['/params/id', 'field.format']);
    }
  });
});

describe('dates PostgreSQL cannot store', () => {
  it("year 0 in a lot's production date, or in the audit log's from, is 400 field.dateRange", async () => {
    const producer = await makeProducer(t.db);
    const lot = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: t.as({ role: 'org_owner', organisationIds: [producer.organisationId] }),
      payload: { productId: producer.productId, lot: 'Y0', productionDate: '0000-01-01', inputLotIds: [] },
    });
    expect(lot.statusCode).toBe(400);
    expect(fieldsOf(lot)).toEqual([['/body/productionDate', 'field.dateRange']]);
    for (const from of ['0000-06-01T00:00:00Z', '2024-05-01T08:00:00+16:00']) {
      const audit = await t.app.inject({
        method: 'GET',
        url: `/api/audit?from=${encodeURIComponent(from)}`,
        headers: admin,
      });
      expect(audit.statusCode, from).toBe(400);
      expect(fieldsOf(audit), from).toEqual([['/querystring/from', 'field.dateRange']]);
    }
  });
});

describe('multipart bodies', () => {
  const postRaw = (url: string, contentType: string, payload: Buffer | string, headers = owner) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': contentType, 'x-forwarded-for': clientAddress() },
      payload,
    });
  const routes = ['/page/report', '/api/files', '/api/imports/products'];

  it('a multipart body without a boundary is 400 on /page/report and /api/files', async () => {
    for (const url of routes) {
      for (const contentType of [
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'multipart/form-data; boundary=""',
      ]) {
        const res = await postRaw(url, contentType, 'file=abc');
        expect(res.statusCode, `${url} ${contentType}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(fieldsOf(res)).toEqual([['/headers/content-type', 'multipart.noBoundary']]);
      }
    }
  });

  it('a boundary over 70 characters is 400', async () => {
    const boundary = 'b'.repeat(300);
    for (const url of routes) {
      const res = await postRaw(url, `multipart/form-data; boundary=${boundary}`, `--${boundary}--\r\n`);
      expect(res.statusCode, url).toBe(400);
    }
  });

  it('a body that breaks off or has a malformed part header is 400, and nothing is stored', async () => {
    const before = await rowCounts(t.db);
    const body = multipartBody({}, [{ name: 'a.pdf', data: Buffer.from('%PDF-1.4 rest of it') }]);
    const cut = body.payload.subarray(0, body.payload.length - 30);
    const garbled = Buffer.from(
      `--${body.boundary}\r\nthis is no header\r\n\r\nx\r\n--${body.boundary}--\r\n`,
    );
    for (const url of routes) {
      for (const payload of [cut, garbled]) {
        const res = await postRaw(url, body.headers['content-type'], payload);
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
    }
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it("a NUL in an uploaded file's name is 400", async () => {
    const body = multipartBody({}, [{ name: 'hoa\u0000don.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    const res = await postRaw('/api/files', body.headers['content-type'], body.payload);
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['/body/file/filename', 'field.unstorableText']]);
  });
});
