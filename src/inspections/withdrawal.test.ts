import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeOrganisation,
  makeStampedProduct,
  makeUser,
  type TestApp,
} from '../test/index.ts';

/**
 * The "approval withdrawn" act (issue 12 §2), follow-up visits and sanctions: a withdrawal reaches the stamps at the
 * very next request (no stale cache) and its lifting restores them; follow-ups and fines are stored and read by the
 * owner; every refusal names its field.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let inspector: Record<string, string>;
let inspectorId: string;
let owner: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Mật ong hoa cà phê');
  inspectorId = (await makeUser(t.db, 'inspector')).id;
  inspector = t.as({ role: 'inspector', id: inspectorId, name: 'Thanh tra viên' });
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
});
afterAll(() => t?.close());

const post = (url: string, headers: Record<string, string>, payload: object) =>
  t.app.inject({ method: 'POST', url, headers, payload });
const scan = (serial: number) =>
  t.app.inject({ url: `/page${f.stampPath(serial)}`, headers: { accept: 'text/html' } });
const withdraw = (headers: Record<string, string>, extra: object = {}) =>
  post('/api/inspections/actions', headers, {
    organisationId: f.producer.organisationId,
    kind: 'approval_withdrawal',
    productId: f.producer.productId,
    reason: 'Giấy chứng nhận an toàn thực phẩm hết hiệu lực',
    ...extra,
  });

describe('approval withdrawn', () => {
  it('decide → the stamp answers as withdrawn on the very next request → lift → the stamp answers as before', async () => {
    // the first scan also warms the resolver's cache of the product, as a busy stamp would
    const before = await scan(f.activeSerial);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Sản phẩm chính hãng');
    expect(before.body).toContain('Mật ong hoa cà phê');

    const act = await withdraw(inspector);
    expect(act.statusCode, act.body).toBe(201);
    expect(act.json()).toMatchObject({ kind: 'approval_withdrawal', productId: f.producer.productId });
    const withdrawn = await scan(f.activeSerial);
    expect(withdrawn.statusCode).toBe(404);
    expect(withdrawn.body).not.toContain('Mật ong hoa cà phê');
    const product = await t.app.inject({ url: `/api/products/${f.producer.productId}`, headers: owner });
    expect(product.json()).toMatchObject({
      reviewStatus: 'returned',
      reviewNote: 'Giấy chứng nhận an toàn thực phẩm hết hiệu lực',
    });

    const lifted = await post(`/api/inspections/actions/${act.json().id}/lift`, inspector, {
      reason: 'Cơ sở đã được cấp lại giấy chứng nhận',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ liftOutcome: 'republished' });
    const after = await scan(f.activeSerial);
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('Sản phẩm chính hãng');
    expect(after.body).toContain('Mật ong hoa cà phê');
    expect(
      (await t.app.inject({ url: `/api/products/${f.producer.productId}`, headers: owner })).json()
        .reviewStatus,
    ).toBe('approved');
  });

  it('both ends are in the audit chain, with the registry’s own withdrawal and re-approval', async () => {
    const act = await withdraw(inspector);
    expect(act.statusCode, act.body).toBe(201);
    await post(`/api/inspections/actions/${act.json().id}/lift`, t.as({ role: 'dost_admin' }), {
      reason: 'Đã rõ',
    });
    const admin = t.as({ role: 'dost_admin' });
    const acts = await t.app.inject({
      url: `/api/audit?entityType=inspection_action&entityId=${act.json().id}`,
      headers: admin,
    });
    expect((acts.json().items as { action: string }[]).map((e) => e.action).sort()).toEqual([
      'decide:approval_withdrawal',
      'lift:approval_withdrawal',
    ]);
    const product = await t.app.inject({
      url: `/api/audit?entityType=product&entityId=${f.producer.productId}&pageSize=50`,
      headers: admin,
    });
    const actions = (product.json().items as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('withdraw');
    expect(actions).toContain('approve');
    expect((await t.app.inject({ url: '/api/audit/verify' })).json()).toMatchObject({ valid: true });
  });

  it('a product changed by its organisation since the withdrawal goes back to the department’s review, not public', async () => {
    const act = await withdraw(inspector);
    expect(act.statusCode, act.body).toBe(201);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${f.producer.productId}`,
      headers: owner,
      payload: { name: 'Mật ong hoa cà phê (mới)' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const lifted = await post(`/api/inspections/actions/${act.json().id}/lift`, inspector, {
      reason: 'Đã rõ',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().liftOutcome).toBe('resubmitted');
    expect((await scan(f.activeSerial)).statusCode).toBe(404);
    const queue = await t.app.inject({
      url: `/api/review/items?entityType=product&entityId=${f.producer.productId}&status=pending`,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(queue.json().total).toBe(1);
  });

  it('naming no product withdraws the organisation itself, and lifting publishes it again', async () => {
    const act = await withdraw(inspector, { productId: undefined });
    expect(act.statusCode, act.body).toBe(201);
    expect(act.json().productId).toBeNull();
    const org = () =>
      t.app.inject({ url: `/api/organisations/${f.producer.organisationId}`, headers: owner });
    expect((await org()).json().reviewStatus).toBe('returned');
    const lifted = await post(`/api/inspections/actions/${act.json().id}/lift`, inspector, {
      reason: 'Đã rõ',
    });
    expect(lifted.json().liftOutcome).toBe('republished');
    expect((await org()).json().reviewStatus).toBe('approved');
  });

  it('nothing public to withdraw is a conflict; a product of another organisation is refused by name', async () => {
    expect((await withdraw(inspector)).statusCode).toBe(409);
    const other = await makeOrganisation(t.db, { name: 'Công ty Khác' });
    const res = await withdraw(inspector, { organisationId: other.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/body/productId' });
  });

  it('security: the owner may neither withdraw nor lift', async () => {
    expect((await withdraw(owner)).statusCode).toBe(403);
    const officer = t.as({ role: 'sector_officer', sector: 'agriculture' });
    expect((await withdraw(officer)).statusCode).toBe(403);
  });
});

describe('follow-up visits and sanctions', () => {
  let first: { id: string; findings: { id: string }[] };
  let findingId: string;
  const visit = (extra: object = {}) =>
    post('/api/inspections/visits', inspector, {
      organisationId: f.producer.organisationId,
      visitedOn: '2026-11-20',
      inspectorIds: [inspectorId],
      checklist: [{ item: 'labelling', result: 'fail' }],
      ...extra,
    });

  it('a follow-up visit shows the findings it follows up and records each as fixed or not', async () => {
    first = (await visit()).json();
    const finding = await post(`/api/inspections/visits/${first.id}/findings`, inspector, {
      text: 'Nhãn thiếu hạn sử dụng',
      fixBy: '2026-11-30',
    });
    findingId = finding.json().id;
    const again = await visit({ followUpOf: first.id, visitedOn: '2026-12-01' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().followsUp).toMatchObject([{ id: findingId, fixResult: null }]);
    const mark = await post(`/api/inspections/visits/${again.json().id}/follow-ups`, inspector, {
      findingId,
      result: 'fixed',
    });
    expect(mark.statusCode, mark.body).toBe(200);
    const read = await t.app.inject({ url: `/api/inspections/visits/${first.id}`, headers: owner });
    expect(read.json().findings[0]).toMatchObject({ fixResult: 'fixed', fixCheckedIn: again.json().id });
    // a finding of some other visit cannot be marked from this one
    const wrong = await post(`/api/inspections/visits/${first.id}/follow-ups`, inspector, {
      findingId,
      result: 'fixed',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: '/body/findingId' });
  });

  it('a sanction is stored with its decision and read by the owner in the visit', async () => {
    const res = await post(`/api/inspections/visits/${first.id}/sanctions`, inspector, {
      findingId,
      decisionNumber: '15/QĐ-XPHC',
      decidedOn: '2026-11-25',
      amountVnd: 7_500_000,
      legalBasis: 'Điểm a khoản 1 Điều 21 Nghị định 119/2017/NĐ-CP',
    });
    expect(res.statusCode, res.body).toBe(201);
    const read = await t.app.inject({ url: `/api/inspections/visits/${first.id}`, headers: owner });
    expect(read.json().sanctions).toMatchObject([{ decisionNumber: '15/QĐ-XPHC', amountVnd: 7_500_000 }]);
  });

  it('a bad sanction names each field, in Vietnamese, and stores nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/inspections/visits/${first.id}/sanctions`,
      headers: { ...inspector, 'accept-language': 'vi' },
      payload: { decisionNumber: '', decidedOn: '2026-11-25', amountVnd: -5, legalBasis: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['/body/amountVnd', '/body/decisionNumber']);
    expect(res.body).toContain('Số tiền phạt (đồng) phải từ 1 trở lên');
    const early = await post(`/api/inspections/visits/${first.id}/sanctions`, inspector, {
      decisionNumber: '16/QĐ-XPHC',
      decidedOn: '2026-11-01',
      amountVnd: 1000,
      legalBasis: 'x',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: '/body/decidedOn' });
    const read = await t.app.inject({ url: `/api/inspections/visits/${first.id}`, headers: owner });
    expect(read.json().sanctions).toHaveLength(1);
  });

  it('security: the owner records neither follow-ups nor sanctions; another organisation sees none', async () => {
    const res = await post(`/api/inspections/visits/${first.id}/sanctions`, owner, {
      decisionNumber: '1',
      decidedOn: '2026-11-25',
      amountVnd: 1,
      legalBasis: 'x',
    });
    expect(res.statusCode).toBe(403);
    const stranger = await makeOrganisation(t.db, { name: 'Công ty Lạ' });
    const as = t.as({ role: 'org_owner', organisationIds: [stranger.id] });
    const read = await t.app.inject({ url: `/api/inspections/visits/${first.id}`, headers: as });
    expect(read.statusCode).toBe(404);
    expect(read.body).not.toContain('15/QĐ-XPHC');
  });
});
