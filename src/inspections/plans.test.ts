import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, makeOrganisation, makeProduct, makeUser, type TestApp } from '../test/index.ts';

/**
 * Inspection plans (issue 12 §2): targets from a catalogue list version, by risk or by hand; draft → in progress
 * → closed; visits under a plan; who writes, who reads what, and organisations never.
 */
let t: TestApp;
let inspector: Record<string, string>;
let inspectorId: string;
let durian: { id: string };
let pork: { id: string };
let otherCommune: { id: string };
let versionId: string;

beforeAll(async () => {
  t = await createTestApp();
  inspectorId = (await makeUser(t.db, 'inspector')).id;
  inspector = t.as({ role: 'inspector', id: inspectorId, name: 'Thanh tra viên' });
  const g1 = gtin();
  durian = await makeOrganisation(t.db, {
    name: 'HTX Sầu riêng Long Khánh',
    communeCode: '75W001',
    ownGtins: [g1],
  });
  await makeProduct(t.db, durian.id, { gtin: g1, name: 'Sầu riêng Ri6', productGroup: 'Sầu riêng' });
  const g2 = gtin();
  otherCommune = await makeOrganisation(t.db, {
    name: 'Vựa sầu riêng Xuân Lộc',
    communeCode: '75W010',
    ownGtins: [g2],
  });
  await makeProduct(t.db, otherCommune.id, { gtin: g2, name: 'Sầu riêng Dona', productGroup: 'Sầu riêng' });
  pork = await makeOrganisation(t.db, { name: 'Lò mổ Hố Nai', communeCode: '75W001' });
  // a mandatory list naming durian, issued by the agriculture officer and approved
  const agri = t.as({ role: 'sector_officer', sector: 'agriculture' });
  const list = await post('/api/catalogues/lists', agri, {
    sector: 'agriculture',
    kind: 'mandatory',
    title: 'Bắt buộc',
  });
  const version = await post(`/api/catalogues/lists/${list.json().id}/versions`, agri, {
    decisionNumber: '1234/QĐ-UBND',
    decisionDate: '2026-11-20',
    signer: 'Phó Chủ tịch UBND tỉnh',
    effectiveFrom: '2026-12-01',
    items: [{ match: 'product_group', value: 'sầu riêng' }],
  });
  versionId = version.json().id;
  await post(`/api/catalogues/versions/${versionId}/submit`, agri, {});
  const ok = await post(`/api/catalogues/versions/${versionId}/decision`, t.as({ role: 'dost_reviewer' }), {
    decision: 'approve',
  });
  expect(ok.statusCode, ok.body).toBe(200);
});
afterAll(() => t?.close());

function post(url: string, headers: Record<string, string>, payload: object) {
  return t.app.inject({ method: 'POST', url, headers, payload });
}
const plan = (extra: object = {}, headers = inspector) =>
  post('/api/inspection-plans', headers, {
    title: 'Kiểm tra truy xuất sầu riêng quý I/2027',
    periodFrom: '2027-01-01',
    periodTo: '2027-03-31',
    targetSource: 'list',
    catalogueVersionId: versionId,
    ...extra,
  });

describe('inspection plans', () => {
  let planId: string;

  it('a plan from a list version targets the organisations having products on it, within its communes', async () => {
    const all = await plan();
    expect(all.statusCode, all.body).toBe(201);
    expect(
      all
        .json()
        .targets.map((x: { name: string }) => x.name)
        .sort(),
    ).toEqual(['HTX Sầu riêng Long Khánh', 'Vựa sầu riêng Xuân Lộc']);
    const one = await plan({ communeCodes: ['75W001'], scopeNote: 'Địa bàn Long Khánh' });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({
      state: 'draft',
      targets: [{ organisationId: durian.id, visits: [] }],
    });
    planId = one.json().id;
  });

  it('a plan by hand names its organisations; by risk, those with a finding past its deadline', async () => {
    const hand = await plan({
      targetSource: 'hand',
      catalogueVersionId: undefined,
      organisationIds: [pork.id],
    });
    expect(hand.statusCode, hand.body).toBe(201);
    expect(hand.json().targets).toMatchObject([{ organisationId: pork.id }]);
    const visit = await post('/api/inspections/visits', inspector, {
      organisationId: pork.id,
      visitedOn: '2026-10-01',
      inspectorIds: [inspectorId],
      checklist: [],
    });
    await post(`/api/inspections/visits/${visit.json().id}/findings`, inspector, {
      text: 'Thiếu sổ ghi chép',
      fixBy: '2026-10-15',
    });
    const risk = await plan({ targetSource: 'risk', catalogueVersionId: undefined });
    expect(risk.statusCode, risk.body).toBe(201);
    expect(risk.json().targets.map((x: { organisationId: string }) => x.organisationId)).toEqual([pork.id]);
  });

  it('bad input names every field at once, in Vietnamese, and stores nothing', async () => {
    const before = (await t.app.inject({ url: '/api/inspection-plans', headers: inspector })).json().total;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/inspection-plans',
      headers: { ...inspector, 'accept-language': 'vi' },
      payload: {
        title: 'Sai',
        periodFrom: '2027-03-01',
        periodTo: '2027-01-01',
        communeCodes: ['99999'],
        targetSource: 'list',
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['/body/catalogueVersionId', '/body/communeCodes/0', '/body/periodTo']);
    expect(res.body).toContain('ngày kết thúc không được trước ngày bắt đầu');
    const hand = await plan({ targetSource: 'hand', catalogueVersionId: undefined, organisationIds: [] });
    expect(hand.json().errors[0]).toMatchObject({ field: '/body/organisationIds' });
    const none = await plan({ sector: 'health' });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ field: '/body/targetSource' });
    const noTitle = await plan({ title: '' });
    expect(noTitle.json().errors[0]).toMatchObject({ field: '/body/title' });
    const after = (await t.app.inject({ url: '/api/inspection-plans', headers: inspector })).json().total;
    expect(after).toBe(before);
  });

  it('a visit under the plan marks its target visited; a visit of an organisation outside it is refused', async () => {
    const visit = await post('/api/inspections/visits', inspector, {
      organisationId: durian.id,
      visitedOn: '2026-12-01',
      inspectorIds: [inspectorId],
      checklist: [],
      planId,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const read = await t.app.inject({ url: `/api/inspection-plans/${planId}`, headers: inspector });
    expect(read.json().targets[0].visits).toEqual([{ id: visit.json().id, visitedOn: '2026-12-01' }]);
    const list = await t.app.inject({ url: '/api/inspection-plans?pageSize=2&page=1', headers: inspector });
    expect(list.json()).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(list.json().items).toHaveLength(2);
    const forPork = await t.app.inject({
      url: `/api/inspection-plans?organisationId=${pork.id}`,
      headers: inspector,
    });
    expect(forPork.json().total).toBe(2);
    const outside = await post('/api/inspections/visits', inspector, {
      organisationId: pork.id,
      visitedOn: '2026-12-01',
      inspectorIds: [inspectorId],
      checklist: [],
      planId,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ field: '/body/planId' });
  });

  it('a draft is edited; under way it is not; states move only forward', async () => {
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/inspection-plans/${planId}`,
      headers: inspector,
      payload: {
        title: 'Kiểm tra sầu riêng Long Khánh',
        periodFrom: '2027-01-01',
        periodTo: '2027-02-28',
        targetSource: 'list',
        catalogueVersionId: versionId,
        communeCodes: ['75W001'],
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const state = (s: string) => post(`/api/inspection-plans/${planId}/state`, inspector, { state: s });
    expect((await state('closed')).statusCode).toBe(409);
    expect((await state('in_progress')).json().state).toBe('in_progress');
    const late = await t.app.inject({
      method: 'PUT',
      url: `/api/inspection-plans/${planId}`,
      headers: inspector,
      payload: edit.json(),
    });
    expect(late.statusCode).toBe(409);
    expect((await state('closed')).json().state).toBe('closed');
    expect((await state('draft')).statusCode).toBe(409);
    const audit = await t.app.inject({
      url: `/api/audit?entityType=inspection_plan&entityId=${planId}`,
      headers: t.as({ role: 'dost_admin' }),
    });
    expect((audit.json().items as { action: string }[]).map((e) => e.action).sort()).toEqual([
      'close',
      'create',
      'start',
      'update',
    ]);
  });

  it('security: organisations never see plans; officers read within their scope and write nothing', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [durian.id] });
    expect((await t.app.inject({ url: '/api/inspection-plans', headers: owner })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/inspection-plans/${planId}`, headers: owner })).statusCode).toBe(
      403,
    );
    const key = t.as({ role: 'api_client', kind: 'apiKey', organisationIds: [durian.id] });
    expect((await t.app.inject({ url: '/api/inspection-plans', headers: key })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/inspection-plans' })).statusCode).toBe(401);

    const here = t.as({ role: 'commune_officer', communes: ['75W010'] });
    const seen = await t.app.inject({ url: '/api/inspection-plans', headers: here });
    expect(seen.statusCode).toBe(200);
    // only the first plan names an organisation of 75W010, and only that target is shown
    expect(seen.json().total).toBe(1);
    expect(seen.json().items[0].targetCount).toBe(1);
    const read = await t.app.inject({
      url: `/api/inspection-plans/${seen.json().items[0].id}`,
      headers: here,
    });
    expect(read.json().targets.map((x: { organisationId: string }) => x.organisationId)).toEqual([
      otherCommune.id,
    ]);
    expect((await t.app.inject({ url: `/api/inspection-plans/${planId}`, headers: here })).statusCode).toBe(
      404,
    );
    expect((await plan({}, here)).statusCode).toBe(403);
    expect((await plan({}, t.as({ role: 'dost_reviewer' }))).statusCode).toBe(403);
    const reviewer = await t.app.inject({
      url: '/api/inspection-plans',
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(reviewer.json().total).toBe(4);
  });
});
