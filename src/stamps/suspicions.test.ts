import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, type TestApp } from '../test/index.ts';
import { recordSuspicion } from './suspicions.service.ts';

let t: TestApp;
const orgA = crypto.randomUUID();
const orgB = crypto.randomUUID();
const gtinA = gtin();
const gtinB = gtin();

const travel = {
  km: 1160,
  minutes: 3,
  kmh: 23200,
  from: { latitude: 21.03, longitude: 105.85, at: '2026-11-20T01:00:00.000Z', expected: false },
  to: { latitude: 10.03, longitude: 105.78, at: '2026-11-20T01:03:00.000Z', expected: false },
};

beforeAll(async () => {
  t = await createTestApp();
  await recordSuspicion(t.db, {
    organisationId: orgA,
    gtin: gtinA,
    serial: 7,
    kind: 'impossible_travel',
    evidence: travel,
  });
  await recordSuspicion(t.db, {
    organisationId: orgA,
    gtin: gtinA,
    serial: 8,
    kind: 'revoked',
    evidence: {},
  });
  await recordSuspicion(t.db, {
    organisationId: orgB,
    gtin: gtinB,
    serial: null,
    kind: 'unknown_serial',
    evidence: { serial: 999 },
  });
});
afterAll(() => t?.close());

const list = (headers: Record<string, string>, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/stamps/suspicions${query}`, headers });

describe('GET /api/stamps/suspicions', () => {
  it("an organisation cannot read another organisation's suspicions", async () => {
    const ownerB = await list(t.as({ role: 'org_owner', organisationIds: [orgB] }));
    expect(ownerB.statusCode).toBe(200);
    expect(ownerB.json().items.map((s: any) => s.gtin)).toEqual([gtinB]);
    const asking = await list(t.as({ role: 'org_staff', organisationIds: [orgB] }), `?gtin=${gtinA}`);
    expect(asking.json()).toMatchObject({ items: [], total: 0 });
    const stranger = await list(t.as({ role: 'api_client', organisationIds: [crypto.randomUUID()] }));
    expect(stranger.json().items).toEqual([]);
  });

  it('the owner reads those on its own stamps, how far and how fast but not where people were', async () => {
    const ownerA = (await list(t.as({ role: 'org_owner', organisationIds: [orgA] }))).json();
    expect(ownerA.items.map((s: any) => s.serial).sort()).toEqual([7, 8]);
    const seen = ownerA.items.find((s: any) => s.kind === 'impossible_travel');
    expect(seen.evidence).toEqual({
      km: 1160,
      minutes: 3,
      kmh: 23200,
      from: { at: travel.from.at, expected: false },
      to: { at: travel.to.at, expected: false },
    });
  });

  it('the department reads every suspicion with its scan places, a page at a time', async () => {
    const reviewer = t.as({ role: 'dost_reviewer' });
    const first = (await list(reviewer, `?gtin=${gtinA}&pageSize=1`)).json();
    expect(first).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    const second = (await list(reviewer, `?gtin=${gtinA}&pageSize=1&page=2`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const inspector = (await list(t.as({ role: 'inspector' }), '?kind=impossible_travel')).json();
    expect(inspector.items[0]).toMatchObject({ gtin: gtinA, state: 'open', count: 1, evidence: travel });
    const admin = (await list(t.as({ role: 'dost_admin' }), `?gtin=${gtinB}`)).json();
    expect(admin.items[0]).toMatchObject({ kind: 'unknown_serial', serial: null, evidence: { serial: 999 } });
  });

  it('officers outside the department get 403, anonymous callers 401', async () => {
    for (const role of ['sector_officer', 'commune_officer'] as const) {
      const res = await list(t.as({ role, organisationIds: [orgA] }));
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await list({})).statusCode).toBe(401);
  });

  it('counts a second firing on the open suspicion instead of adding a row', async () => {
    await recordSuspicion(t.db, {
      organisationId: orgA,
      gtin: gtinA,
      serial: 8,
      kind: 'revoked',
      evidence: {},
    });
    const items = (await list(t.as({ role: 'dost_admin' }), `?gtin=${gtinA}&kind=revoked`)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0].count).toBe(2);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/stamps/suspicions'].get.parameters.map((p: any) => p.name)).toEqual(
      expect.arrayContaining(['gtin', 'kind', 'page', 'pageSize']),
    );
  });
});
