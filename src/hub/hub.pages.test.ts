import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, type TestApp } from '../test/index.ts';
import { addNode, deliver, item, withdrawal } from './hub.test-items.ts';

let t: TestApp;
let dongNai: { id: string; key: string };
let hcm: { id: string; key: string };
const admin = () => t.as({ role: 'dost_admin' });
const html = { accept: 'text/html' };

beforeAll(async () => {
  t = await createTestApp({ mode: 'hub' });
  dongNai = await addNode(t, '75', 'Tỉnh Đồng Nai', 'https://txng.dongnai.example.vn');
  hcm = await addNode(t, '79', 'Thành phố Hồ Chí Minh', 'https://txng.hcm.example.vn');
  // both provinces number their organisation the same: ids are a province's own
  await deliver(t, dongNai.key, [
    item('organisation', 'org-1', { name: 'HTX Sầu riêng Long Khánh', taxCode: '3600123456' }),
    item('product', 'p-1', { gtin: gtin(), name: 'Sầu riêng Ri6 Long Khánh' }, { organisationId: 'org-1' }),
    item(
      'lot',
      'l-1',
      { gtin: gtin(), lot: 'SR2611', productName: 'Sầu riêng Ri6' },
      { organisationId: 'org-1' },
    ),
    ...Array.from({ length: 23 }, (_, i) =>
      item('product', `p-many-${i}`, { gtin: gtin(), name: `Hạt điều rang muối loại ${i + 1}` }),
    ),
  ]);
  await deliver(t, hcm.key, [
    item('organisation', 'org-1', { name: 'Công ty Trái cây Sài Gòn', taxCode: '0309876543' }),
    item('product', 'p-1', { gtin: gtin(), name: 'Sầu riêng Monthong sấy' }, { organisationId: 'org-1' }),
  ]);
  const gone = item('product', 'p-2', { gtin: gtin(), name: 'Sầu riêng đông lạnh' });
  await deliver(t, hcm.key, [gone]);
  await deliver(t, hcm.key, [withdrawal(gone)]);
});
afterAll(() => t?.close());

describe('national search', () => {
  it('finds products, producers and lots of every province without Vietnamese marks, withdrawn ones left out', async () => {
    const res = await t.app.inject({ url: '/api/hub/search?q=sau%20rieng' });
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(4);
    const names = items.map((i: { name: string }) => i.name).sort();
    expect(names).toEqual([
      'HTX Sầu riêng Long Khánh',
      'Sầu riêng Monthong sấy',
      'Sầu riêng Ri6',
      'Sầu riêng Ri6 Long Khánh',
    ]);
    expect(names).not.toContain('Sầu riêng đông lạnh');
    const monthong = items.find((i: { name: string }) => i.name === 'Sầu riêng Monthong sấy');
    // each product is named with its own province's producer, though both provinces call theirs org-1
    expect(monthong).toMatchObject({ province: { code: '79' }, producer: 'Công ty Trái cây Sài Gòn' });
    expect(monthong.href).toMatch(/^\/01\/\d{14}$/);
    const lot = items.find((i: { kind: string }) => i.kind === 'lot');
    expect(lot).toMatchObject({ lot: 'SR2611', producer: 'HTX Sầu riêng Long Khánh' });
    expect(lot.href).toMatch(/^\/01\/\d{14}\/10\/SR2611$/);
  });

  it('filters by kind and by tax code, and pages', async () => {
    const producers = (await t.app.inject({ url: '/api/hub/search?kind=organisation' })).json();
    expect(producers.items.map((i: { taxCode: string }) => i.taxCode).sort()).toEqual([
      '0309876543',
      '3600123456',
    ]);
    expect((await t.app.inject({ url: '/api/hub/search?q=0309876543' })).json().total).toBe(1);
    const page2 = (await t.app.inject({ url: '/api/hub/search?q=hat%20dieu&pageSize=10&page=3' })).json();
    expect(page2).toMatchObject({ total: 23, page: 3, pageSize: 10 });
    expect(page2.items).toHaveLength(3);
    expect((await t.app.inject({ url: '/api/hub/search?pageSize=500' })).statusCode).toBe(400);
  });

  it('serves the search page without script, Vietnamese first, with pages and an empty state', async () => {
    const res = await t.app.inject({ url: '/?q=hat+dieu', headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="vi"');
    expect(res.body).toContain('23 kết quả · trang 1/2');
    expect(res.body).toContain('href="/?q=hat+dieu&#38;page=2"');
    expect(res.body).not.toContain('<script');
    const empty = await t.app.inject({ url: '/?q=khong+co+gi+ca', headers: html });
    expect(empty.body).toContain('Không tìm thấy kết quả cho “khong co gi ca”');
    const english = await t.app.inject({ url: '/?q=sau+rieng&lang=en', headers: html });
    expect(english.body).toContain('4 results');
    // a hand-edited page number gets the first page, not an error
    expect((await t.app.inject({ url: '/?page=abc', headers: html })).statusCode).toBe(200);
    const css = await t.app.inject({ url: '/hub.css' });
    expect(css.headers['content-type']).toContain('text/css');
  });
});

describe('public pages under load', () => {
  it('limits each address, as the province’s resolver does (TXNG_RESOLVER_RATE_LIMIT a minute)', async () => {
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const limit = t.config.resolverRateLimit;
    for (let i = 0; i < limit; i++)
      expect((await t.app.inject({ url: '/hub.css', headers: from })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/hub.css', headers: from })).statusCode).toBe(429);
    expect(
      (await t.app.inject({ url: '/hub.css', headers: { 'x-forwarded-for': '203.0.113.78' } })).statusCode,
    ).toBe(200);
  });
});

describe('hub dashboard and nodes', () => {
  it('shows each province with what it sent by kind, deliveries, withdrawals and refusals', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/hub/deliveries',
      headers: { authorization: `Bearer ${hcm.key}` },
      payload: { items: [item('product', 'p-bad', { gtin: '08936016000204', name: 'Sai mã' })] },
    });
    const res = await t.app.inject({ url: '/api/hub/dashboard', headers: admin() });
    expect(res.statusCode).toBe(200);
    const [dn, hc] = res.json().nodes;
    expect(dn).toMatchObject({
      provinceCode: '75',
      counts: { organisation: 1, product: 24, lot: 1 },
      rejected: 0,
    });
    expect(hc).toMatchObject({
      provinceCode: '79',
      counts: { organisation: 1, product: 1 },
      withdrawn: 1,
      rejected: 1,
    });
    expect(hc.deliveries).toBe(4);
    expect(hc.lastRejections[0].vi).toContain('GTIN');
    expect(hc.silentSeconds).toBeGreaterThanOrEqual(0);
  });

  it('serves the dashboard page to the hub administrator only', async () => {
    const anonymous = await t.app.inject({ url: '/bang-dieu-khien', headers: html });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.body).toContain('Cần đăng nhập');
    const officer = await t.app.inject({
      url: '/bang-dieu-khien',
      headers: { ...html, ...t.as({ role: 'dost_reviewer' }) },
    });
    expect(officer.statusCode).toBe(403);
    const res = await t.app.inject({ url: '/bang-dieu-khien', headers: { ...html, ...admin() } });
    expect(res.statusCode).toBe(200);
    for (const shown of ['Tỉnh Đồng Nai', 'Thành phố Hồ Chí Minh', 'Sản phẩm', 'Mã GTIN', 'Lần gửi gần nhất'])
      expect(res.body).toContain(shown);
    expect(res.body).not.toMatch(/<script|\d{4}-\d\d-\d\dT/);
  });

  it('lets only the hub administrator register and disable a node; a disabled node’s key is refused', async () => {
    const asOfficer = await t.app.inject({
      method: 'POST',
      url: '/api/hub/nodes',
      headers: t.as({ role: 'dost_reviewer' }),
      payload: { name: 'Tỉnh Bình Dương', provinceCode: '74', baseUrl: 'https://txng.bd.example.vn' },
    });
    expect(asOfficer.statusCode).toBe(403);
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/hub/nodes',
      headers: admin(),
      payload: { name: 'Đồng Nai lần hai', provinceCode: '75', baseUrl: 'https://x.example.vn' },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0].field).toBe('/body/provinceCode');
    const node = await addNode(t, '74', 'Tỉnh Bình Dương', 'https://txng.bd.example.vn/');
    expect(node.baseUrl).toBe('https://txng.bd.example.vn');
    await deliver(t, node.key, [item('product', 'p-bd', { gtin: gtin(), name: 'Bưởi' })]);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/hub/nodes/${node.id}/revoke`,
      headers: admin(),
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/hub/deliveries',
      headers: { authorization: `Bearer ${node.key}` },
      payload: { items: [] },
    });
    expect(refused.statusCode).toBe(401);
    // what it sent stays searchable: withdrawing is the province's decision
    expect((await t.app.inject({ url: '/api/hub/search?q=buoi' })).json().total).toBe(1);
    const list = (await t.app.inject({ url: '/api/hub/nodes', headers: admin() })).json();
    expect(JSON.stringify(list)).not.toContain(node.key.split('_')[2]);
  });
});
