import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit.schema.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { noteIdentifiersFromCapture, setReviewStatus } from './registry.service.ts';
import { gln, gtin13, organisationBody } from './test-factories.ts';

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
  farm.id = await create('/api/organisations', organisationBody(101, { communeCode: '75X001' }), admin);
  shop.id = await create(
    '/api/organisations',
    organisationBody(102, { communeCode: '75W001', sector: 'industry_trade' }),
    admin,
  );
  const farmOwner = t.as({ role: 'org_owner', organisationIds: [farm.id] });
  const shopOwner = t.as({ role: 'org_staff', organisationIds: [shop.id] });
  farm.productId = await create(
    '/api/products',
    { organisationId: farm.id, gtin: gtin13('893000200010'), name: 'Sầu riêng Ri6' },
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
    { organisationId: shop.id, gtin: gtin13('893000300010'), name: 'Giỏ trái cây' },
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
      payload: { organisationId: farm.id, gtin: gtin13('893000200027'), name: 'Giả mạo' },
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
    const officer = t.as({ role: 'sector_officer', sector: 'industry-trade' });
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

  it('notes unknown products, lots and locations from a capture as drafts and leaves known ones alone', async () => {
    const knownGtin = `0${gtin13('893000200010')}`;
    const newGtin = `0${gtin13('893000200034')}`;
    const newGln = gln('893000200018');
    const created = await noteIdentifiersFromCapture(
      t.db,
      [
        `https://id.gs1.org/01/${knownGtin}/10/SR01`,
        `https://id.gs1.org/01/${knownGtin}/10/SR02/21/0001`,
        `https://id.gs1.org/01/${newGtin}/10/A%2F1`,
        `https://id.gs1.org/414/${newGln}`,
        `https://id.gs1.org/414/${gln('893000200001')}`,
        'urn:epc:id:sgtin:unrelated',
      ],
      shop.id,
    );
    expect(created).toEqual({ products: 1, lots: 2, locations: 1 });
    const farmLots = await t.app.inject({ url: '/api/lots?sort=lot', headers: farmOwner() });
    expect(farmLots.json().items.map((l: any) => [l.lot, l.reviewStatus])).toEqual([
      ['SR01', 'draft'],
      ['SR02', 'draft'],
    ]);
    const shopProducts = await t.app.inject({ url: `/api/products?q=${newGtin}`, headers: shopStaff() });
    expect(shopProducts.json().items[0]).toMatchObject({ gtin: newGtin, reviewStatus: 'draft' });
    const again = await noteIdentifiersFromCapture(
      t.db,
      [`https://id.gs1.org/01/${newGtin}/10/A%2F1`],
      shop.id,
    );
    expect(again).toEqual({ products: 0, lots: 0, locations: 0 });
  });
});
