import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.config);
}, 300_000);
afterAll(() => t?.close());

// people of the demo province: representatives, their phones, the packing house's e-mail, an account's e-mail
const personal = [
  'Lê Văn Hậu',
  '0908 112 233',
  'Nguyễn Văn Lực',
  '0251 3780 123',
  'Phạm Thị Thu',
  'lienhe@donggoixuanloc.example.vn',
  'chunhiem@htx-chomchom-binhloc.vn',
];

describe('the portal over the demo province', () => {
  it('shows the demo news and guidance, the showcase and the map, and nothing about a person', async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(
      'Tỉnh ban hành Kế hoạch triển khai truy xuất nguồn gốc giai đoạn 2026 – 2030',
    );
    expect(home.body).toContain('Cách đọc tem truy xuất nguồn gốc');
    expect(home.body).not.toContain('bản nháp');
    expect(home.body).toContain('Chôm chôm Long Khánh');
    expect(home.body).toContain('<svg class="map"');
    const search = await t.app.inject({ url: '/tim-kiem?q=chom+chom' });
    expect(search.body).toContain('Hợp tác xã Chôm chôm Bình Lộc');
    const producers = [...search.body.matchAll(/href="(\/nha-san-xuat\/[0-9a-f-]+)"/g)].map((m) => m[1]);
    expect(producers.length).toBeGreaterThan(0);
    const sausage = await t.app.inject({ url: '/tim-kiem?q=sau+rieng' });
    const all = [
      ...new Set([
        ...producers,
        ...[...sausage.body.matchAll(/href="(\/nha-san-xuat\/[0-9a-f-]+)"/g)].map((m) => m[1]),
      ]),
    ];
    for (const url of [
      '/',
      '/tim-kiem?q=chom+chom',
      '/tim-kiem?q=sau+rieng',
      '/tin-tuc',
      '/huong-dan',
      '/tham-gia',
      ...all,
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      for (const text of personal) expect(res.body, `${url} shows ${text}`).not.toContain(text);
    }
    const guide = await t.app.inject({ url: '/huong-dan/cach-doc-tem-truy-xuat-nguon-goc' });
    expect(guide.body).toMatch(/href="\/files\/[0-9a-f-]+">mau-ma-qr-tem-truy-xuat\.png<\/a>/);
  });
}, 180_000); // the demo province, seeded under a loaded CI machine
