import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOfUser, findUserById } from '../accounts/index.ts';
import { createProduct, getOrganisation, getProduct, updateOrganisation } from '../registry/index.ts';
import {
  createTestApp,
  makeOrganisation,
  makeSignedInUser,
  type Session,
  type TestApp,
} from '../test/index.ts';

describe('review workflow', () => {
  let t: TestApp;
  let orgA: string; // agriculture, phường Long Khánh
  let orgB: string; // industry and trade, xã Xuân Lộc
  const s: Record<string, Session> = {};

  beforeAll(async () => {
    t = await createTestApp({}, { realAuth: true });
    orgA = (
      await makeOrganisation(t.db, {
        draft: true,
        name: 'HTX Chôm Chôm Long Khánh',
        communeCode: '75W010',
        gs1CompanyPrefixes: ['8930000'],
      })
    ).id;
    orgB = (
      await makeOrganisation(t.db, {
        draft: true,
        name: 'Công ty Bánh Xuân Lộc',
        sector: 'industry_trade',
        communeCode: '75X001',
      })
    ).id;
    s.admin = (await makeSignedInUser(t, 'dost_admin')).session;
    s.reviewer = (await makeSignedInUser(t, 'dost_reviewer')).session;
    s.agriculture = (await makeSignedInUser(t, 'sector_officer', { sector: 'agriculture' })).session;
    s.longKhanh = (await makeSignedInUser(t, 'commune_officer', { communes: ['75W010'] })).session;
    s.inspector = (await makeSignedInUser(t, 'inspector')).session;
    s.ownerA = (await makeSignedInUser(t, 'org_owner', { organisationId: orgA })).session;
    s.staffA = (await makeSignedInUser(t, 'org_staff', { organisationId: orgA })).session;
    s.ownerB = (await makeSignedInUser(t, 'org_owner', { organisationId: orgB })).session;
  });
  afterAll(() => t.close());

  const submit = (who: Session, entityType: string, entityId: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: who.write,
      payload: { entityType, entityId },
    });
  const decide = (who: Session, id: string, decision: string, reason?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/review/items/${id}/decision`,
      headers: who.write,
      payload: reason ? { decision, reason } : { decision },
    });
  const queue = async (who: Session, query = '') => {
    const res = await t.app.inject({ url: `/api/review/items?pageSize=200${query}`, headers: who.read });
    expect(res.statusCode).toBe(200);
    return res.json().items as { id: string; entityId: string; status: string; reason: string | null }[];
  };
  const actorOf = async (session: Session) => actorOfUser((await findUserById(t.db, session.userId))!);

  let itemA: string;
  let itemB: string;

  it('an owner submits their organisation: a pending item opens and the profile becomes "submitted"', async () => {
    const res = await submit(s.staffA, 'organisation', orgA);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      entityType: 'organisation',
      entityId: orgA,
      status: 'pending',
      communeCode: '75W010',
    });
    itemA = res.json().id;
    expect((await getOrganisation(t.db, orgA))?.reviewStatus).toBe('submitted');
    itemB = (await submit(s.ownerB, 'organisation', orgB)).json().id;
  });

  it('refuses a second pending submission of the same thing (409)', async () => {
    expect((await submit(s.ownerA, 'organisation', orgA)).statusCode).toBe(409);
  });

  it('an organisation cannot submit another organisation’s profile', async () => {
    expect((await submit(s.ownerB, 'organisation', orgA)).statusCode).toBe(403);
  });

  it('names an unknown entity type, and answers 404 for an unknown id', async () => {
    const bad = await submit(s.ownerA, 'spaceship', orgA);
    expect(bad.json().errors[0]).toMatchObject({ field: '/body/entityType', code: 'review.notSubmittable' });
    expect((await submit(s.ownerA, 'product', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('a commune officer cannot see registrations outside their communes', async () => {
    const ids = (await queue(s.longKhanh)).map((i) => i.id);
    expect(ids).toContain(itemA);
    expect(ids).not.toContain(itemB);
    const detail = await t.app.inject({ url: `/api/review/items/${itemB}`, headers: s.longKhanh.read });
    expect(detail.statusCode).toBe(404);
  });

  it('an organisation sees its own submissions only; reviewers filter the queue by sector and commune', async () => {
    expect((await queue(s.ownerB)).map((i) => i.id)).toEqual([itemB]);
    const all = (await queue(s.reviewer, '&status=pending')).map((i) => i.id);
    expect(all).toEqual(expect.arrayContaining([itemA, itemB]));
    expect((await queue(s.reviewer, '&commune=75X001')).map((i) => i.id)).toEqual([itemB]);
    expect((await queue(s.reviewer, '&sector=industry_trade')).map((i) => i.id)).toEqual([itemB]);
  });

  it('shows the automatic pre-checks beside the item, in the asked language', async () => {
    const res = await t.app.inject({
      url: `/api/review/items/${itemA}`,
      headers: { ...s.longKhanh.read, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.canDecide).toBe(true);
    const codes = Object.fromEntries(
      detail.preChecks.map((c: { code: string; ok: boolean }) => [c.code, c.ok]),
    );
    expect(codes['review.check.taxCode']).toBe(true);
    expect(codes['review.check.producerAddress']).toBe(false); // the fixture gave no street address
    expect(detail.preChecks.find((c: { code: string }) => c.code === 'review.check.taxCode').message).toBe(
      'Valid tax code (check digit)',
    );
  });

  it('an organisation owner cannot approve their own organisation', async () => {
    expect((await decide(s.ownerA, itemA, 'approve')).statusCode).toBe(403);
  });

  it('a sector officer does not decide organisation registrations; an inspector decides nothing', async () => {
    expect((await decide(s.agriculture, itemA, 'return', 'Thiếu địa chỉ')).statusCode).toBe(403);
    expect((await decide(s.inspector, itemA, 'return', 'Thiếu địa chỉ')).statusCode).toBe(403);
  });

  it('refuses approval while a blocking pre-check fails, and a return without a reason', async () => {
    const approve = await decide(s.longKhanh, itemA, 'approve');
    expect(approve.statusCode).toBe(409);
    expect(approve.json().type).toBe('/problems/review.pre-checks-failed');
    const noReason = await decide(s.longKhanh, itemA, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: '/body/reason', code: 'review.reasonRequired' });
  });

  it('returns with a reason the producer reads; the producer fixes and resubmits; the officer approves', async () => {
    const returned = await decide(s.longKhanh, itemA, 'return', 'Bổ sung số nhà, tên đường');
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().item).toMatchObject({ status: 'returned', reason: 'Bổ sung số nhà, tên đường' });
    expect(await getOrganisation(t.db, orgA)).toMatchObject({
      reviewStatus: 'returned',
      reviewNote: 'Bổ sung số nhà, tên đường',
    });
    const mine = await queue(s.ownerA, `&entityId=${orgA}`);
    expect(mine[0]).toMatchObject({ status: 'returned', reason: 'Bổ sung số nhà, tên đường' });
    expect((await decide(s.longKhanh, itemA, 'reject', 'muộn')).statusCode).toBe(409); // already decided

    await updateOrganisation(t.db, orgA, { streetAddress: '12 Hồ Thị Hương' }, await actorOf(s.ownerA));
    const again = await submit(s.ownerA, 'organisation', orgA);
    expect(again.statusCode).toBe(201);
    const approved = await decide(s.longKhanh, again.json().id, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await getOrganisation(t.db, orgA))?.reviewStatus).toBe('approved');

    const history = await queue(s.ownerA, `&entityId=${orgA}`);
    expect(history.map((i) => i.status)).toEqual(['approved', 'returned']);
    const detail = await t.app.inject({
      url: `/api/review/items/${again.json().id}`,
      headers: s.ownerA.read,
    });
    // the thing's whole history: the return before this submission, then its approval
    expect(detail.json().decisions).toEqual([
      expect.objectContaining({ decision: 'return', reason: 'Bổ sung số nhà, tên đường' }),
      expect.objectContaining({ decision: 'approve', reason: null, actorRole: 'commune_officer' }),
    ]);
    expect(detail.json().canDecide).toBe(false);
  });

  it('a sector officer decides products of their sector only', async () => {
    const product = await createProduct(
      t.db,
      {
        organisationId: orgA,
        gtin: '08930000000019',
        name: 'Chôm chôm nhãn Long Khánh',
        images: ['https://example.vn/chom-chom.jpg'],
        appliedStandards: ['VietGAP'],
        sector: 'agriculture',
      },
      await actorOf(s.ownerA),
    );
    const item = (await submit(s.ownerA, 'product', product.id)).json();
    expect(item.sector).toBe('agriculture');
    const other = await makeSignedInUser(t, 'sector_officer', { sector: 'health' });
    expect((await decide(other.session, item.id, 'approve')).statusCode).toBe(404); // not even visible
    const detail = await t.app.inject({ url: `/api/review/items/${item.id}`, headers: s.agriculture.read });
    const failing = detail
      .json()
      .preChecks.filter((c: { ok: boolean; blocking: boolean }) => !c.ok && c.blocking);
    expect(failing).toEqual([]);
    const ok = await decide(s.agriculture, item.id, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await getProduct(t.db, product.id))?.reviewStatus).toBe('approved');
  });

  it('a department reviewer rejects with a reason', async () => {
    const rejected = await decide(s.reviewer, itemB, 'reject', 'Hồ sơ không đúng cơ sở thực tế');
    expect(rejected.json().item.status).toBe('rejected');
    expect((await getOrganisation(t.db, orgB))?.reviewStatus).toBe('rejected');
  });

  it('two reviewers deciding the same item at once: one decision lands, the other meets 409', async () => {
    const org = (await makeOrganisation(t.db, { draft: true, communeCode: '75W010' })).id;
    const owner = (await makeSignedInUser(t, 'org_owner', { organisationId: org })).session;
    const item = (await submit(owner, 'organisation', org)).json().id;
    const [a, b] = await Promise.all([
      decide(s.reviewer, item, 'return', 'Thiếu địa chỉ'),
      decide(s.admin, item, 'reject', 'Trùng hồ sơ'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const detail = await t.app.inject({ url: `/api/review/items/${item}`, headers: s.reviewer.read });
    expect(detail.json().decisions).toHaveLength(1);
  });

  it('writes every submission and decision to the audit log that the department can search', async () => {
    const res = await t.app.inject({
      url: `/api/audit?entityType=organisation&entityId=${orgA}`,
      headers: s.reviewer.read,
    });
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['submit', 'return', 'approve', 'update', 'create']));
    expect(res.json().items[0].action).toBe('approve'); // newest first
    // an owner reads the entries of their own organisation only (decision 013), a staff member none
    const own = await t.app.inject({ url: '/api/audit?pageSize=200', headers: s.ownerB.read });
    expect(own.statusCode).toBe(200);
    const subjects = new Set(own.json().items.map((e: { entityId: string }) => e.entityId));
    expect(subjects.has(orgB)).toBe(true);
    expect(subjects.has(orgA)).toBe(false);
    expect((await t.app.inject({ url: '/api/audit', headers: s.staffA.read })).statusCode).toBe(403);
  });
});
