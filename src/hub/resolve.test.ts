import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, gtin, type TestApp } from '../test/index.ts';
import { addNode, deliver, item, startProvince, withdrawal } from './hub.test-items.ts';
import { forgetProbes } from './province-probe.ts';

let t: TestApp;
let up: Awaited<ReturnType<typeof startProvince>>;
const down = { baseUrl: '' };
const codes = { upGtin: gtin(), downGtin: gtin(), recalledGtin: gtin() };
const html = { accept: 'text/html,application/xhtml+xml' };

beforeAll(async () => {
  t = await createTestApp({ mode: 'hub' });
  up = await startProvince();
  // an address that refuses connections: a province server started and stopped again
  const gone = await startProvince();
  await gone.stop();
  down.baseUrl = gone.baseUrl;
  const a = await addNode(t, '75', 'Tỉnh Đồng Nai', up.baseUrl);
  const b = await addNode(t, '79', 'Thành phố Hồ Chí Minh', down.baseUrl);
  const org = 'org-b-1';
  await deliver(t, a.key, [
    item('product', 'pa-1', { gtin: codes.upGtin, name: 'Sầu riêng Ri6' }),
    item('lot', 'la-1', { gtin: codes.upGtin, lot: 'L1', productName: 'Sầu riêng Ri6', status: 'active' }),
  ]);
  const recalledLot = item(
    'lot',
    'lb-2',
    { gtin: codes.recalledGtin, lot: 'R9', productName: 'Nước mắm', status: 'recalled' },
    { organisationId: org },
  );
  await deliver(t, b.key, [
    item('organisation', org, {
      name: 'HTX Cà phê Sài Gòn',
      taxCode: '0301234567',
      streetAddress: '12 Lê Lợi',
      communeName: 'Phường Bến Thành',
    }),
    item(
      'product',
      'pb-1',
      { gtin: codes.downGtin, name: 'Cà phê Robusta', brand: 'Sài Gòn Xanh' },
      { organisationId: org },
    ),
    item(
      'lot',
      'lb-1',
      {
        gtin: codes.downGtin,
        lot: 'CF26',
        productName: 'Cà phê Robusta',
        status: 'active',
        productionDate: '2026-11-02',
        expiryDate: '2027-11-02',
      },
      { organisationId: org },
    ),
    item('stamp', 'sb-1', { gtin: codes.downGtin, lot: 'CF26', serial: '7001', state: 'active' }),
    item('event', 'ni:///sha-256;e1?ver=CBV2.0', {
      type: 'ObjectEvent',
      eventTime: '2026-11-02T01:30:00.000Z',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-harvesting',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${codes.downGtin}/10/CF26`, quantity: 100 }],
    }),
    item('event', 'ni:///sha-256;e2?ver=CBV2.0', {
      type: 'ObjectEvent',
      eventTime: '2026-11-03T03:00:00.000Z',
      bizStep: 'shipping',
      quantityList: [{ epcClass: `https://id.gs1.org/01/${codes.downGtin}/10/OTHER`, quantity: 1 }],
    }),
    item('product', 'pb-2', { gtin: codes.recalledGtin, name: 'Nước mắm' }, { organisationId: org }),
    recalledLot,
  ]);
});
afterAll(async () => {
  await up?.stop();
  await t?.close();
});

describe('a Digital Link at the hub', () => {
  it('redirects (307) to the province that sent the product when it answers, path and query kept', async () => {
    const path = `/01/${codes.upGtin}/10/L1/21/42?utm=tem`;
    const res = await t.app.inject({ url: path, headers: html });
    expect(res.statusCode).toBe(307);
    expect(res.headers.location).toBe(`${up.baseUrl}${path}`);
    // a program is sent there too
    const api = await t.app.inject({ url: `/01/${codes.upGtin}` });
    expect(api.statusCode).toBe(307);
  });

  it('serves the hub’s copy, saying so and as of when in Việt Nam’s time, when the province does not answer', async () => {
    const started = Date.now();
    const res = await t.app.inject({ url: `/01/${codes.downGtin}/10/CF26/21/7001`, headers: html });
    // the probe gives up quickly: a person holding a phone is waiting
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    const page = res.body;
    expect(page).toContain('Bản sao tại trục quốc gia');
    expect(page).toContain('Thành phố Hồ Chí Minh');
    expect(page).toMatch(/cập nhật lúc \d\d:\d\d, \d\d\/\d\d\/\d{4}/);
    for (const shown of [
      'Cà phê Robusta',
      'HTX Cà phê Sài Gòn',
      '12 Lê Lợi',
      'CF26',
      '7001',
      '02/11/2026',
      'Thu hoạch',
    ])
      expect(page).toContain(shown);
    // the other lot's step is not this lot's journey; no script, no UTC time, no ids
    expect(page).not.toContain('Vận chuyển đi');
    expect(page).not.toMatch(/<script|\d{4}-\d\d-\d\dT|org-b-1/);
    // 08:30 in Việt Nam for 01:30 UTC
    expect(page).toContain('08:30');
  });

  it('serves the copy as JSON to a program, naming its source and time', async () => {
    const res = await t.app.inject({ url: `/01/${codes.downGtin}/10/CF26` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'hub-copy',
      province: { code: '79' },
      product: { name: 'Cà phê Robusta', withdrawn: false },
      lot: { lot: 'CF26' },
    });
    expect(new Date(res.json().asOf).getTime()).toBeGreaterThan(0);
  });

  it('says a recalled lot is recalled in the copy', async () => {
    const res = await t.app.inject({ url: `/01/${codes.recalledGtin}/10/R9`, headers: html });
    expect(res.body).toContain('Lô hàng này đã bị thu hồi');
  });

  it('answers 404 for a GTIN no province sent and 400 for a path that is no code, in words for a person', async () => {
    const unknown = await t.app.inject({ url: `/01/${gtin()}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const page = await t.app.inject({ url: `/01/${gtin()}`, headers: html });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Không tìm thấy mã này');
    const bad = await t.app.inject({ url: '/01/12345', headers: html });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mã không đọc được');
    expect((await t.app.inject({ url: '/01/12345' })).json().errors[0].field).toBe('/uri');
  });

  it('remembers a province’s answer a few seconds, then sees it gone and serves the copy', async () => {
    const province = await startProvince();
    const node = await addNode(t, '48', 'Thành phố Đà Nẵng', province.baseUrl);
    const code = gtin();
    await deliver(t, node.key, [item('product', 'pc-1', { gtin: code, name: 'Chả bò' })]);
    expect((await t.app.inject({ url: `/01/${code}` })).statusCode).toBe(307);
    await province.stop();
    // still believed up: one probe serves a burst of scans
    expect((await t.app.inject({ url: `/01/${code}` })).statusCode).toBe(307);
    forgetProbes();
    const res = await t.app.inject({ url: `/01/${code}`, headers: html });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Chả bò');
  });

  it('shows a withdrawn product as no longer published, with the reason', async () => {
    const node = await addNode(t, '92', 'Thành phố Cần Thơ', down.baseUrl);
    const code = gtin();
    const product = item('product', 'pd-1', { gtin: code, name: 'Bánh pía' });
    await deliver(t, node.key, [product]);
    await deliver(t, node.key, [withdrawal(product, 2, 'Sai thông tin nhãn')]);
    const res = await t.app.inject({ url: `/01/${code}`, headers: html });
    expect(res.body).toContain('Sản phẩm này không còn được công bố');
    expect(res.body).toContain('Sai thông tin nhãn');
  });
});
