import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, makeProducer, multipartBody, type TestApp } from '../test/index.ts';
import { presentPreCheck } from './review.presenter.ts';

/** The reviewer reads the whole record beside the checks; the owner's form learns what approval needs (issue 11 §3). */
let t: TestApp;
let producer: Awaited<ReturnType<typeof makeProducer>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let imageId: string;
let itemId: string;

const owner = () => t.as({ role: 'org_owner', organisationIds: [producer.organisationId] });
const reviewer = () => ({ ...t.as({ role: 'dost_reviewer' }), 'accept-language': 'vi' });

beforeAll(async () => {
  t = await createTestApp();
  producer = await makeProducer(t.db);
  other = await makeOrganisation(t.db, { name: 'Công ty Khác' });
  const photo = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 220, g: 180, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const body = multipartBody({}, [{ name: 'buoi.jpg', data: photo, type: 'image/jpeg' }]);
  const uploaded = await t.app.inject({
    method: 'POST',
    url: `/api/files?organisationId=${producer.organisationId}`,
    payload: body.payload,
    headers: { ...owner(), ...body.headers },
  });
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  imageId = uploaded.json().id;
  // an edit of the published product: it goes back to review while the approved copy stays public
  const edited = await t.app.inject({
    method: 'PATCH',
    url: `/api/products/${producer.productId}`,
    headers: owner(),
    payload: { images: [uploaded.json().url], brand: 'Bưởi Xanh', appliedStandards: ['TCVN 9301:2012'] },
  });
  expect(edited.statusCode, edited.body).toBe(200);
  const submitted = await t.app.inject({
    method: 'POST',
    url: '/api/review/submissions',
    headers: owner(),
    payload: { entityType: 'product', entityId: producer.productId },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  itemId = submitted.json().id;
});
afterAll(() => t?.close());

describe('the whole record beside the checks', () => {
  it('the reviewer reads the submitted product, its stored image and what changed against the public version', async () => {
    const res = await t.app.inject({ url: `/api/review/items/${itemId}`, headers: reviewer() });
    expect(res.statusCode, res.body).toBe(200);
    const { record } = res.json();
    expect(record.current).toMatchObject({
      name: producer.productName,
      brand: 'Bưởi Xanh',
      appliedStandards: ['TCVN 9301:2012'],
    });
    expect(record.current.images[0]).toContain(imageId);
    // the public still sees the approved copy, which had neither the new brand nor the image
    expect(record.published).not.toBeNull();
    expect(record.published.brand).not.toBe('Bưởi Xanh');
    expect(record.published.images).not.toContain(record.current.images[0]);
    expect(record.files).toEqual([
      expect.objectContaining({ id: imageId, kind: 'image', originalName: 'buoi.jpg' }),
    ]);
    expect(record.files[0].thumbnailUrl).toContain(`/files/${imageId}?size=thumb`);
  });

  it('a reviewer can read the files of the record under review, and another organisation cannot', async () => {
    const otherOwner = t.as({ role: 'org_owner', organisationIds: [other.id] });
    const item = await t.app.inject({ url: `/api/review/items/${itemId}`, headers: otherOwner });
    expect(item.statusCode).toBe(404);
    const description = await t.app.inject({ url: `/api/files/${imageId}`, headers: otherOwner });
    expect(description.statusCode).toBe(404);
    // a commune officer of another commune does not see the item, nor its files through it
    const elsewhere = t.as({ role: 'commune_officer', communes: ['99999'] });
    expect((await t.app.inject({ url: `/api/review/items/${itemId}`, headers: elsewhere })).statusCode).toBe(
      404,
    );
  });

  it('a record that names a file of another organisation does not lend it to its reader', async () => {
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const body = multipartBody({}, [{ name: 'khac.png', data: photo, type: 'image/png' }]);
    const theirs = await t.app.inject({
      method: 'POST',
      url: `/api/files?organisationId=${other.id}`,
      payload: body.payload,
      headers: { ...t.as({ role: 'org_owner', organisationIds: [other.id] }), ...body.headers },
    });
    expect(theirs.statusCode).toBe(201);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${producer.productId}`,
      headers: owner(),
      payload: { images: [theirs.json().url] },
    });
    // an image is an address, stored as given; the pre-check flags the file that is not the organisation's, and
    // the review describes only the record's own organisation's files
    expect(edit.statusCode).toBe(200);
    const res = await t.app.inject({ url: `/api/review/items/${itemId}`, headers: reviewer() });
    expect(res.json().record.files).toEqual([]);
    const found = res.json().preChecks.find((c: { code: string }) => c.code === 'review.check.imagesFound');
    expect(found).toMatchObject({ ok: false });
  });
});

describe('what approval needs, for the owner’s form', () => {
  it('lists per kind of record the fields each check needs, from the checks themselves', async () => {
    const res = await t.app.inject({
      url: '/api/review/approval-needs?entityType=product',
      headers: { ...owner(), 'accept-language': 'vi' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const needs = res.json().needs as { code: string; fields: string[]; rule: string; blocking: boolean }[];
    const byCode = new Map(needs.map((n) => [n.code, n]));
    expect(byCode.get('review.check.tt02.image')).toMatchObject({ fields: ['images'], blocking: true });
    expect(byCode.get('review.check.tt02.standards')).toMatchObject({
      fields: ['appliedStandards'],
      blocking: true,
    });
    expect(byCode.get('review.check.tt02.brand')).toMatchObject({ rule: 'any', blocking: false });
    expect(needs.every((n) => !/\{|\/body/.test((n as unknown as { message: string }).message))).toBe(true);

    const org = await t.app.inject({
      url: '/api/review/approval-needs?entityType=organisation',
      headers: owner(),
    });
    expect(org.json().needs.map((n: { code: string }) => n.code)).toContain('review.check.contact');
  });

  it('every need is a check the record meets in review: the same code, blocking the same way', async () => {
    const needs = (
      await t.app.inject({ url: '/api/review/approval-needs?entityType=product', headers: owner() })
    ).json().needs as { code: string; blocking: boolean }[];
    const checks = (await t.app.inject({ url: `/api/review/items/${itemId}`, headers: reviewer() })).json()
      .preChecks as { code: string; blocking: boolean }[];
    for (const need of needs)
      expect(checks.find((c) => c.code === need.code)?.blocking, need.code).toBe(need.blocking);
  });

  it('an unknown kind is named as the bad field; the list is public (the registration form marks it too)', async () => {
    const bad = await t.app.inject({
      url: '/api/review/approval-needs?entityType=spaceship',
      headers: owner(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/query/entityType');
    const anonymous = await t.app.inject({ url: '/api/review/approval-needs?entityType=organisation' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().needs.length).toBeGreaterThan(0);
  });
});

describe('numbers in findings', () => {
  it('a quantity reads with the thousands separator of the language', () => {
    const check = { code: 'stamps.check.quantity', ok: false, blocking: false, params: { quantity: 150000 } };
    expect(presentPreCheck(check, 'vi').message).toContain('150.000');
    expect(presentPreCheck(check, 'en').message).toContain('150,000');
  });
});

describe('a resubmission', () => {
  it('shows the reviewer why the thing was returned before', async () => {
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/review/items/${itemId}/decision`,
      headers: reviewer(),
      payload: { decision: 'return', reason: 'Thiếu ảnh nhãn sản phẩm' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/review/submissions',
      headers: owner(),
      payload: { entityType: 'product', entityId: producer.productId },
    });
    expect(again.statusCode, again.body).toBe(201);
    const detail = await t.app.inject({ url: `/api/review/items/${again.json().id}`, headers: reviewer() });
    expect(detail.json().decisions).toEqual([
      expect.objectContaining({ decision: 'return', reason: 'Thiếu ảnh nhãn sản phẩm' }),
    ]);
  });
});

describe('a stamp request under review', () => {
  it('reads with its product by name and its quantity as people write it', async () => {
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/stamps/requests',
      headers: owner(),
      payload: {
        organisationId: producer.organisationId,
        gtin: producer.gtin,
        quantity: 12500,
        kind: 'traceability',
      },
    });
    expect(requested.statusCode, requested.body).toBe(201);
    const detail = await t.app.inject({
      url: `/api/review/items/${requested.json().reviewItemId}`,
      headers: reviewer(),
    });
    expect(detail.json().item.title).toMatch(/^12\.500 tem truy xuất — /);
    expect(detail.json().record.current).toMatchObject({
      quantity: 12500,
      kind: 'traceability',
      productName: producer.productName,
    });
  });
});
