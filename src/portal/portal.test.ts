import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNews, setNewsPublished } from '../news/index.ts';
import { withdrawPublication } from '../registry/index.ts';
import {
  adminActor,
  createTestApp,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  multipartBody,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
const ids: Record<string, string> = {};
const gtins: Record<string, string> = {};
const personal = { phone: '0908 765 432', representative: 'Trần Thị Riêng Tư' };

beforeAll(async () => {
  t = await createTestApp();
  // a published producer with a published product, a lot, a growing area with coordinates
  gtins.shown = gtin();
  const shown = await makeOrganisation(t.db, {
    name: 'Hợp tác xã Sầu riêng Xuân Định',
    ownGtins: [gtins.shown],
    phone: personal.phone,
    representative: personal.representative,
  });
  ids.shown = shown.id;
  const product = await makeProduct(t.db, shown.id, {
    gtin: gtins.shown,
    name: 'Sầu riêng Ri6 Xuân Định',
    ocopStars: 4,
    ocopDecision: '123/QĐ-UBND',
    ocopDecisionDate: '2025-06-01',
    ocopValidUntil: '2028-05-31',
  });
  ids.product = product.id;
  const area = await makeLocation(t.db, shown.id, {
    name: 'Vùng trồng Xuân Định 1',
    latitude: 10.9,
    longitude: 107.2,
  });
  await makeLot(t.db, { productId: product.id, lot: 'XD-2026-07', locationId: area.id });
  // eleven more products of the same producer, for paging
  for (let i = 1; i <= 11; i++) {
    const g = gtin();
    const other = await makeOrganisation(t.db, { name: `Hộ kinh doanh Bưởi số ${i}`, ownGtins: [g] });
    await makeProduct(t.db, other.id, { gtin: g, name: `Bưởi da xanh loại ${String(i).padStart(2, '0')}` });
  }
  // a draft product of the published producer
  gtins.draft = gtin();
  const draftOwner = await makeOrganisation(t.db, {
    name: 'Công ty TNHH Rau sạch Nháp',
    ownGtins: [gtins.draft],
  });
  await makeProduct(t.db, draftOwner.id, { gtin: gtins.draft, name: 'Rau muống Nháp', draft: true });
  // an organisation not approved, with an approved product
  gtins.unapproved = gtin();
  const unapproved = await makeOrganisation(t.db, {
    name: 'Hợp tác xã Chưa Duyệt',
    ownGtins: [gtins.unapproved],
    draft: true,
  });
  ids.unapproved = unapproved.id;
  await makeProduct(t.db, unapproved.id, { gtin: gtins.unapproved, name: 'Mít Chưa Duyệt' });
  await makeLocation(t.db, unapproved.id, { name: 'Vùng Chưa Duyệt', latitude: 11.1, longitude: 107.0 });
  // an organisation whose publication the department withdrew
  gtins.withdrawn = gtin();
  const withdrawn = await makeOrganisation(t.db, {
    name: 'Hợp tác xã Bị Thu Hồi',
    ownGtins: [gtins.withdrawn],
  });
  ids.withdrawn = withdrawn.id;
  await makeProduct(t.db, withdrawn.id, {
    gtin: gtins.withdrawn,
    name: 'Tiêu Bị Thu Hồi',
    ocopStars: 3,
    ocopDecision: '9/QĐ',
    ocopDecisionDate: '2025-01-01',
    ocopValidUntil: '2027-12-31',
  });
  await makeLocation(t.db, withdrawn.id, { name: 'Vùng Bị Thu Hồi', latitude: 11.0, longitude: 107.1 });
  await withdrawPublication(t.db, {
    entity: 'organisation',
    id: withdrawn.id,
    reason: 'Thu hồi sau kiểm tra',
    actor: adminActor,
  });
  // news: one published with hostile body, one draft
  const hostile = await createNews(t.db, t.app.config, adminActor, {
    kind: 'news',
    title: 'Tỉnh triển khai truy xuất nguồn gốc sầu riêng',
    summary: 'Tin thử',
    body: 'Đoạn đầu.\n\n<script>alert("x")</script>\n\n[bấm vào đây](javascript:alert(1)) và [trang Sở](https://sokhcn.dongnai.gov.vn)',
    attachmentIds: [],
  });
  await setNewsPublished(t.db, t.app.config, adminActor, hostile.id, true);
  await createNews(t.db, t.app.config, adminActor, {
    kind: 'guidance',
    title: 'Bản nháp chưa đăng',
    summary: '',
    body: 'Nháp',
    attachmentIds: [],
  });
}, 180_000);
afterAll(() => t?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const hidden = [
  'Rau muống Nháp',
  'Hợp tác xã Chưa Duyệt',
  'Mít Chưa Duyệt',
  'Vùng Chưa Duyệt',
  'Hợp tác xã Bị Thu Hồi',
  'Tiêu Bị Thu Hồi',
  'Vùng Bị Thu Hồi',
];

describe('the portal shows published data only', () => {
  it('home: search, verify box, showcase with the OCOP product, map, how to join; nothing unpublished', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.body).toContain('action="/tim-kiem"');
    expect(res.body).toContain('action="/kiem-tra"');
    expect(res.body).toContain('enctype="multipart/form-data"');
    expect(res.body).toContain('Sầu riêng Ri6 Xuân Định');
    expect(res.body).toContain('OCOP 4 sao');
    expect(res.body).toContain('<svg class="map"');
    expect(res.body).toContain('Vùng trồng Xuân Định 1');
    expect(res.body).toContain('href="/app/register"');
    expect(res.body).toContain('Tỉnh triển khai truy xuất nguồn gốc sầu riêng');
    expect(res.body).not.toContain('Bản nháp chưa đăng');
    expect(res.body).not.toContain('<script');
    for (const text of hidden) expect(res.body).not.toContain(text);
  });

  it('search finds products without accents, producers and lots; never the draft, unapproved or withdrawn', async () => {
    const res = await get(`/tim-kiem?q=${encodeURIComponent('sau rieng')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sầu riêng Ri6 Xuân Định');
    expect(res.body).toContain('Hợp tác xã Sầu riêng Xuân Định');
    for (const q of [
      'Rau muống',
      'Chưa Duyệt',
      'Bị Thu Hồi',
      gtins.draft,
      gtins.unapproved,
      gtins.withdrawn,
    ]) {
      const r = await get(`/tim-kiem?q=${encodeURIComponent(q)}`);
      expect(r.statusCode).toBe(200);
      for (const text of hidden) expect(r.body).not.toContain(text);
      expect(r.body).toContain('Không tìm thấy kết quả nào');
    }
    const lot = await get('/tim-kiem?q=XD-2026');
    expect(lot.body).toContain('Lô XD-2026-07');
    expect(lot.body).toContain(`href="/page/01/${gtins.shown}/10/XD-2026-07"`);
    // a product's name finds its lots too
    const byName = await get(`/tim-kiem?q=${encodeURIComponent('Ri6 Xuân Định')}&tab=lots`);
    expect(byName.body).toContain('Lô XD-2026-07');
    const byGtin = await get(`/tim-kiem?q=${gtins.shown}`);
    expect(byGtin.body).toContain('Sầu riêng Ri6 Xuân Định');
  });

  it('search pages ten at a time, with an empty state and a prompt when nothing is asked', async () => {
    const first = await get('/tim-kiem?q=buoi+da+xanh&tab=products');
    expect(first.body).toContain('Trang 1/2');
    expect((first.body.match(/Bưởi da xanh loại/g) ?? []).length).toBe(10);
    expect(first.body).toContain('Bưởi da xanh loại 01');
    expect(first.body).not.toContain('Bưởi da xanh loại 11');
    const second = await get('/tim-kiem?q=buoi+da+xanh&tab=products&page=2');
    expect((second.body.match(/Bưởi da xanh loại/g) ?? []).length).toBe(1);
    expect(second.body).toContain('Bưởi da xanh loại 11');
    expect(second.body).toContain('Trang 2/2');
    const empty = await get('/tim-kiem?q=khongcogi');
    expect(empty.body).toContain('Không tìm thấy kết quả nào');
    const ask = await get('/tim-kiem');
    expect(ask.body).toContain('Nhập tên sản phẩm, tên cơ sở');
  });

  it('producer page: name, commune, products, places; no phone, no representative', async () => {
    const res = await get(`/nha-san-xuat/${ids.shown}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hợp tác xã Sầu riêng Xuân Định');
    expect(res.body).toContain('Sầu riêng Ri6 Xuân Định');
    expect(res.body).toContain('Vùng trồng Xuân Định 1');
    expect(res.body).not.toContain(personal.phone);
    expect(res.body).not.toContain(personal.representative);
    for (const id of [ids.unapproved, ids.withdrawn, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const r = await get(`/nha-san-xuat/${id}`);
      expect(r.statusCode).toBe(404);
      expect(r.body).toContain('Không tìm thấy trang');
      expect(r.body).toContain('Về trang chủ');
    }
  });

  it('a product page links its producer and its traceability page', async () => {
    const res = await get(`/san-pham/${ids.product}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`href="/nha-san-xuat/${ids.shown}"`);
    expect(res.body).toContain(`href="/page/01/${gtins.shown}"`);
    expect(res.body).not.toContain(personal.phone);
  });

  it('nothing personal anywhere on the portal', async () => {
    for (const url of [
      '/',
      '/tim-kiem?q=xuan+dinh',
      `/san-pham/${ids.product}`,
      `/nha-san-xuat/${ids.shown}`,
    ]) {
      const res = await get(url);
      expect(res.body).not.toContain(personal.phone);
      expect(res.body).not.toContain(personal.representative);
    }
  });
});

describe('check a code', () => {
  it('a typed GTIN-13 leads to the product page; a Digital Link with a lot to the consumer page', async () => {
    const res = await get(`/kiem-tra?ma=${gtins.shown.slice(1)}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/san-pham/${ids.product}`);
    const dl = `${t.app.config.baseUrl}/01/${gtins.shown}/10/XD-2026-07`;
    const viaDl = await get(`/kiem-tra?ma=${encodeURIComponent(dl)}`);
    expect(viaDl.statusCode).toBe(303);
    expect(viaDl.headers.location).toBe(`/page/01/${gtins.shown}/10/XD-2026-07`);
    const element = await get(`/kiem-tra?ma=${encodeURIComponent(`(01)${gtins.shown}(10)XD-2026-07`)}`);
    expect(element.headers.location).toBe(`/page/01/${gtins.shown}/10/XD-2026-07`);
  });

  it('an unknown, an unpublished, a malformed and an empty number are said in words', async () => {
    const unknown = await get(`/kiem-tra?ma=${gtin()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Mã này chưa có trong hệ thống của tỉnh');
    const unpublished = await get(`/kiem-tra?ma=${gtins.withdrawn}`);
    expect(unpublished.statusCode).toBe(404);
    const bad = await get('/kiem-tra?ma=8935049500019');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Không đọc được mã');
    const empty = await get('/kiem-tra?ma=');
    expect(empty.statusCode).toBe(400);
  });

  it('a link to another site is said to be not the province’s', async () => {
    const res = await get(
      `/kiem-tra?ma=${encodeURIComponent(`https://hang-gia.example.com/01/${gtins.shown}`)}`,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('không thuộc hệ thống truy xuất của tỉnh');
    expect(res.body).toContain('hang-gia.example.com');
  });

  it('a photo of a QR code is read on the server and leads to the same answer', async () => {
    const png = await QRCode.toBuffer(`${t.app.config.baseUrl}/01/${gtins.shown}/10/XD-2026-07`, {
      width: 300,
    });
    const form = multipartBody({}, [{ field: 'anh', name: 'qr.png', data: png, type: 'image/png' }]);
    const res = await t.app.inject({ method: 'POST', url: '/kiem-tra/anh', ...form });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/page/01/${gtins.shown}/10/XD-2026-07`);
    const foreign = await QRCode.toBuffer('https://example.org/khuyen-mai', { width: 300 });
    const f = multipartBody({}, [{ field: 'anh', name: 'qr.png', data: foreign, type: 'image/png' }]);
    const other = await t.app.inject({ method: 'POST', url: '/kiem-tra/anh', ...f });
    expect(other.statusCode).toBe(422);
    expect(other.body).toContain('không thuộc hệ thống truy xuất của tỉnh');
  });

  it('a file that is no image, or a form without a file, is a 4xx page in words', async () => {
    const form = multipartBody({}, [
      { field: 'anh', name: 'a.txt', data: Buffer.from('xin chào'), type: 'text/plain' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/kiem-tra/anh', ...form });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('không phải ảnh');
    const none = await t.app.inject({ method: 'POST', url: '/kiem-tra/anh', ...multipartBody({ x: '1' }) });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Hãy chọn ảnh mã QR');
  });
});

describe('news, English, and pages that do not exist', () => {
  it('a published article renders its body without script: raw HTML is text, javascript: is no link', async () => {
    const list = await get('/tin-tuc');
    expect(list.body).toContain('Tỉnh triển khai truy xuất nguồn gốc sầu riêng');
    const res = await get('/tin-tuc/tinh-trien-khai-truy-xuat-nguon-goc-sau-rieng');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script');
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).not.toMatch(/href="javascript:/i);
    expect(res.body).toContain(
      '<a href="https://sokhcn.dongnai.gov.vn" rel="noopener noreferrer">trang Sở</a>',
    );
    const draft = await get('/huong-dan/ban-nhap-chua-dang');
    expect(draft.statusCode).toBe(404);
  });

  it('English by ?lang=en and by Accept-Language, with a switch back', async () => {
    const res = await get('/?lang=en');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('Check the code on a product');
    expect(res.body).toContain('href="/?lang=vi"');
    const byHeader = await get(`/nha-san-xuat/${ids.shown}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.body).toContain('Certificates in force');
    expect(byHeader.headers.vary).toContain('Accept-Language');
    const vi = await get('/', { 'accept-language': 'vi' });
    expect(vi.body).toContain('<html lang="vi"');
  });

  it('a page that does not exist answers 404 in words with a way home; the style sheet is cached', async () => {
    const res = await get('/san-pham/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Trang bạn tìm không có');
    expect(res.body).toContain('href="/"');
    const unknown = await get('/trang-cu/khong-co', { accept: 'text/html,application/xhtml+xml' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('text/html');
    expect(unknown.body).toContain('Không tìm thấy trang');
    // a program asking gets the problem document, as before
    const program = await get('/trang-cu/khong-co', { accept: 'application/json' });
    expect(program.statusCode).toBe(404);
    expect(program.headers['content-type']).toContain('application/problem+json');
    expect(program.json().type).toContain('route-not-found');
    const css = await get(res.body.match(/href="(\/portal\.css\?v=[0-9a-f]+)"/)?.[1] ?? '/portal.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
  });
});
