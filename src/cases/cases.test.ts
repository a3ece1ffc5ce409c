import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerReports } from '../db/index.ts';
import { createTestApp, makeStampedProduct, makeUser, multipartBody, type TestApp } from '../test/index.ts';

/**
 * Fraud cases (issue 12 §3): a consumer report opens a case, duplicate reports of one stamp fold into it, the case
 * moves triage → assigned → handling → closed with every step recorded, the reporter is told; who reads what.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let inspector: Record<string, string>;
let inspectorId: string;
const admin = () => t.as({ role: 'dost_admin' });

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
  inspectorId = (await makeUser(t.db, 'inspector')).id;
  inspector = t.as({ role: 'inspector', id: inspectorId, name: 'Thanh tra viên Lê Văn A' });
});
afterAll(() => t?.close());

let n = 0;
const report = async (serial: number, message: string, phone = '0987654321') => {
  const body = multipartBody({ uri: `${f.base}${f.stampPath(serial)}`, message, phone, consent: 'yes' });
  const res = await t.app.inject({
    method: 'POST',
    url: '/page/report',
    headers: { ...body.headers, accept: 'application/json', 'x-forwarded-for': `203.0.113.${++n}` },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await t.db.select().from(consumerReports).where(eq(consumerReports.id, res.json().id));
  return row;
};
const getCase = (headers: Record<string, string>, id: string) =>
  t.app.inject({ url: `/api/cases/${id}`, headers });
const move = (headers: Record<string, string>, id: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions`, headers, payload });

let caseId: string;

describe('a consumer report opens a case', () => {
  it('a new report raises a signal on its stamp range; a second report of the same stamp folds into it', async () => {
    const first = await report(f.activeSerial, 'Tem có vẻ bị in lại, màu nhạt');
    expect(first.status).toBe('in_case');
    expect(first.caseId).toBeTruthy();
    caseId = first.caseId as string;
    const second = await report(f.activeSerial, 'Mua ở chợ, tem giống hệt tem của người khác');
    expect(second.caseId).toBe(caseId);
    const res = await getCase(inspector, caseId);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      state: 'triage',
      // the product named as people know it, beside its GTIN
      subject: { type: 'stamp_range', gtin: f.producer.gtin, productName: 'Bưởi Tân Triều' },
    });
    expect(c.reports[0].productName).toBe('Bưởi Tân Triều');
    expect(c.signals).toHaveLength(1);
    expect(c.signals[0]).toMatchObject({ source: 'consumer_report', count: 2 });
    expect(c.reports).toHaveLength(2);
    // the inspector calls back: sees the phone; the reviewer does not
    expect(c.reports[0].phone).toBe('0987654321');
    expect((await getCase(t.as({ role: 'dost_reviewer' }), caseId)).json().reports[0].phone).toBe(
      '098****321',
    );
  });

  it('the report queue shows reports in a case with the case number, new ones apart', async () => {
    const res = await t.app.inject({ url: '/api/cases/reports?status=in_case', headers: admin() });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items.filter((r: { caseId: string }) => r.caseId === caseId);
    expect(items).toHaveLength(2);
    expect(items[0].caseNumber).toEqual(expect.any(Number));
    expect(items[0].productName).toBe('Bưởi Tân Triều');
    const fresh = await t.app.inject({ url: '/api/cases/reports?status=new', headers: admin() });
    expect(fresh.json().items.some((r: { caseId: string | null }) => r.caseId === caseId)).toBe(false);
  });
});

describe('the state machine', () => {
  it('refuses a move its state does not allow: 409 naming the states in Vietnamese', async () => {
    const res = await move(inspector, caseId, { action: 'start' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().title).toContain('Chờ phân loại');
  });

  it('assign → start → close, each step with who and when; the reporter is then told', async () => {
    let res = await move(inspector, caseId, {
      action: 'assign',
      assigneeId: inspectorId,
      note: 'Kiểm tra tại chợ',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'assigned', assigneeId: inspectorId });
    res = await move(inspector, caseId, { action: 'start' });
    expect(res.json().state).toBe('handling');
    // told before the outcome: refused
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/reporter-told`,
      headers: inspector,
      payload: { reportId: res.json().reports[0].id },
    });
    expect(early.statusCode).toBe(409);
    res = await move(inspector, caseId, {
      action: 'close',
      outcome: 'confirmed_fraud',
      outcomeText: 'Tem bị sao chép, đã tạm đình chỉ dải tem',
    });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json();
    expect(closed.state).toBe('closed');
    expect(closed.steps.map((s: { kind: string }) => s.kind)).toEqual(['opened', 'assign', 'start', 'close']);
    expect(closed.steps[1]).toMatchObject({
      fromState: 'triage',
      toState: 'assigned',
      actorName: 'Thanh tra viên Lê Văn A',
    });
    expect(closed.reports[0].toTell).toContain('Cần báo cho người phản ánh qua số điện thoại 0987654321');
    expect(closed.reports[0].toTell).toContain('Xác định có gian lận');
    const told = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/reporter-told`,
      headers: inspector,
      payload: { reportId: closed.reports[0].id },
    });
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json().steps.at(-1)).toMatchObject({ kind: 'reporter_told' });
    expect(told.json().reports[0].toTell).toBeNull();
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/reporter-told`,
      headers: inspector,
      payload: { reportId: closed.reports[0].id },
    });
    expect(again.statusCode).toBe(409);
    // the reports follow their case
    const [row] = await t.db
      .select()
      .from(consumerReports)
      .where(eq(consumerReports.caseId, caseId))
      .limit(1);
    expect(row.status).toBe('closed');
    // every step is in the audit chain
    const audit = await t.app.inject({
      url: `/api/audit?entityType=case&entityId=${caseId}`,
      headers: admin(),
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(JSON.stringify(audit.json())).toContain('close');
  });

  it('a new report of the stamp after the case closed is counted in that signal, not a new case', async () => {
    const later = await report(f.activeSerial, 'Lại thấy tem này ở cửa hàng khác');
    expect(later.caseId).toBe(caseId);
  });

  it('a report of another stamp range opens a case of its own', async () => {
    const other = await report(f.activeSerial + 1, 'Tem không quét được');
    // same range: folds into the open case of that range, which is closed → a new case
    expect(other.caseId).not.toBe(caseId);
  });
});

describe('scope and security', () => {
  it('the organisation the case is about never sees it, nor the list, nor the queue', async () => {
    const owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
    expect((await getCase(owner, caseId)).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/cases', headers: owner })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/cases/reports', headers: owner })).statusCode).toBe(403);
    expect((await move(owner, caseId, { action: 'start' })).statusCode).toBe(403);
  });

  it('officers read the cases of their sector or communes only, and never act', async () => {
    const inSector = t.as({ role: 'sector_officer', sector: 'agriculture' });
    const otherSector = t.as({ role: 'sector_officer', sector: 'health' });
    const inCommune = t.as({ role: 'commune_officer', communes: ['75W001'] });
    const otherCommune = t.as({ role: 'commune_officer', communes: ['75W010'] });
    expect((await getCase(inSector, caseId)).statusCode).toBe(200);
    expect((await getCase(inCommune, caseId)).statusCode).toBe(200);
    expect((await getCase(otherSector, caseId)).statusCode).toBe(404);
    expect((await getCase(otherCommune, caseId)).statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/cases', headers: otherSector });
    expect(list.json().items.some((c: { id: string }) => c.id === caseId)).toBe(false);
    expect((await move(inSector, caseId, { action: 'start' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/cases/reports', headers: inCommune })).statusCode).toBe(403);
  });

  it('anonymous is 401', async () => {
    expect((await t.app.inject({ url: '/api/cases' })).statusCode).toBe(401);
  });
});

describe('bad input', () => {
  it('an unknown outcome, a short outcome text, an unknown assignee: 400 naming the field', async () => {
    const other = (await t.app.inject({ url: '/api/cases?state=triage', headers: admin() })).json().items[0]
      .id;
    const bad = await move(inspector, other, { action: 'close', outcome: 'maybe', outcomeText: 'ok' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields.join(' ')).toContain('outcome');
    const nobody = await move(inspector, other, { action: 'assign', assigneeId: crypto.randomUUID() });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().errors[0].field).toBe('/body/assigneeId');
    expect(nobody.json().errors[0].message).toContain('thanh tra viên');
    expect((await t.app.inject({ url: '/api/cases?state=open', headers: admin() })).statusCode).toBe(400);
    expect((await getCase(admin(), crypto.randomUUID())).statusCode).toBe(404);
  });

  it('filters: by state, source and organisation', async () => {
    const res = await t.app.inject({
      url: `/api/cases?source=consumer_report&organisationId=${f.producer.organisationId}&state=closed`,
      headers: admin(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const bySector = await t.app.inject({ url: '/api/cases?sector=health', headers: admin() });
    expect(bySector.json().items.some((c: { id: string }) => c.id === caseId)).toBe(false);
  });
});
