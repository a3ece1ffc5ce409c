import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, organisationBody, type TestApp } from '../test/index.ts';
import { traceabilityInPlace } from './index.ts';
import { circularDataItems, traceabilityPrinciples } from './traceability-system.schema.ts';

let t: TestApp;
let admin: Record<string, string>;
const org = { a: '', b: '', c: '', d: '' };

async function create(url: string, payload: object, headers: Record<string, string>) {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const full = { principles: [...traceabilityPrinciples], dataItems: [...circularDataItems] };

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  // a, b in commune 75X001 (agriculture); c in 75W001 (industry_trade); d in 75X001 without a system
  org.a = await create('/api/organisations', organisationBody(601, { communeCode: '75X001' }), admin);
  org.b = await create('/api/organisations', organisationBody(602, { communeCode: '75X001' }), admin);
  org.c = await create(
    '/api/organisations',
    organisationBody(603, { communeCode: '75W001', sector: 'industry_trade' }),
    admin,
  );
  org.d = await create('/api/organisations', organisationBody(604, { communeCode: '75X001' }), admin);
  await create(
    `/api/organisations/${org.a}/traceability-systems`,
    {
      name: 'Phần mềm nhà vườn',
      kind: 'software',
      ...full,
      connection: 'epcis_capture',
      declaredOn: '2026-11-02',
    },
    t.as({ role: 'org_owner', organisationIds: [org.a] }),
  );
  await create(
    `/api/organisations/${org.b}/traceability-systems`,
    {
      name: 'Tem điện tử',
      provider: 'Công ty Tem Việt',
      kind: 'stamps_service',
      principles: ['transparency'],
    },
    t.as({ role: 'commune_officer', communes: ['75X001'] }),
  );
  await create(
    `/api/organisations/${org.c}/traceability-systems`,
    { name: 'Hệ thống kho', ...full, connection: 'api_key' },
    admin,
  );
  // the provincial system sees c connected: an active API key of c
  await t.db.execute(
    sql`insert into api_keys (name, prefix, secret_hash, organisation_ids, created_by) values ('c', 'tk603', 'h603', ${`{${org.c}}`}::uuid[], ${org.c})`,
  );
});
afterAll(() => t?.close());

describe('traceability systems: who may record', () => {
  it('an owner cannot record a system for another organisation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.c}/traceability-systems`,
      headers: t.as({ role: 'org_owner', organisationIds: [org.a] }),
      payload: { name: 'Chiếm quyền' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a commune officer records only for organisations of their communes', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.c}/traceability-systems`,
      headers: t.as({ role: 'commune_officer', communes: ['75X001'] }),
      payload: { name: 'Ngoài xã' },
    });
    expect(res.statusCode).toBe(404);
  });

  it('a sector officer reads but cannot record', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/organisations/${org.a}/traceability-systems`,
      headers: t.as({ role: 'sector_officer', sector: 'agriculture' }),
      payload: { name: 'Không được' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('bad input is a 400 naming the field, and nothing is stored', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [org.d] });
    for (const payload of [
      { name: 'Hệ thống', principles: ['not_a_principle'] },
      { name: 'Hệ thống', connection: 'carrier_pigeon' },
      { name: 'Hệ thống', declaredOn: '31/12/2026' },
      { name: 'Hệ thống', evidenceFileIds: ['00000000-0000-4000-8000-000000000000'] },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/organisations/${org.d}/traceability-systems`,
        headers: owner,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().errors[0].field).toMatch(/principles|connection|declaredOn|evidenceFileIds/);
    }
    const list = await t.app.inject({ url: '/api/traceability-systems', headers: owner });
    expect(list.json().total).toBe(0);
  });

  it('an owner replaces what is recorded, and what the form leaves out is cleared', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [org.d] });
    const id = await create(
      `/api/organisations/${org.d}/traceability-systems`,
      { name: 'Sổ ghi chép', kind: 'paper', ...full },
      owner,
    );
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${org.d}/traceability-systems/${id}`,
      headers: owner,
      payload: { name: 'Sổ ghi chép mới', kind: 'paper' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Sổ ghi chép mới', principles: [], declaredConformity: 'none' });
    const other = await t.app.inject({
      method: 'PUT',
      url: `/api/organisations/${org.d}/traceability-systems/${id}`,
      headers: t.as({ role: 'org_owner', organisationIds: [org.a] }),
      payload: { name: 'Chiếm quyền' },
    });
    expect(other.statusCode).toBe(404);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/organisations/${org.d}/traceability-systems/${id}`,
      headers: owner,
    });
  });
});

describe('traceability systems: list and counts', () => {
  it('the list filters by commune, conformity and observed connection, within scope', async () => {
    const list = async (query: string, headers = admin) =>
      (await t.app.inject({ url: `/api/traceability-systems?${query}`, headers })).json();
    const mine = (await list('')).items.filter((i: any) => Object.values(org).includes(i.organisationId));
    expect(mine).toHaveLength(3);
    expect((await list('communeCode=75W001')).items.map((i: any) => i.organisationId)).toEqual([org.c]);
    const conformant = (await list('conformity=full')).items.map((i: any) => i.organisationId);
    expect(conformant).toEqual(expect.arrayContaining([org.a, org.c]));
    expect(conformant).not.toContain(org.b);
    const connected = (await list('connected=yes')).items.map((i: any) => i.organisationId);
    expect(connected).toContain(org.c);
    expect(connected).not.toContain(org.a); // declared EPCIS capture, but no event captured: not observed
    const c = (await list('communeCode=75W001')).items[0];
    expect(c.observed).toEqual({ apiKey: true, recentEvents: 0, connected: true });
    const commune = await list('', t.as({ role: 'commune_officer', communes: ['75X001'] }));
    expect(commune.items.map((i: any) => i.organisationId).sort()).toEqual([org.a, org.b].sort());
    expect(
      (await list('page=2&pageSize=1', t.as({ role: 'commune_officer', communes: ['75X001'] }))).items,
    ).toHaveLength(1);
    expect(
      (await list(`q=${encodeURIComponent('Tem Việt')}`)).items.map((i: any) => i.organisationId),
    ).toEqual([org.b]);
    const bad = await t.app.inject({ url: '/api/traceability-systems?conformity=maybe', headers: admin });
    expect(bad.statusCode).toBe(400);
  });

  it('counts by sector and commune are right on a constructed scenario and respect scope', async () => {
    const commune = await t.app.inject({
      url: '/api/traceability-systems/counts',
      headers: t.as({ role: 'commune_officer', communes: ['75X001'] }),
    });
    expect(commune.json()).toEqual({
      rows: [
        {
          sector: 'agriculture',
          communeCode: '75X001',
          communeName: 'Xã Xuân Lộc',
          organisations: 3,
          withSystem: 2,
          conformant: 1,
          connected: 0,
        },
      ],
      totals: { organisations: 3, withSystem: 2, conformant: 1, connected: 0 },
    });
    const sector = await t.app.inject({
      url: '/api/traceability-systems/counts',
      headers: t.as({ role: 'sector_officer', sector: 'industry_trade' }),
    });
    expect(sector.json().totals).toEqual({ organisations: 1, withSystem: 1, conformant: 1, connected: 1 });
    const owner = await t.app.inject({
      url: '/api/traceability-systems/counts',
      headers: t.as({ role: 'org_owner', organisationIds: [org.b] }),
    });
    expect(owner.json().totals).toEqual({ organisations: 1, withSystem: 1, conformant: 0, connected: 0 });
  });

  it('the counts export to Excel, one row per sector and commune and a total', async () => {
    const res = await t.app.inject({
      url: '/api/traceability-systems/counts.xlsx',
      headers: t.as({ role: 'commune_officer', communes: ['75X001'] }),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Nông nghiệp và Môi trường',
      expect.any(String),
      3,
      2,
      1,
      0,
    ]);
    expect(sheet.getRow(3).getCell(1).value).toBe('Tổng cộng / Total');
  });

  it('traceabilityInPlace tells the catalogues which organisations have a system', async () => {
    const inPlace = await traceabilityInPlace(t.db, [org.a, org.b, org.c, org.d]);
    expect(inPlace.get(org.a)).toEqual({ conformant: true, connected: false });
    expect(inPlace.get(org.b)).toEqual({ conformant: false, connected: false });
    expect(inPlace.get(org.c)).toEqual({ conformant: true, connected: true });
    expect(inPlace.has(org.d)).toBe(false);
  });

  it('an anonymous caller gets 401', async () => {
    expect((await t.app.inject({ url: '/api/traceability-systems' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/traceability-systems/counts' })).statusCode).toBe(401);
  });
});
