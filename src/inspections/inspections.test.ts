import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeOrganisation,
  makeStampedProduct,
  makeUser,
  type TestApp,
} from '../test/index.ts';

/**
 * Inspections (issue 12 §2): each outcome act and its lifting, seen on the consumer page at the very next
 * request, recorded in the audit chain; who may decide, who may read what.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let inspector: Record<string, string>;
let inspectorId: string;
let owner: Record<string, string>;
let reviewer: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Bưởi da xanh loại 1');
  const person = await makeUser(t.db, 'inspector');
  inspectorId = person.id;
  inspector = t.as({ role: 'inspector', id: inspectorId, name: 'Thanh tra viên' });
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
  reviewer = t.as({ role: 'dost_reviewer' });
});
afterAll(() => t?.close());

const stampPage = async (serial: number) => {
  const page = await t.app.inject({ url: `/page${f.stampPath(serial)}`, headers: { accept: 'text/html' } });
  expect(page.statusCode).toBe(200);
  return page.body;
};
const decide = (headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/inspections/actions', headers, payload });
const lift = (headers: Record<string, string>, id: string, reason = 'Cơ sở đã khắc phục') =>
  t.app.inject({ method: 'POST', url: `/api/inspections/actions/${id}/lift`, headers, payload: { reason } });
const auditOf = async (id: string) =>
  (
    await t.app.inject({
      url: `/api/audit?entityType=inspection_action&entityId=${id}`,
      headers: t.as({ role: 'dost_admin' }),
    })
  ).json();
const vnToday = () => {
  const d = new Date(Date.now() + 7 * 3600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

describe('stamps suspended', () => {
  it('a suspended range shows on the consumer page at the very next scan, and lifting it restores', async () => {
    const serial = f.activeSerial;
    expect(await stampPage(serial)).toContain('Sản phẩm chính hãng');
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'stamp_suspension',
      gtin: f.producer.gtin,
      firstSerial: serial,
      lastSerial: serial + 4,
      reason: 'Tem dán trên sản phẩm không đúng lô',
    });
    expect(res.statusCode, res.body).toBe(201);
    const suspended = await stampPage(serial + 4);
    expect(suspended).toContain(`Tem đã bị tạm đình chỉ từ ${vnToday()}`);
    expect(suspended).not.toContain('Sản phẩm chính hãng');
    // a stamp outside the range is untouched
    expect(await stampPage(serial + 5)).toContain('Sản phẩm chính hãng');

    const lifted = await lift(inspector, res.json().id);
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().liftedAt).not.toBeNull();
    const after = await stampPage(serial + 4);
    expect(after).toContain('Sản phẩm chính hãng');
    expect(after).not.toContain('tạm đình chỉ');
  });

  it('the decision and its lifting are in the audit chain', async () => {
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'stamp_suspension',
      gtin: f.producer.gtin,
      firstSerial: f.activeSerial + 10,
      lastSerial: f.activeSerial + 10,
      reason: 'Kiểm tra lại',
    });
    expect(res.statusCode, res.body).toBe(201);
    await lift(t.as({ role: 'dost_admin' }), res.json().id);
    const entries = await auditOf(res.json().id);
    const actions = (entries.items as { action: string }[]).map((e) => e.action).sort();
    expect(actions).toEqual(['decide:stamp_suspension', 'lift:stamp_suspension']);
    const verify = await t.app.inject({ url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ valid: true, brokenAtId: null });
  });

  it('lifting twice is a conflict, not a second entry', async () => {
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'warning',
      reason: 'Nhắc nhở ghi nhãn',
    });
    expect((await lift(inspector, res.json().id)).statusCode).toBe(200);
    const again = await lift(inspector, res.json().id);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('security: the owner cannot lift a suspension of its own stamps, nor decide one', async () => {
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'stamp_suspension',
      gtin: f.producer.gtin,
      firstSerial: f.activeSerial + 20,
      lastSerial: f.activeSerial + 21,
      reason: 'Nghi tem giả',
    });
    expect((await lift(owner, res.json().id)).statusCode).toBe(403);
    expect((await lift(reviewer, res.json().id)).statusCode).toBe(403);
    expect(
      (
        await decide(owner, {
          organisationId: f.producer.organisationId,
          kind: 'warning',
          reason: 'tự cảnh cáo',
        })
      ).statusCode,
    ).toBe(403);
    expect(await stampPage(f.activeSerial + 21)).toContain('tạm đình chỉ');
    expect((await lift(inspector, res.json().id)).statusCode).toBe(200);
  });

  it('bad input names the fields, in Vietnamese, and stores nothing', async () => {
    const before = (await t.app.inject({ url: '/api/inspections/actions', headers: inspector })).json().total;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/inspections/actions',
      headers: { ...inspector, 'accept-language': 'vi' },
      payload: {
        organisationId: f.producer.organisationId,
        kind: 'stamp_suspension',
        gtin: '00000000000000',
        firstSerial: 50,
        lastSerial: 10,
        reason: 'x',
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['/body/gtin', '/body/lastSerial']);
    expect(res.body).toContain('số sê-ri cuối');
    const noReason = await decide(inspector, { organisationId: f.producer.organisationId, kind: 'warning' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: '/body/reason' });
    const after = (await t.app.inject({ url: '/api/inspections/actions', headers: inspector })).json().total;
    expect(after).toBe(before);
  });

  it('a GTIN of another organisation is refused', async () => {
    const other = await makeOrganisation(t.db, { name: 'Công ty Khác' });
    const res = await decide(inspector, {
      organisationId: other.id,
      kind: 'stamp_suspension',
      gtin: f.producer.gtin,
      firstSerial: 1,
      lastSerial: 2,
      reason: 'Sai',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/gtin' });
  });
});

describe('lot on hold or recalled', () => {
  it('a hold shows plainly on the consumer page at once, and lifting it puts the lot back on sale', async () => {
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'lot_hold',
      lotId: f.lot.id,
      reason: 'Chờ kết quả kiểm nghiệm',
    });
    expect(res.statusCode, res.body).toBe(201);
    const held = await stampPage(f.activeSerial + 30);
    expect(held).toContain('Lô hàng đang bị tạm giữ');
    expect(held).not.toContain('Sản phẩm chính hãng');
    const lot = await t.app.inject({ url: `/api/lots/${f.lot.id}`, headers: owner });
    expect(lot.json()).toMatchObject({
      status: 'on_hold',
      statusChange: { note: 'Chờ kết quả kiểm nghiệm' },
    });
    expect((await lift(inspector, res.json().id, 'Kết quả đạt')).statusCode).toBe(200);
    expect(await stampPage(f.activeSerial + 30)).toContain('Sản phẩm chính hãng');
  });

  it('a recall by an inspector reaches the consumer page; the owner cannot undo it, the inspector can', async () => {
    const res = await decide(inspector, {
      organisationId: f.producer.organisationId,
      kind: 'lot_recall',
      lotId: f.lot.id,
      reason: 'Dư lượng vượt ngưỡng',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await stampPage(f.activeSerial + 31)).toContain('Lô hàng đang bị thu hồi');
    const ownerUndo = await t.app.inject({
      method: 'PUT',
      url: `/api/lots/${f.lot.id}/status`,
      headers: owner,
      payload: { status: 'active' },
    });
    expect(ownerUndo.statusCode).toBe(403);
    expect((await lift(inspector, res.json().id)).statusCode).toBe(200);
    expect(await stampPage(f.activeSerial + 31)).toContain('Sản phẩm chính hãng');
  });

  it('a lot of another organisation is refused', async () => {
    const other = await makeOrganisation(t.db, { name: 'Công ty Thứ Ba' });
    const res = await decide(inspector, {
      organisationId: other.id,
      kind: 'lot_hold',
      lotId: f.lot.id,
      reason: 'Sai',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/lotId' });
  });
});

describe('visits, checklist and findings', () => {
  let visitId: string;
  it('an inspector records a visit with its checklist and a finding with a deadline', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/inspections/visits',
      headers: inspector,
      payload: {
        organisationId: f.producer.organisationId,
        visitedOn: '2026-11-20',
        inspectorIds: [inspectorId],
        checklist: [
          { item: 'principle.one_step', result: 'pass' },
          { item: 'stamp_use', result: 'fail', note: 'Tem dán lẫn lô' },
          { item: 'conformity', result: 'not_applicable' },
        ],
        internalNote: 'Nghi có tem giả ngoài thị trường',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    visitId = res.json().id;
    const finding = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/visits/${visitId}/findings`,
      headers: inspector,
      payload: { text: 'Dán tem của lô L2026-03 lên lô khác', fixBy: '2026-12-20' },
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const audit = await t.app.inject({
      url: `/api/audit?entityType=inspection_finding&entityId=${finding.json().id}`,
      headers: t.as({ role: 'dost_admin' }),
    });
    expect(audit.json().items).toHaveLength(1);
  });

  it('the province’s visits by commune, sector and days, each named with its organisation (a dashboard figure)', async () => {
    const admin = t.as({ role: 'dost_admin' });
    const list = (q: string) => t.app.inject({ url: `/api/inspections/visits?${q}`, headers: admin });
    const here = await list('communeCode=75W001&sector=agriculture&from=2026-11-01&to=2026-11-30');
    expect(here.statusCode, here.body).toBe(200);
    const items = here.json().items as { id: string; organisationId: string; organisationName: string }[];
    expect(items.map((v) => v.id)).toContain(visitId);
    expect(items.every((v) => v.organisationId === f.producer.organisationId)).toBe(true);
    expect(items[0].organisationName).toBe('Hợp tác xã Bưởi Tân Triều');
    expect((await list('communeCode=75W001&from=2026-11-21')).json().items).toEqual([]);
    expect((await list('communeCode=75W001&to=2026-11-19')).json().items).toEqual([]);
    expect((await list('communeCode=00000')).json().total).toBe(0);
    expect((await list('communeCode=75W001&sector=health')).json().total).toBe(0);
    const bad = await list('from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('Từ ngày kiểm tra phải là một ngày hợp lệ');
  });

  it('the owner reads its findings and deadlines, never the internal note', async () => {
    const res = await t.app.inject({ url: `/api/inspections/visits/${visitId}`, headers: owner });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().findings[0]).toMatchObject({ fixBy: '2026-12-20' });
    expect(res.body).not.toContain('Nghi có tem giả');
    const staff = await t.app.inject({ url: `/api/inspections/visits/${visitId}`, headers: reviewer });
    expect(staff.json().internalNote).toBe('Nghi có tem giả ngoài thị trường');
  });

  it('security: another organisation sees nothing of the visit, its findings or the acts', async () => {
    const stranger = await makeOrganisation(t.db, { name: 'Công ty Lạ' });
    const as = t.as({ role: 'org_owner', organisationIds: [stranger.id] });
    const read = await t.app.inject({ url: `/api/inspections/visits/${visitId}`, headers: as });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('L2026-03');
    const list = await t.app.inject({ url: '/api/inspections/visits', headers: as });
    expect(list.json().total).toBe(0);
    const acts = await t.app.inject({ url: '/api/inspections/actions', headers: as });
    expect(acts.json().total).toBe(0);
    const mine = await t.app.inject({ url: '/api/inspections/actions', headers: owner });
    expect(mine.json().total).toBeGreaterThan(0);
  });

  it('security: an officer outside the organisation’s scope reads nothing of it', async () => {
    const officer = t.as({ role: 'commune_officer', communes: ['00000'] });
    const list = await t.app.inject({ url: '/api/inspections/visits', headers: officer });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(0);
    expect(
      (await t.app.inject({ url: `/api/inspections/visits/${visitId}`, headers: officer })).statusCode,
    ).toBe(404);
  });

  it('a visit names only real inspectors and checklist items, and no future date', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/inspections/visits',
      headers: inspector,
      payload: {
        organisationId: f.producer.organisationId,
        visitedOn: '2099-01-01',
        inspectorIds: ['00000000-0000-4000-8000-000000000000'],
        checklist: [{ item: 'made_up', result: 'pass' }],
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['/body/checklist/0/item', '/body/inspectorIds/0', '/body/visitedOn']);
  });

  it('anonymous callers get 401, an API key 403', async () => {
    expect((await t.app.inject({ url: '/api/inspections/visits' })).statusCode).toBe(401);
    const key = t.as({ role: 'api_client', kind: 'apiKey', organisationIds: [f.producer.organisationId] });
    expect((await t.app.inject({ url: '/api/inspections/visits', headers: key })).statusCode).toBe(403);
  });
});

describe('the back office checklist', () => {
  it('names the same items, in the same words, as the server', async () => {
    const { checklistItems } = await import('./checklist.ts');
    const web = fs.readFileSync(new URL('../web/pages/inspections/checklist.ts', import.meta.url), 'utf8');
    const pairs = [...web.matchAll(/code: '([^']+)',\s*vi: '([^']+)'/g)].map((m) => ({
      code: m[1],
      vi: m[2],
    }));
    expect(pairs).toEqual(checklistItems.map((i) => ({ code: i.code, vi: i.vi })));
  });
});
