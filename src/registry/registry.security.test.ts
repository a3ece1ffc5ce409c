import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/index.ts';
import { createTestApp, gln, gtin, organisationBody, type TestApp } from '../test/index.ts';
import { noteIdentifiersFromCapture } from './capture-identifiers.ts';
import { partyIdsOfOrganisations } from './party-ids.ts';
import { setReviewStatus } from './review-status.ts';

let t: TestApp;
let admin: Record<string, string>;
const farm = { id: '', productId: '', lotId: '', locationId: '' };
const shop = { id: '', productId: '' };

async function create(url: string, payload: object, headers: Record<string, string>) {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  farm.id = await create(
    '/api/organisations',
    organisationBody(101, { communeCode: '75X001', gs1CompanyPrefixes: ['8930002'] }),
    admin,
  );
  shop.id = await create(
    '/api/organisations',
    organisationBody(102, {
      communeCode: '75W001',
      sector: 'industry_trade',
      gs1CompanyPrefixes: ['8930003'],
    }),
    admin,
  );
  const farmOwner = t.as({ role: 'org_owner', organisationIds: [farm.id] });
  const shopOwner = t.as({ role: 'org_staff', organisationIds: [shop.id] });
  farm.productId = await create(
    '/api/products',
    { organisationId: farm.id, gtin: gtin('893000200010'), name: 'Sầu riêng Ri6' },
    farmOwner,
  );
  farm.lotId = await create('/api/lots', { productId: farm.productId, lot: 'SR01' }, farmOwner);
  farm.locationId = await create(
    '/api/locations',
    { organisationId: farm.id, name: 'Vườn sầu riêng', type: 'farm', gln: gln('893000200001') },
    farmOwner,
  );
  shop.productId = await create(
    '/api/products',
    { organisationId: shop.id, gtin: gtin('893000300010'), name: 'Giỏ trái cây' },
    shopOwner,
  );
});
afterAll(() => t?.close());

const farmOwner = () => t.as({ role: 'org_owner', organisationIds: [farm.id] });
const shopStaff = () => t.as({ role: 'org_staff', organisationIds: [shop.id] });

describe('registry access rules', () => {
  it('an anonymous caller gets 401, even with a bad body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/products', payload: { gtin: 'x' } });
    expect(res.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/lots' })).statusCode).toBe(401);
  });

  it('anyone may read the administrative units', async () => {
    const res = await t.app.inject({ url: '/api/administrative-units' });
    expect(res.statusCode).toBe(200);
    expect(res.json().province.code).toBe('75');
    expect(res.json().units.some((u: any) => u.name === 'Phường Long Khánh')).toBe(true);
  });

  it("an organisation cannot read another organisation's product", async () => {
    const res = await t.app.inject({ url: `/api/products/${farm.productId}`, headers: shopStaff() });
    expect(res.statusCode).toBe(404);
  });

  it("an organisation cannot change another organisation's location or lot", async () => {
    const loc = await t.app.inject({
      method: 'PATCH',
      url: `/api/locations/${farm.locationId}`,
      headers: shopStaff(),
      payload: { name: 'Chiếm quyền' },
    });
    expect(loc.statusCode).toBe(404);
    const lot = await t.app.inject({
      method: 'PUT',
      url: `/api/lots/${farm.lotId}/status`,
      headers: shopStaff(),
      payload: { status: 'recalled' },
    });
    expect(lot.statusCode).toBe(404);
  });

  it('an organisation cannot declare a product for another organisation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: shopStaff(),
      payload: { organisationId: farm.id, gtin: gtin('893000200027'), name: 'Giả mạo' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('/body/organisationId');
  });

  it("an organisation's lists hold only its own rows", async () => {
    const res = await t.app.inject({ url: '/api/products', headers: shopStaff() });
    expect(res.json().items.map((p: any) => p.id)).toEqual([shop.productId]);
    const orgs = await t.app.inject({ url: '/api/organisations', headers: farmOwner() });
    expect(orgs.json().items.map((o: any) => o.id)).toEqual([farm.id]);
  });

  it('an organisation cannot register a new organisation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: farmOwner(),
      payload: organisationBody(103),
    });
    expect(res.statusCode).toBe(403);
  });

  it("a sector officer sees only their sector's rows", async () => {
    const officer = t.as({ role: 'sector_officer', sector: 'industry_trade' });
    const products = await t.app.inject({ url: '/api/products', headers: officer });
    expect(products.json().items.map((p: any) => p.id)).toEqual([shop.productId]);
    const hidden = await t.app.inject({ url: `/api/lots/${farm.lotId}`, headers: officer });
    expect(hidden.statusCode).toBe(404);
  });

  it('a commune officer sees rows of their communes and registers producers only there', async () => {
    const officer = t.as({ role: 'commune_officer', communes: ['75X001'] });
    const orgs = await t.app.inject({ url: '/api/organisations', headers: officer });
    expect(orgs.json().items.map((o: any) => o.id)).toEqual([farm.id]);
    const lot = await t.app.inject({ url: `/api/lots/${farm.lotId}`, headers: officer });
    expect(lot.statusCode).toBe(200);
    const here = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: officer,
      payload: organisationBody(104, { communeCode: '75X001', type: 'household' }),
    });
    expect(here.statusCode).toBe(201);
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: officer,
      payload: organisationBody(105, { communeCode: '75W001' }),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('an inspector reads everything, cannot edit a product, but may put a lot on hold', async () => {
    const inspector = t.as({ role: 'inspector' });
    expect(
      (await t.app.inject({ url: `/api/products/${farm.productId}`, headers: inspector })).statusCode,
    ).toBe(200);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${farm.productId}`,
      headers: inspector,
      payload: { name: 'Đổi tên' },
    });
    expect(edit.statusCode).toBe(403);
    const hold = await t.app.inject({
      method: 'PUT',
      url: `/api/lots/${farm.lotId}/status`,
      headers: inspector,
      payload: { status: 'on_hold', note: 'Lấy mẫu kiểm nghiệm' },
    });
    expect(hold.json().status).toBe('on_hold');
  });
});

describe('review status and capture noting', () => {
  it('moves a row only along the workflow and records each move in the audit log', async () => {
    const actor = {
      kind: 'user' as const,
      id: 'u1',
      name: 'Reviewer',
      role: 'dost_reviewer' as const,
      organisationIds: [],
      sector: null,
      communes: [],
    };
    await expect(
      setReviewStatus(t.db, { entity: 'product', id: farm.productId, status: 'approved', actor }),
    ).rejects.toMatchObject({ status: 409 });
    await setReviewStatus(t.db, { entity: 'product', id: farm.productId, status: 'submitted', actor: null });
    const moved = await setReviewStatus(t.db, {
      entity: 'product',
      id: farm.productId,
      status: 'returned',
      note: 'Thiếu ảnh sản phẩm',
      actor,
    });
    expect(moved).toMatchObject({ from: 'submitted', to: 'returned', organisationId: farm.id });
    const product = await t.app.inject({ url: `/api/products/${farm.productId}`, headers: farmOwner() });
    expect(product.json()).toMatchObject({ reviewStatus: 'returned', reviewNote: 'Thiếu ảnh sản phẩm' });
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'product'), eq(auditLog.entityId, farm.productId)))
      .orderBy(auditLog.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'submit', 'return']);
  });

  it("capture squatting: notes drafts only for identifiers under the capturing organisation's prefixes", async () => {
    const prefixes = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${farm.id}`,
      headers: admin,
      payload: { gs1CompanyPrefixes: ['8930002'] },
    });
    expect(prefixes.statusCode, prefixes.body).toBe(200);
    const knownGtin = gtin('0893000200010');
    const newGtin = gtin('0893000200034');
    const shopGtin = gtin('0893000300010');
    const newGln = gln('893000200018');
    const created = await noteIdentifiersFromCapture(
      t.db,
      [
        `https://id.gs1.org/01/${knownGtin}/10/SR01`,
        `https://id.gs1.org/01/${knownGtin}/10/SR02/21/0001`,
        `https://id.gs1.org/01/${newGtin}/10/A%2F1`,
        `https://id.gs1.org/01/${shopGtin}/10/SQUAT`,
        `https://id.gs1.org/01/0${gtin('893999900012')}`,
        `https://id.gs1.org/414/${newGln}`,
        `https://id.gs1.org/414/${gln('893000200001')}`,
        `https://id.gs1.org/414/${gln('893000300015')}`,
        'urn:epc:id:sgtin:unrelated',
      ],
      farm.id,
    );
    expect(created).toEqual({ products: 1, lots: 2, locations: 1 });
    const farmLots = await t.app.inject({ url: '/api/lots?sort=lot', headers: farmOwner() });
    expect(farmLots.json().items.map((l: any) => [l.lot, l.reviewStatus])).toEqual([
      ['A/1', 'draft'],
      ['SR01', 'draft'],
      ['SR02', 'draft'],
    ]);
    const farmProducts = await t.app.inject({ url: `/api/products?q=${newGtin}`, headers: farmOwner() });
    expect(farmProducts.json().items[0]).toMatchObject({ gtin: newGtin, reviewStatus: 'draft' });
    const shopLots = await t.app.inject({ url: '/api/lots', headers: shopStaff() });
    expect(shopLots.json().items).toEqual([]);

    // an organisation without company prefixes squats on nothing, not even lots of another firm's product
    const squat = await noteIdentifiersFromCapture(
      t.db,
      [
        `https://id.gs1.org/01/${knownGtin}/10/SR03`,
        `https://id.gs1.org/01/0${gtin('893000200041')}`,
        `https://id.gs1.org/414/${gln('893000200025')}`,
      ],
      shop.id,
    );
    expect(squat).toEqual({ products: 0, lots: 0, locations: 0 });
    const again = await noteIdentifiersFromCapture(
      t.db,
      [`https://id.gs1.org/01/${newGtin}/10/A%2F1`],
      farm.id,
    );
    expect(again).toEqual({ products: 0, lots: 0, locations: 0 });
  });
});

async function approve(entity: 'organisation' | 'location' | 'product' | 'lot', id: string) {
  const [row] = await t.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (row?.action !== 'submit') {
    await setReviewStatus(t.db, { entity, id, status: 'submitted', actor: null });
  }
  await setReviewStatus(t.db, { entity, id, status: 'approved', actor: null });
}

describe('visibility by claimed GLNs', () => {
  it('a declared GLN counts as a party id only once the organisation is approved', async () => {
    const claimed = gln('893000400019');
    const id = await create('/api/organisations', organisationBody(106, { glns: [claimed] }), admin);
    expect(await partyIdsOfOrganisations(t.db, [id])).toEqual([`urn:txng:org:${id}`]);
    await approve('organisation', id);
    expect(await partyIdsOfOrganisations(t.db, [id])).toEqual([
      `urn:txng:org:${id}`,
      `https://id.gs1.org/417/${claimed}`,
    ]);
  });

  it("a location's GLN counts only once the location is approved", async () => {
    const before = await partyIdsOfOrganisations(t.db, [farm.id]);
    expect(before).not.toContain(`https://id.gs1.org/414/${gln('893000200001')}`);
    await approve('location', farm.locationId);
    expect(await partyIdsOfOrganisations(t.db, [farm.id])).toContain(
      `https://id.gs1.org/414/${gln('893000200001')}`,
    );
  });

  it('refuses a GLN another organisation declares or uses for a location (409 naming the field)', async () => {
    const declared = gln('893000500012');
    await create('/api/organisations', organisationBody(107, { glns: [declared] }), admin);
    const copy = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: admin,
      payload: organisationBody(108, { glns: [gln('893000500029'), declared] }),
    });
    expect(copy.statusCode).toBe(409);
    expect(copy.json().errors[0].field).toBe('/body/glns/1');
    const locationGln = await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${shop.id}`,
      headers: shopStaff(),
      payload: { glns: [gln('893000200001')] },
    });
    expect(locationGln.statusCode).toBe(409);
    expect(locationGln.json().errors[0].field).toBe('/body/glns/0');
  });
});

describe('approved data edited without review', () => {
  it("an organisation's edit of its approved rows sends them back to draft, with the audit log", async () => {
    const edits = [
      ['organisation', `/api/organisations/${farm.id}`, { streetAddress: '9 đường Mới' }],
      ['location', `/api/locations/${farm.locationId}`, { name: 'Vườn mới' }],
      ['product', `/api/products/${farm.productId}`, { name: 'Sầu riêng Ri6 loại 1' }],
      ['lot', `/api/lots/${farm.lotId}`, { quantity: 500 }],
    ] as const;
    for (const [entity, url, payload] of edits) {
      const id = url.split('/').pop()!;
      const current = await t.app.inject({ url, headers: admin });
      if (current.json().reviewStatus !== 'approved') await approve(entity, id);
      const res = await t.app.inject({ method: 'PATCH', url, headers: farmOwner(), payload });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().reviewStatus, entity).toBe('draft');
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, entity), eq(auditLog.entityId, id)))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(entry.action).toBe('update');
      expect(entry.organisationId).toBe(farm.id);
      expect(entry.before).toMatchObject({ reviewStatus: 'approved' });
      expect(entry.after).toMatchObject({ reviewStatus: 'draft' });
    }
  });

  it("the department admin's edit keeps an approved row approved", async () => {
    await approve('product', farm.productId);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${farm.productId}`,
      headers: admin,
      payload: { name: 'Sầu riêng Ri6 (Sở sửa)' },
    });
    expect(res.json().reviewStatus).toBe('approved');
  });
});

describe('lifting a recall', () => {
  const status = (headers: Record<string, string>, value: string) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/lots/${farm.lotId}/status`,
      headers,
      payload: { status: value, note: 'Kết quả kiểm nghiệm' },
    });

  it('the owner recalls a lot but only an inspector or the admin lifts the recall', async () => {
    expect((await status(farmOwner(), 'recalled')).json().status).toBe('recalled');
    const lift = await status(farmOwner(), 'active');
    expect(lift.statusCode).toBe(403);
    expect(lift.json().type).toBe('/problems/registry.lift-recall');
    expect((await status(farmOwner(), 'on_hold')).statusCode).toBe(403);
    const inspector = await status(t.as({ role: 'inspector' }), 'active');
    expect(inspector.json().status).toBe('active');
  });

  it('a destroyed lot stays destroyed for everyone but the admin', async () => {
    expect((await status(farmOwner(), 'destroyed')).json().status).toBe('destroyed');
    expect((await status(farmOwner(), 'active')).statusCode).toBe(409);
    expect((await status(t.as({ role: 'inspector' }), 'recalled')).statusCode).toBe(409);
    expect((await status(admin, 'active')).json().status).toBe('active');
  });
});
