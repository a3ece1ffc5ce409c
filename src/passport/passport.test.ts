import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearResolverCache } from '../resolver/index.ts';
import {
  createTestApp,
  gtin,
  makeOrganisation,
  makeProduct,
  makeStampedProduct,
  type TestApp,
} from '../test/index.ts';

/**
 * Issue 16 §1: the digital product passport and the e-label (decision 058). Goods groups are the department's
 * data; a product's label is its organisation's; the review refuses an incomplete label; each approval keeps a
 * passport version; the resolver's linkset leads to both pages.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let owner: Record<string, string>;
let reviewer: Record<string, string>;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Mứt chôm chôm Long Khánh');
  owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
  reviewer = t.as({ role: 'dost_reviewer' });
  admin = t.as({ role: 'dost_admin' });
});
afterAll(() => t?.close());

const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: object, payload?: unknown) =>
  t.app.inject({ method, url, headers: headers as Record<string, string>, payload: payload as object });
const labelUrl = () => `/api/products/${f.producer.productId}/label`;
const html = { accept: 'text/html' };

const fullLabel = {
  goodsGroup: 'thuc-pham-bao-goi',
  values: {
    origin: 'Việt Nam (Long Khánh, Đồng Nai)',
    ingredients: 'Chôm chôm 70 %, đường 30 %',
    warnings: 'Không dùng cho người dị ứng với chôm chôm',
    usage: 'Dùng ngay sau khi mở',
    storage: 'Nơi khô ráo, tránh ánh nắng',
  },
};

describe('goods groups', () => {
  it('come seeded from the migration, with the items their labels must carry and where each is read', async () => {
    const res = await send('GET', '/api/goods-groups', owner);
    expect(res.statusCode).toBe(200);
    const food = res.json().items.find((g: { code: string }) => g.code === 'thuc-pham-bao-goi');
    expect(food.nameVi).toBe('Thực phẩm bao gói sẵn');
    expect(food.items.map((i: { key: string }) => i.key)).toContain('warnings');
    expect(food.items.find((i: { key: string }) => i.key === 'responsibleParty').source).toBe('producer');
    expect(food.items.find((i: { key: string }) => i.key === 'ingredients').source).toBe('label');
    expect(res.json().items.map((g: { code: string }) => g.code)).toEqual(
      expect.arrayContaining(['my-pham', 'nong-san-tuoi', 'thuc-pham-che-bien', 'thuc-pham-bao-ve-suc-khoe']),
    );
  });

  it('the department’s admin adds and edits one; bad input names its field; nobody else may', async () => {
    const group = {
      code: 'nuoc-mam',
      nameVi: 'Nước mắm',
      nameEn: 'Fish sauce',
      items: [
        { key: 'productName', vi: 'Tên hàng hoá', en: 'Name of the goods' },
        { key: 'proteinContent', vi: 'Độ đạm', en: 'Protein content' },
      ],
    };
    const created = await send('POST', '/api/goods-groups', admin, group);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().items[1]).toMatchObject({ key: 'proteinContent', source: 'label' });
    expect((await send('POST', '/api/goods-groups', admin, group)).statusCode).toBe(409);
    for (const role of ['org_owner', 'dost_reviewer', 'sector_officer'] as const)
      expect((await send('POST', '/api/goods-groups', t.as({ role }), group)).statusCode).toBe(403);
    const badCode = await send('POST', '/api/goods-groups', admin, { ...group, code: 'Nước Mắm' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors[0]).toMatchObject({ field: '/body/code' });
    expect(badCode.json().errors[0].message).toContain('Mã nhóm hàng');
    const twice = await send('PATCH', '/api/goods-groups/nuoc-mam', admin, {
      items: [group.items[0], group.items[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ field: '/body/items/1/key' });
    expect(twice.json().errors[0].message).toContain('Mã mục nhãn');
    const renamed = await send('PATCH', '/api/goods-groups/nuoc-mam', admin, {
      nameVi: 'Nước mắm truyền thống',
    });
    expect(renamed.json().nameVi).toBe('Nước mắm truyền thống');
    expect((await send('PATCH', '/api/goods-groups/khong-co', admin, { nameVi: 'Không' })).statusCode).toBe(
      404,
    );
  });
});

describe('a product’s e-label', () => {
  it('bad input is a 400 naming the field in words, and nothing is stored', async () => {
    const unknownGroup = await send('PUT', labelUrl(), owner, { goodsGroup: 'khong-co', values: {} });
    expect(unknownGroup.statusCode).toBe(400);
    expect(unknownGroup.json().errors[0]).toMatchObject({ field: '/body/goodsGroup' });
    expect(unknownGroup.json().errors[0].message).toContain('nhóm hàng');
    const notText = await send('PUT', labelUrl(), owner, {
      goodsGroup: 'thuc-pham-bao-goi',
      values: { productName: 'Tên khác', ingredients: 'x' },
    });
    expect(notText.statusCode).toBe(400);
    expect(notText.json().errors).toEqual([expect.objectContaining({ field: '/body/values/productName' })]);
    const tooLong = await send('PUT', labelUrl(), owner, {
      goodsGroup: 'thuc-pham-bao-goi',
      values: { warnings: 'x'.repeat(3001) },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('/body/values/warnings');
    expect(tooLong.json().errors[0].message).toContain('cảnh báo');
    const label = await send('GET', labelUrl(), owner);
    expect(label.json()).toMatchObject({ goodsGroup: null, values: {} });
  });

  it('another organisation can neither read nor write it; the department reads, only its admin writes', async () => {
    const other = await makeOrganisation(t.db, { name: 'Cơ sở khác', ownGtins: [gtin()] });
    const stranger = t.as({ role: 'org_owner', organisationIds: [other.id] });
    expect((await send('GET', labelUrl(), stranger)).statusCode).toBe(404);
    expect((await send('PUT', labelUrl(), stranger, fullLabel)).statusCode).toBe(404);
    expect(
      (await send('GET', `/api/products/${f.producer.productId}/passport-versions`, stranger)).statusCode,
    ).toBe(404);
    expect((await send('GET', labelUrl(), reviewer)).statusCode).toBe(200);
    expect((await send('PUT', labelUrl(), reviewer, fullLabel)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: labelUrl() })).statusCode).toBe(401);
    expect((await send('GET', labelUrl(), owner)).json().goodsGroup).toBeNull();
  });

  it('an incomplete label stops approval, the reviewer reads what is missing; complete, approval keeps a new version', async () => {
    const partial = await send('PUT', labelUrl(), owner, {
      goodsGroup: 'thuc-pham-bao-goi',
      values: { origin: fullLabel.values.origin, warnings: fullLabel.values.warnings },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().missing).toEqual([
      'Thành phần hoặc thành phần định lượng',
      'Hướng dẫn sử dụng',
      'Hướng dẫn bảo quản',
      'Số tự công bố / số tiếp nhận hồ sơ công bố',
    ]);
    const submitted = await send('POST', '/api/review/submissions', owner, {
      entityType: 'product',
      entityId: f.producer.productId,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const itemId = submitted.json().id;
    const detail = await send('GET', `/api/review/items/${itemId}`, reviewer);
    const check = detail
      .json()
      .preChecks.find((c: { code: string }) => c.code === 'passport.check.labelMissing');
    expect(check).toMatchObject({ ok: false, blocking: true });
    expect(check.message).toBe(
      'Nhãn điện tử còn thiếu: Thành phần hoặc thành phần định lượng; Hướng dẫn sử dụng; Hướng dẫn bảo quản; Số tự công bố / số tiếp nhận hồ sơ công bố',
    );
    const english = await send('GET', `/api/review/items/${itemId}`, {
      ...reviewer,
      'accept-language': 'en',
    });
    expect(
      english.json().preChecks.find((c: { code: string }) => c.code === 'passport.check.labelMissing')
        .message,
    ).toContain('The e-label lacks: Ingredients');
    const refused = await send('POST', `/api/review/items/${itemId}/decision`, reviewer, {
      decision: 'approve',
    });
    expect(refused.statusCode).toBe(409);
    await send('POST', `/api/review/items/${itemId}/decision`, reviewer, {
      decision: 'return',
      reason: 'Nhãn thiếu thành phần',
    });

    // the declaration is a product field: the label reads it from there
    const patched = await send('PATCH', `/api/products/${f.producer.productId}`, owner, {
      conformityDeclaration: '01/MCC/2026',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const complete = await send('PUT', labelUrl(), owner, fullLabel);
    expect(complete.json().missing).toEqual([]);
    const again = await send('POST', '/api/review/submissions', owner, {
      entityType: 'product',
      entityId: f.producer.productId,
    });
    expect(again.statusCode, again.body).toBe(201);
    const approved = await send('POST', `/api/review/items/${again.json().id}/decision`, reviewer, {
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const versions = await send('GET', `/api/products/${f.producer.productId}/passport-versions`, owner);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });
});

describe('the public passport and e-label', () => {
  it('the linkset of a published product carries gs1:dpp and gs1:epil', async () => {
    clearResolverCache();
    const set = (await t.app.inject({ url: `${f.stampPath(f.activeSerial)}?linkType=linkset` })).json();
    const product = set.linkset.at(-1);
    const lot = set.linkset[1];
    const base = t.app.config.baseUrl;
    const hrefs = (entry: Record<string, { href: string; type?: string }[]>, type: string) =>
      entry[`https://gs1.org/voc/${type}`].map((l) => `${l.type} ${l.href}`);
    expect(hrefs(product, 'dpp')).toEqual([
      `text/html ${base}/dpp/01/${f.producer.gtin}`,
      `text/html ${base}/dpp/01/${f.producer.gtin}?lang=vi`,
      `text/html ${base}/dpp/01/${f.producer.gtin}?lang=en`,
      `application/ld+json ${base}/dpp/01/${f.producer.gtin}`,
    ]);
    expect(hrefs(product, 'epil')).toContain(`text/html ${base}/epil/01/${f.producer.gtin}`);
    expect(hrefs(lot, 'dpp')[0]).toBe(`text/html ${base}/dpp/01/${f.producer.gtin}/10/L2026-03`);
    const toPassport = await t.app.inject({
      url: `${f.stampPath(f.activeSerial)}?linkType=gs1:dpp`,
      headers: html,
    });
    expect(toPassport.statusCode).toBe(307);
    expect(toPassport.headers.location).toContain(`/dpp/01/${f.producer.gtin}/10/L2026-03`);
  });

  it('the passport page: Art. 32 items from the approved version, in Vietnamese and English, with its history', async () => {
    clearResolverCache();
    const vi = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}/10/L2026-03`, headers: html });
    expect(vi.statusCode).toBe(200);
    expect(vi.headers['content-type']).toContain('text/html');
    for (const text of [
      'Hộ chiếu số của sản phẩm',
      'Mứt chôm chôm Long Khánh',
      f.producer.gtin,
      'Hợp tác xã Bưởi Tân Triều',
      'Việt Nam (Long Khánh, Đồng Nai)',
      'Không dùng cho người dị ứng với chôm chôm',
      'VietGAP',
      '01/MCC/2026',
      'L2026-03',
      'Phiên bản 2',
      'Lịch sử phiên bản',
      `?version=1`,
    ])
      expect(vi.body, text).toContain(text);
    expect(vi.body).not.toContain('<script');
    const en = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}?lang=en`, headers: html });
    expect(en.body).toContain('Digital product passport');
    expect(en.body).toContain('Safety warnings');
    expect(en.headers['content-language']).toBe('en');
    const old = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}?version=1`, headers: html });
    expect(old.body).toContain('Phiên bản 1');
    expect(old.body).toContain('phiên bản cũ');
    expect(old.body).not.toContain('Không dùng cho người dị ứng');
  });

  it('the same address answers JSON-LD in GS1 terms to a program; a bad version is a problem document', async () => {
    const res = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}/10/L2026-03` });
    expect(res.headers['content-type']).toContain('application/ld+json');
    const doc = res.json();
    expect(doc).toMatchObject({
      '@type': 'gs1:Product',
      gtin: f.producer.gtin,
      'schema:version': 2,
      consumerSafetyInformation: [{ '@value': fullLabel.values.warnings, '@language': 'vi' }],
      ingredientStatement: [{ '@value': fullLabel.values.ingredients, '@language': 'vi' }],
      lot: { batchNumber: 'L2026-03' },
      manufacturer: { organizationName: 'Hợp tác xã Bưởi Tân Triều' },
    });
    expect(doc['schema:archivedAt']).toEqual([
      `${t.app.config.baseUrl}/dpp/01/${f.producer.gtin}/10/L2026-03?version=1`,
    ]);
    expect(doc.traceability).toContain('#journey');
    const forced = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}?format=jsonld`, headers: html });
    expect(forced.headers['content-type']).toContain('application/ld+json');
    const bad = await t.app.inject({ url: `/dpp/01/${f.producer.gtin}?version=abc` });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors[0]).toMatchObject({ field: '/query/version' });
    expect((await t.app.inject({ url: `/dpp/01/${f.producer.gtin}?version=9` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/dpp/01/${gtin()}` })).statusCode).toBe(404);
  });

  it('the e-label prints the label’s text, item by item, the same values as the passport', async () => {
    const page = await t.app.inject({ url: `/epil/01/${f.producer.gtin}/10/L2026-03`, headers: html });
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Nhãn điện tử',
      'Thực phẩm bao gói sẵn',
      'Tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm về hàng hoá',
      'Hợp tác xã Bưởi Tân Triều — Ấp Tân Triều',
      fullLabel.values.ingredients,
      fullLabel.values.warnings,
      '1.5 kg',
      '@media print',
    ])
      expect(page.body, text).toContain(text);
    const data = await t.app.inject({ url: `/epil/01/${f.producer.gtin}` });
    const items = data.json().items as { key: string; value: string }[];
    expect(items.find((i) => i.key === 'warnings')?.value).toBe(fullLabel.values.warnings);
    expect(items.find((i) => i.key === 'productionDate')?.value).toBe('Ghi trên bao bì theo từng lô');
    const passport = (await t.app.inject({ url: `/dpp/01/${f.producer.gtin}` })).json();
    expect(passport.consumerSafetyInformation[0]['@value']).toBe(
      items.find((i) => i.key === 'warnings')?.value,
    );
  });

  it('a product approved with no label still has a passport and an e-label that says so; the review warns', async () => {
    const own = gtin();
    const other = await makeOrganisation(t.db, { name: 'Cơ sở mật ong', ownGtins: [own] });
    const product = await makeProduct(t.db, other.id, { gtin: own, name: 'Mật ong hoa cà phê' });
    const passport = await t.app.inject({ url: `/dpp/01/${own}?lang=vi`, headers: html });
    expect(passport.statusCode).toBe(200);
    expect(passport.body).toContain('Phiên bản 1');
    expect(passport.body).toContain('Không có cảnh báo riêng');
    const label = await t.app.inject({ url: `/epil/01/${own}`, headers: html });
    expect(label.body).toContain('Sản phẩm chưa khai báo nhãn điện tử.');
    const checks = await send(
      'GET',
      `/api/review/pre-checks?entityType=product&entityId=${product.id}`,
      t.as({ role: 'org_owner', organisationIds: [other.id] }),
    );
    expect(checks.statusCode, checks.body).toBe(200);
    expect(checks.json().preChecks).toContainEqual(
      expect.objectContaining({ code: 'passport.check.labelGroup', ok: false, blocking: false }),
    );
  });
});
