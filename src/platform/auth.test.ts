import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';

/** The documented routes open to anonymous callers; every other one answers 401. */
const publicEndpoints = new Set([
  // the bytes of stored files, for consumer pages: outside /api/ on purpose
  'GET /files/{id}',
  'POST /api/auth/sign-in',
  // a forgotten password: asking for a link and using it (decision 032)
  'POST /api/auth/password-reset-requests',
  'POST /api/auth/password-reset',
  'POST /api/registrations',
  'GET /api/audit/verify',
  'GET /api/administrative-units',
  // the communes' outlines drawn under every map, the consumer page's among them (public like the units)
  'GET /api/commune-boundaries',
  // what approval checks per kind of record: a fixed list the registration form marks too
  'GET /api/review/approval-needs',
  'GET /epcis/eventTypes/{value}',
  'GET /epcis/bizSteps/{value}',
  'GET /epcis/dispositions/{value}',
  'GET /epcis/readPoints/{value}',
  'GET /epcis/bizLocations/{value}',
  'GET /epcis/epcs/{value}',
  // the binding's top-level resources: a fixed list
  'GET /epcis',
  // signed checkpoints, the province's public key and proofs: for anyone to check (decision 057)
  'GET /api/proofs/checkpoints',
  'GET /api/proofs/checkpoints/export',
  'GET /api/proofs/checkpoints/{seq}',
  'GET /api/proofs/public-key',
  'GET /api/proofs/public-key.pem',
  'GET /api/proofs/records/{id}',
  'GET /api/proofs/events',
]);

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function documentedEndpoints() {
  const doc = t.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => methods.has(m))
      .map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
  );
}

/** Path parameters that are not ids, a query of wrong types and a body that is not even JSON. */
function malformed(endpoint: { method: string; path: string }) {
  const url = `${endpoint.path.replace(/\{[^}]+\}/g, 'not-an-id')}?page=-x&pageSize=many&limit=abc&from=yesterday`;
  const withBody = ['POST', 'PUT', 'PATCH'].includes(endpoint.method);
  return t.app.inject({
    method: endpoint.method as 'GET',
    url,
    ...(withBody ? { headers: { 'content-type': 'application/json' }, payload: '{"name": [' } : {}),
  });
}

describe('anonymous callers', () => {
  it('get 401 from every non-public documented route whatever they send, never 400 or 500', async () => {
    const endpoints = documentedEndpoints();
    expect(endpoints.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const endpoint of endpoints) {
      if (publicEndpoints.has(endpoint.key)) continue;
      const res = await malformed(endpoint);
      if (res.statusCode !== 401) wrong.push(`${endpoint.key} → ${res.statusCode}`);
      else expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(wrong).toEqual([]);
  });

  it('still reach the public routes, which judge the input themselves', async () => {
    const documented = new Set(documentedEndpoints().map((e) => e.key));
    for (const key of publicEndpoints) {
      expect(documented, key).toContain(key);
      const [method, path] = key.split(' ');
      const res = await malformed({ method, path });
      expect(res.statusCode, key).not.toBe(401);
      expect(res.statusCode, key).toBeLessThan(500);
    }
    const signIn = await malformed({ method: 'POST', path: '/api/auth/sign-in' });
    expect(signIn.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/administrative-units' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/audit/verify' })).statusCode).toBe(200);
  });

  it('still reach the OpenAPI document, its UI and the EPCIS discovery resources', async () => {
    expect((await t.app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/docs/json' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/epcis/context/epcis-context.jsonld' })).statusCode).toBe(200);
    for (const url of ['/epcis', '/epcis/capture', '/epcis/events']) {
      expect((await t.app.inject({ method: 'OPTIONS', url })).statusCode, url).toBe(204);
    }
  });

  it('are refused before the body is read, while signed-in callers still meet validation and role gates', async () => {
    const body = { headers: { 'content-type': 'application/json' }, payload: '{"name": [' };
    expect((await t.app.inject({ method: 'POST', url: '/api/users', ...body })).statusCode).toBe(401);
    const staff = t.as({ role: 'org_staff', organisationIds: [] });
    const gated = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...staff, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(gated.statusCode).toBe(403);
    const admin = t.as({ role: 'dost_admin' });
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(invalid.statusCode).toBe(400);
  });
});
