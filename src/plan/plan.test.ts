import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/index.ts';
import { createTestApp, makeOrganisation, multipartBody, type TestApp } from '../test/index.ts';

let t: TestApp;
let admin: Record<string, string>;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin', name: 'Quản trị Sở' });
});
afterAll(() => t?.close());

const call = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers: { 'accept-language': 'vi', ...headers }, payload });

const planBody = {
  title: 'Kế hoạch truy xuất nguồn gốc giai đoạn 2026 - 2030',
  decisionNumber: '123/KH-UBND',
  decisionDate: '2026-03-02',
  signer: 'Lê Trường Sơn',
  agency: 'UBND thành phố Đồng Nai',
  startYear: 2026,
  endYear: 2030,
  isCurrent: true,
};

describe('the plan as configuration', () => {
  it('the admin enters a plan that becomes the current one, with an audit row', async () => {
    const res = await call('POST', '/api/plan/plans', admin, planBody);
    expect(res.statusCode).toBe(201);
    planId = res.json().id;
    const current = await call('GET', '/api/plan', admin);
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({
      id: planId,
      startYear: 2026,
      endYear: 2030,
      indicators: [],
      tasks: [],
    });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, planId));
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('lists the formulas in words', async () => {
    const res = await call('GET', '/api/plan/formulas', admin);
    expect(res.statusCode).toBe(200);
    const keys = res.json().items.map((f: { key: string }) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'barcode_organisations_conformant_share',
        'products_connected',
        'products_connected_growth',
        'mandatory_products_traced_share',
        'ocop_products_traceable_share',
        'organisations_joined',
        'stamps_activated',
        'stamp_scans',
      ]),
    );
    const share = res.json().items.find((f: { key: string }) => f.key === 'mandatory_products_traced_share');
    expect(share.describe).toMatch(/danh mục bắt buộc/);
  });

  it('an indicator with a formula gets targets per year; a manual one a value with its source; evaluation compares', async () => {
    const computed = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '1',
      name: 'Số cơ sở tham gia hệ thống',
      formulaKey: 'organisations_joined',
      unit: 'count',
    });
    expect(computed.statusCode).toBe(201);
    const manual = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '2',
      name: 'Số lớp tập huấn',
      unit: 'count',
    });
    expect(manual.statusCode).toBe(201);
    const cId = computed.json().id;
    const mId = manual.json().id;
    expect(
      (
        await call('PUT', `/api/plan/indicators/${cId}/targets`, admin, {
          targets: [
            { year: 2026, target: 2 },
            { year: 2027, target: 5 },
          ],
        })
      ).json().targets,
    ).toEqual([
      { year: 2026, target: 2 },
      { year: 2027, target: 5 },
    ]);
    await call('PUT', `/api/plan/indicators/${mId}/targets`, admin, { targets: [{ year: 2026, target: 2 }] });
    const entered = await call('PUT', `/api/plan/indicators/${mId}/values`, admin, {
      year: 2026,
      value: 3,
      source: 'Báo cáo số 45/BC-SKHCN ngày 30/11/2026',
    });
    expect(entered.statusCode).toBe(200);
    expect(entered.json().manualValues[0]).toMatchObject({
      year: 2026,
      value: 3,
      enteredByName: 'Quản trị Sở',
    });

    // one organisation joined (approved) in 2026
    await makeOrganisation(t.db, { name: 'HTX thử kế hoạch' });
    const res = await call(
      'GET',
      `/api/plan/plans/${planId}/evaluation?from=2026-01-01&to=2026-12-31`,
      admin,
    );
    expect(res.statusCode).toBe(200);
    const byCode = Object.fromEntries(res.json().indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode['1']).toMatchObject({ source: 'computed', value: 1, target: 2, met: false });
    expect(byCode['2']).toMatchObject({
      source: 'manual',
      value: 3,
      target: 2,
      met: true,
      manualSource: 'Báo cáo số 45/BC-SKHCN ngày 30/11/2026',
    });
    // 2027: no value entered → missing, not met nor unmet
    const next = await call('GET', `/api/plan/evaluation?from=2027-01-01&to=2027-12-31`, admin);
    const later = Object.fromEntries(next.json().indicators.map((i: { code: string }) => [i.code, i]));
    expect(later['2']).toMatchObject({ source: 'missing', value: null, target: null, met: null });
    expect(later['1']).toMatchObject({ value: 0, target: 5, met: false });
  });

  it('a share of nothing is no figure (not 0 %), and an "at most" indicator is met at or under its target', async () => {
    // no mandatory list in this database: 0 of 0 products
    const share = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '3',
      name: 'Tỷ lệ sản phẩm bắt buộc được truy xuất',
      formulaKey: 'mandatory_products_traced_share',
      unit: 'percent',
    });
    const fewer = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '4',
      name: 'Số vụ vi phạm chưa xử lý',
      unit: 'count',
      direction: 'at_most',
    });
    await call('PUT', `/api/plan/indicators/${share.json().id}/targets`, admin, {
      targets: [{ year: 2026, target: 100 }],
    });
    await call('PUT', `/api/plan/indicators/${fewer.json().id}/targets`, admin, {
      targets: [{ year: 2026, target: 5 }],
    });
    await call('PUT', `/api/plan/indicators/${fewer.json().id}/values`, admin, {
      year: 2026,
      value: 3,
      source: 'Báo cáo thanh tra năm 2026',
    });
    const e = await call('GET', '/api/plan/evaluation?from=2026-01-01&to=2026-12-31', admin);
    const byCode = Object.fromEntries(e.json().indicators.map((i: { code: string }) => [i.code, i]));
    expect(byCode['3']).toMatchObject({
      source: 'computed',
      value: null,
      numerator: 0,
      denominator: 0,
      met: null,
    });
    expect(byCode['4']).toMatchObject({ source: 'manual', value: 3, target: 5, met: true });
    for (const id of [share.json().id, fewer.json().id])
      expect((await call('DELETE', `/api/plan/indicators/${id}`, admin)).statusCode).toBe(204);
  });

  it('tasks: overdue when the deadline has passed and not done; evidence counted', async () => {
    const late = await call('POST', `/api/plan/plans/${planId}/tasks`, admin, {
      what: 'Ban hành quy chế vận hành hệ thống',
      who: 'Sở Khoa học và Công nghệ',
      deadline: '2020-12-31',
    });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ state: 'not_started', overdue: true });
    const done = await call('PUT', `/api/plan/tasks/${late.json().id}`, admin, {
      what: 'Ban hành quy chế vận hành hệ thống',
      who: 'Sở Khoa học và Công nghệ',
      deadline: '2020-12-31',
      state: 'done',
      note: 'Đã ban hành',
    });
    expect(done.json()).toMatchObject({ state: 'done', overdue: false });
    const e = await call('GET', `/api/plan/evaluation?from=2026-01-01&to=2026-12-31`, admin);
    expect(e.json().tasks).toEqual([
      expect.objectContaining({
        what: 'Ban hành quy chế vận hành hệ thống',
        state: 'done',
        overdue: false,
        evidenceCount: 0,
      }),
    ]);
  });
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const upload = (headers: Record<string, string>, name = 'bien-ban.pdf') => {
  const body = multipartBody({}, [{ name, data: pdf, type: 'application/pdf' }]);
  return t.app.inject({
    method: 'POST',
    url: '/api/plan/files',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
};

describe('evidence', () => {
  it('the admin uploads a PDF as the department’s file and names it as a task’s evidence', async () => {
    const file = await upload(admin, 'quy-che.pdf');
    expect(file.statusCode).toBe(201);
    const task = (await call('GET', '/api/plan', admin)).json().tasks[0];
    const res = await call('PUT', `/api/plan/tasks/${task.id}`, admin, {
      what: task.what,
      who: task.who,
      deadline: task.deadline,
      state: 'done',
      fileIds: [file.json().id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().evidence).toEqual([{ id: file.json().id, name: 'quy-che.pdf' }]);
    const e = await call('GET', '/api/plan/evaluation?from=2026-01-01&to=2026-12-31', admin);
    expect(e.json().tasks[0].evidenceCount).toBe(1);
  });

  it('an organisation’s file cannot be named as the plan’s evidence, and an organisation cannot upload', async () => {
    const org = await makeOrganisation(t.db, { name: 'HTX có tệp' });
    const owner = t.as({ role: 'org_owner', organisationIds: [org.id] });
    const body = multipartBody({}, [{ name: 'rieng.pdf', data: pdf, type: 'application/pdf' }]);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...owner, ...body.headers },
      payload: body.payload,
    });
    expect(own.statusCode).toBe(201);
    expect((await upload(owner)).statusCode).toBe(403);
    const task = (await call('GET', '/api/plan', admin)).json().tasks[0];
    const res = await call('PUT', `/api/plan/tasks/${task.id}`, admin, {
      what: task.what,
      who: task.who,
      fileIds: [own.json().id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/fileIds/0' });
    expect((await call('GET', '/api/plan', admin)).json().tasks[0].fileIds).toEqual(task.fileIds);
  });
});

describe('validation: 4xx problems naming the field in Vietnamese, nothing stored', () => {
  it('a formula the program does not know, and a unit unlike the formula’s', async () => {
    const unknown = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '9',
      name: 'Chỉ tiêu lạ',
      formulaKey: 'no_such_formula',
      unit: 'count',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('/body/formulaKey');
    const unit = await call('POST', `/api/plan/plans/${planId}/indicators`, admin, {
      code: '9',
      name: 'Chỉ tiêu lạ',
      formulaKey: 'organisations_joined',
      unit: 'percent',
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].field).toBe('/body/unit');
    const plan = await call('GET', '/api/plan', admin);
    expect(plan.json().indicators.map((i: { code: string }) => i.code)).toEqual(['1', '2']);
  });

  it('a target outside the plan period; a value by hand for a computed indicator; a missing source', async () => {
    const plan = (await call('GET', '/api/plan', admin)).json();
    const [computed, manual] = plan.indicators;
    const outside = await call('PUT', `/api/plan/indicators/${computed.id}/targets`, admin, {
      targets: [{ year: 2031, target: 1 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0]).toMatchObject({ field: '/body/targets/0/year' });
    expect(outside.json().errors[0].message).toMatch(/năm/);
    const byHand = await call('PUT', `/api/plan/indicators/${computed.id}/values`, admin, {
      year: 2026,
      value: 9,
      source: 'x',
    });
    expect(byHand.statusCode).toBe(400);
    expect(byHand.json().errors[0].field).toBe('/body/value');
    const noSource = await call('PUT', `/api/plan/indicators/${manual.id}/values`, admin, {
      year: 2026,
      value: 9,
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().errors[0].field).toBe('/body/source');
    expect(noSource.json().errors[0].message).toMatch(/nguồn/i);
    const after = (await call('GET', '/api/plan', admin)).json();
    expect(after.indicators[0].targets).toEqual(computed.targets);
    expect(after.indicators[1].manualValues).toEqual(manual.manualValues);
  });

  it('an end year before the start year; an end date before the start of a period', async () => {
    const res = await call('POST', '/api/plan/plans', admin, { ...planBody, startYear: 2030, endYear: 2026 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/endYear');
    const e = await call('GET', `/api/plan/evaluation?from=2026-12-31&to=2026-01-01`, admin);
    expect(e.statusCode).toBe(400);
    expect(e.json().errors[0].field).toBe('/querystring/to');
  });
});

describe('security', () => {
  it('an organisation owner can neither read nor change the plan', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [crypto.randomUUID()] });
    expect((await call('GET', '/api/plan', owner)).statusCode).toBe(403);
    expect(
      (await call('GET', `/api/plan/plans/${planId}/evaluation?from=2026-01-01&to=2026-12-31`, owner))
        .statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/plan/formulas', owner)).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/plan/plans/${planId}/tasks`, owner, { what: 'x', who: 'y' })).statusCode,
    ).toBe(403);
  });

  it('an API key (even with a staff role) gets 403', async () => {
    const key = t.as({ role: 'dost_admin', kind: 'apiKey' });
    expect((await call('GET', '/api/plan', key)).statusCode).toBe(403);
    expect((await call('POST', '/api/plan/plans', key, planBody)).statusCode).toBe(403);
  });

  it('a commune officer, a sector officer, a reviewer and an inspector read the plan but cannot change it', async () => {
    const plan = (await call('GET', '/api/plan', admin)).json();
    for (const reader of [
      t.as({ role: 'commune_officer', communes: ['75W001'] }),
      t.as({ role: 'sector_officer', sector: 'agriculture' }),
      t.as({ role: 'dost_reviewer' }),
      t.as({ role: 'inspector' }),
    ]) {
      expect((await call('GET', '/api/plan', reader)).statusCode).toBe(200);
      expect(
        (
          await call('PUT', `/api/plan/indicators/${plan.indicators[0].id}/targets`, reader, {
            targets: [{ year: 2026, target: 100 }],
          })
        ).statusCode,
      ).toBe(403);
      expect((await call('DELETE', `/api/plan/tasks/${plan.tasks[0].id}`, reader)).statusCode).toBe(403);
    }
    const after = (await call('GET', '/api/plan', admin)).json();
    expect(after.indicators[0].targets).toEqual(plan.indicators[0].targets);
    expect(after.tasks).toHaveLength(1);
    expect(after.tasks[0].state).toBe(plan.tasks[0].state);
  });

  it('an anonymous caller gets 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/plan' })).statusCode).toBe(401);
  });
});
