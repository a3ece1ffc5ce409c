import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/index.ts';
import { createTestApp, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';
import { createOrganisation } from './organisation.service.ts';
import { setReviewStatus } from './review-status.ts';

/** Other modules read with the registry's scope: officers see the organisations of their sector or communes. */
let t: TestApp;
let farm: { id: string };
let clinic: { id: string };
let farmField: { id: string };
let clinicSite: { id: string };
let farmEntry: { id: string; eventId: string };
let clinicEntry: { id: string; eventId: string };

const admin: Actor = {
  kind: 'user',
  id: 'scope-admin',
  name: 'Admin',
  role: 'dost_admin',
  organisationIds: [],
  sector: null,
  communes: [],
};

const agricultureOfficer = () => t.as({ role: 'sector_officer', sector: 'agriculture' });
const communeOfficer = () => t.as({ role: 'commune_officer', communes: ['75W001'] });

async function addEntry(organisationId: string, locationId: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/diary',
    headers: t.as({ role: 'org_owner', organisationIds: [organisationId] }),
    payload: { locationId, season: 'Vụ 2026', entryDate: '2026-05-20', kind: 'other', note: 'Ghi chép' },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; eventId: string };
}

beforeAll(async () => {
  t = await createTestApp();
  // agriculture, commune 75W001
  farm = await makeOrganisation(t.db, { name: 'HTX Nông nghiệp' });
  clinic = await createOrganisation(
    t.db,
    {
      name: 'Cơ sở Y tế',
      taxCode: '3123456704',
      type: 'enterprise',
      sector: 'health',
      communeCode: '75W010',
      gs1CompanyPrefixes: [],
      glns: [],
    },
    admin,
  );
  for (const status of ['submitted', 'approved'] as const) {
    await setReviewStatus(t.db, { entity: 'organisation', id: clinic.id, status, actor: null });
  }
  farmField = await makeLocation(t.db, farm.id, { name: 'Vùng trồng' });
  clinicSite = await makeLocation(t.db, clinic.id, { name: 'Kho thuốc', type: 'warehouse' });
  farmEntry = await addEntry(farm.id, farmField.id);
  clinicEntry = await addEntry(clinic.id, clinicSite.id);
});
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('officers read other modules with the registry scope', () => {
  it('a sector officer does not see the diary of an organisation of another sector', async () => {
    expect((await get(`/api/diary?locationId=${farmField.id}`, agricultureOfficer())).statusCode).toBe(200);
    expect((await get(`/api/diary/${farmEntry.id}`, agricultureOfficer())).statusCode).toBe(200);
    expect((await get(`/api/diary?locationId=${clinicSite.id}`, agricultureOfficer())).statusCode).toBe(404);
    expect((await get(`/api/diary/${clinicEntry.id}`, agricultureOfficer())).statusCode).toBe(404);
    const healthOfficer = t.as({ role: 'sector_officer', sector: 'health' });
    expect((await get(`/api/diary/${clinicEntry.id}`, healthOfficer)).statusCode).toBe(200);
  });

  it('a commune officer does not see events of organisations outside their communes', async () => {
    const events = await get('/epcis/events', communeOfficer());
    expect(events.statusCode).toBe(200);
    expect(events.body).toContain(farmEntry.eventId);
    expect(events.body).not.toContain(clinicEntry.eventId);
    const one = (eventId: string) => get(`/epcis/events/${encodeURIComponent(eventId)}`, communeOfficer());
    expect((await one(farmEntry.eventId)).statusCode).toBe(200);
    expect((await one(clinicEntry.eventId)).statusCode).toBe(404);
    expect((await get(`/api/diary/${clinicEntry.id}`, communeOfficer())).statusCode).toBe(404);
  });

  it('officers do not read file descriptions, in their sector or not; the department does', async () => {
    const boundary = 'txngscope';
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: {
        ...t.as({ role: 'org_owner', organisationIds: [clinic.id] }),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
      ),
    });
    expect(upload.statusCode).toBe(201);
    const url = `/api/files/${upload.json().id}`;
    expect((await get(url, agricultureOfficer())).statusCode).toBe(404);
    expect((await get(url, t.as({ role: 'sector_officer', sector: 'health' }))).statusCode).toBe(404);
    expect((await get(url, t.as({ role: 'commune_officer', communes: ['75W010'] }))).statusCode).toBe(404);
    expect((await get(url, t.as({ role: 'inspector' }))).statusCode).toBe(200);
  });

  it('the department admin, reviewers and inspectors still read everything', async () => {
    for (const role of ['dost_admin', 'dost_reviewer', 'inspector'] as const) {
      const events = await get('/epcis/events', t.as({ role }));
      expect(events.body, role).toContain(farmEntry.eventId);
      expect(events.body, role).toContain(clinicEntry.eventId);
      expect((await get(`/api/diary/${clinicEntry.id}`, t.as({ role }))).statusCode, role).toBe(200);
    }
  });
});
