import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerReports } from '../db/index.ts';
import { setLotStatus } from '../registry/index.ts';
import { execute, revokeStamps } from '../stamps/index.ts';
import {
  adminActor,
  createTestApp,
  makeLot,
  makeProducer,
  makeStampedProduct,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
});
afterAll(() => t?.close());

const page = (path: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/page${path}`, headers: { 'user-agent': 'Phone A', ...headers } });

describe('consumer page verdicts', () => {
  it('genuine: product, lot, producer, journey and map, with the scan count from the second scan on', async () => {
    const path = f.stampPath(f.activeSerial);
    const first = await page(path);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    expect(first.body).toContain('Sản phẩm chính hãng');
    expect(first.body).toContain('Đây là lần quét đầu tiên');
    for (const text of [
      'Bưởi Tân Triều',
      'L2026-03',
      '01/03/2026',
      '01/09/2026',
      'Hợp tác xã Bưởi Tân Triều',
    ])
      expect(first.body).toContain(text);
    expect(first.body).toContain('Đóng gói');
    expect(first.body).toContain('Vườn bưởi Tân Triều');
    expect(first.body).toContain('<svg class="map"');
    // the journey's step names its place by the number the map gives it, 1 where the journey began
    expect(first.body).toMatch(/<b class="pin" title="Điểm số 1 trên bản đồ">1<\/b> Vườn bưởi Tân Triều/);
    expect(first.body).toMatch(/<ol class="legend"><li>Vườn bưởi Tân Triều<\/li>/);
    expect(first.body).toContain('Thông tin đã được Sở Khoa học và Công nghệ thẩm định');
    const second = await page(path, { 'user-agent': 'Phone B', 'x-forwarded-for': '198.51.100.20' });
    expect(second.body).toMatch(/Mã này đã được quét 2 lần, lần đầu lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
  });

  it('not activated', async () => {
    const res = await page(f.stampPath(f.inactiveSerial, false));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tem chưa được kích hoạt');
  });

  it('unknown code: a 404 page that says so, with the report form and no product data', async () => {
    const res = await page(`/01/${f.producer.gtin}/21/${f.range.lastSerial + 5000}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Mã không có trong hệ thống');
    expect(res.body).toContain('action="/page/report?lang=vi"');
    expect(res.body).not.toContain('Bưởi Tân Triều');
  });

  it('suspicious when the label names another lot than the stamp was activated for', async () => {
    const res = await page(`/01/${f.producer.gtin}/10/L2099/21/${f.activeSerial + 2}`);
    expect(res.body).toContain('Nghi vấn hàng giả');
    expect(res.body).toContain('Số lô in trên tem (L2099) khác với lô đã kích hoạt');
  });

  it('suspicious when a revoked stamp is scanned', async () => {
    const owner = { ...adminActor, role: 'org_owner' as const, organisationIds: [f.producer.organisationId] };
    await revokeStamps(t.db, owner, f.range.id, { serials: [f.activeSerial + 3], reason: 'mất cắp' });
    const res = await page(f.stampPath(f.activeSerial + 3));
    expect(res.body).toContain('Nghi vấn hàng giả');
    expect(res.body).toContain('Tem này đã bị thu hồi');
  });

  it('recalled lot', async () => {
    const lot = await makeLot(t.db, { ...f.producer, lot: 'R-01' });
    await setLotStatus(t.db, lot.id, { status: 'recalled', note: 'Phát hiện nấm mốc' }, adminActor);
    const res = await page(`/01/${f.producer.gtin}/10/R-01`);
    expect(res.body).toContain('Lô hàng đang bị thu hồi');
  });

  it('a GTIN-only code shows the product and says it cannot authenticate one item', async () => {
    const res = await page(`/01/${f.producer.gtin}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thông tin sản phẩm');
    expect(res.body).toContain('không xác thực được từng sản phẩm');
  });

  it('anti-counterfeit: the right secret is genuine, a wrong one looks exactly like an unknown code', async () => {
    const good = new URL(f.antiUri);
    expect((await page(`${good.pathname}${good.search}`)).body).toContain('Sản phẩm chính hãng');
    const wrong = await page(`${good.pathname}?s=AAAAAAAAAAAA`);
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Mã không có trong hệ thống');
  });
});

describe('scan location', () => {
  it('accepts a shared location only with the token of that scan, and never shows it on the page', async () => {
    const body = (await page(f.stampPath(f.activeSerial + 6))).body;
    const scan = Number(/data-scan="(\d+)"/.exec(body)![1]);
    const token = /data-token="([^"]+)"/.exec(body)![1];
    const post = (payload: unknown) =>
      t.app.inject({ method: 'POST', url: '/page/scan-location', payload: payload as any });
    expect((await post({ scan, token: 'forged-token', latitude: 10.9, longitude: 106.8 })).statusCode).toBe(
      204,
    );
    expect((await post({ scan, token, latitude: 10.9512, longitude: 106.8234 })).statusCode).toBe(204);
    expect((await post({ scan, token, latitude: 95, longitude: 0 })).statusCode).toBe(400);
    const again = (await page(f.stampPath(f.activeSerial + 6))).body;
    expect(again).not.toContain('10.95');
  });

  it('attaches no location with a token computed from the scan id and the former constant salt', async () => {
    const body = (await page(f.stampPath(f.activeSerial + 7))).body;
    const scan = Number(/data-scan="(\d+)"/.exec(body)![1]);
    const guessed = (salt: string) =>
      crypto.createHmac('sha256', salt).update(`scan:${scan}`).digest('base64url').slice(0, 22);
    for (const token of [guessed('txng-scan-salt'), guessed('txng-development-scan-salt')]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/page/scan-location',
        payload: { scan, token, latitude: 21.03, longitude: 105.85 },
      });
      expect(res.statusCode).toBe(204);
    }
    const { rows } = await execute(t.db, sql`SELECT latitude FROM stamp_scans WHERE id = ${scan}`);
    expect(rows[0].latitude).toBeNull();
  });
});

describe('consumer page safety and language', () => {
  it('escapes everything from the database', async () => {
    const evil = await makeProducer(t.db, { productName: '<script>alert("x")</script> Xoài' });
    const res = await page(`/01/${evil.gtin}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; Xoài');
  });

  it('shows no personal data: no phone, no representative, no client address', async () => {
    const res = await page(f.stampPath(f.activeSerial + 5), { 'x-forwarded-for': '203.0.113.77' });
    expect(res.body).not.toContain('0912345678');
    expect(res.body).not.toContain('Nguyễn Văn Bưởi');
    expect(res.body).not.toContain('203.0.113.77');
  });

  it('switches to English with ?lang=en or Accept-Language, and links the other language', async () => {
    const en = await page(`${f.stampPath(f.activeSerial)}?lang=en`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Genuine product');
    expect(en.body).toContain('lang=vi');
    const negotiated = await page(f.stampPath(f.activeSerial), { 'accept-language': 'en-US,en;q=0.8' });
    expect(negotiated.body).toContain('Genuine product');
  });

  it('is small: under 60 KB', async () => {
    const res = await page(f.stampPath(f.activeSerial));
    expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
  });

  it('publishes the digital product passport as JSON-LD', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/dpp/01/${f.producer.gtin}/10/L2026-03` });
    expect(res.headers['content-type']).toContain('application/ld+json');
    expect(res.json()).toMatchObject({ gtin: f.producer.gtin, lot: { batchNumber: 'L2026-03' } });
  });
});

function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type: string }) {
  const boundary = '----txngtest';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7' } })
  .png()
  .toBuffer();

/** A phone photo as phones write them: EXIF with the GPS position where it was taken. */
const jpegWithGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
  .jpeg()
  .withExif({
    IFD0: { Make: 'PhoneCo', Model: 'X1' },
    IFD3: {
      GPSLatitudeRef: 'N',
      GPSLatitude: '10/1 57/1 30/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '106/1 50/1 0/1',
    },
  })
  .toBuffer();

describe('report form', () => {
  const report = (
    fields: Record<string, string>,
    file?: Parameters<typeof multipart>[1],
    accept = 'text/html',
  ) => {
    const body = multipart(fields, file);
    return t.app.inject({
      method: 'POST',
      url: '/page/report',
      headers: {
        ...body.headers,
        accept,
        'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250)}`,
      },
      payload: body.payload,
    });
  };
  const uri = () => `${f.base}${f.stampPath(f.activeSerial)}`;

  it('stores a report with consent and a photo, for the department only', async () => {
    const res = await report(
      { uri: uri(), message: 'Tem bị bóc ra dán lại', phone: '0987 654 321', consent: 'yes' },
      { name: 'a.png', data: png, type: 'image/png' },
    );
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('Cảm ơn bạn');
    // the way back says where it leads, not a bare arrow
    expect(res.body).toContain('← Quay lại trang sản phẩm</a>');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/reports',
      headers: t.as({ role: 'dost_reviewer' }),
    });
    const item = list.json().items.find((r: any) => r.message === 'Tem bị bóc ra dán lại');
    expect(item).toMatchObject({
      gtin: f.producer.gtin,
      serial: String(f.activeSerial),
      photoUrl: expect.any(String),
    });
    const photo = await t.app.inject({
      method: 'GET',
      url: item.photoUrl,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(photo.headers['content-type']).toBe('image/webp');
    const owner = t.as({ role: 'org_owner', organisationIds: [f.producer.organisationId] });
    expect((await t.app.inject({ method: 'GET', url: '/api/reports', headers: owner })).statusCode).toBe(403);
  });

  it('report photos are stored without EXIF', async () => {
    const sent = await sharp(jpegWithGps).metadata();
    // the GPS IFD pointer (tag 0x8825, little-endian) is in what the phone sends
    expect(sent.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const res = await report(
      { uri: uri(), message: 'Ảnh chụp tem nghi giả', consent: 'yes' },
      { name: 'IMG_0001.jpg', data: jpegWithGps, type: 'image/jpeg' },
      'application/json',
    );
    expect(res.statusCode).toBe(201);
    const [row] = await t.db
      .select({ photo: consumerReports.photo, photoType: consumerReports.photoType })
      .from(consumerReports)
      .where(eq(consumerReports.id, res.json().id));
    expect(row.photoType).toBe('image/webp');
    const stored = await sharp(row.photo!).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 64, height: 48 });
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(row.photo!.includes(Buffer.from('PhoneCo'))).toBe(false);
  });

  it('requires consent and a message, naming the fields', async () => {
    const res = await report({ uri: uri(), message: 'abc' }, undefined, 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(
      res
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['/consent', '/message']);
    const html = await report({ uri: uri(), message: 'Hàng giả' });
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('Cần đánh dấu đồng ý');
  });

  it('is rate-limited per address', async () => {
    const body = multipart({ uri: uri(), message: 'Quá nhiều lần gửi', consent: 'yes' });
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/page/report',
        headers: { ...body.headers, accept: 'application/json', 'x-forwarded-for': '192.0.2.9' },
        payload: body.payload,
      });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send()).statusCode);
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses[5]).toBe(429);
  });

  it('refuses a photo over 5 MB and a file that is not an image', async () => {
    const fields = { uri: uri(), message: 'Ảnh tem giả', consent: 'yes' };
    const big = await report(
      fields,
      { name: 'big.png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), type: 'image/png' },
      'application/json',
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].field).toBe('/photo');
    const fake = await report(
      fields,
      { name: 'x.png', data: Buffer.from('MZ not an image'), type: 'image/png' },
      'application/json',
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0].field).toBe('/photo');
  });
});
