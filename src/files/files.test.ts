import crypto from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrganisation, type TestApp } from '../test/index.ts';

let t: TestApp;
const orgA = crypto.randomUUID();
const orgB = crypto.randomUUID();
const ownerA = () => t.as({ role: 'org_owner', organisationIds: [orgA] });
const ownerB = () => t.as({ role: 'org_owner', organisationIds: [orgB] });

function multipart(bytes: Buffer, fileName: string, contentType = 'application/octet-stream') {
  const boundary = `----txng${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(bytes: Buffer, fileName: string, headers: Record<string, string>, query = '') {
  const body = multipart(bytes, fileName, fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg');
  return t.app.inject({
    method: 'POST',
    url: `/api/files${query}`,
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
}

/** A 3000×2000 photo carrying a GPS position in its EXIF, as a phone would send it. */
const photoWithGps = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 56/1 0/1' } })
    .toBuffer();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('files', () => {
  let imageId: string;

  it('re-encodes an uploaded photo to at most 1600 px WebP, strips EXIF and makes a 400 px thumbnail', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(original, 'vuon-chom-chom.jpg', ownerA());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      kind: 'image',
      mediaType: 'image/webp',
      width: 1600,
      height: 1067,
      organisationId: orgA,
    });
    expect(body.url).toBe(`https://txng.example.vn/files/${body.id}`);
    imageId = body.id;

    const served = await t.app.inject({ method: 'GET', url: `/files/${body.id}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toContain('immutable');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(1600);
    expect(meta.exif).toBeUndefined();

    const thumb = await t.app.inject({ method: 'GET', url: `/files/${body.id}?size=thumb` });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(400);

    const again = await t.app.inject({
      method: 'GET',
      url: `/files/${body.id}`,
      headers: { 'if-none-match': served.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('refuses a file that is not an image although it is named .jpg', async () => {
    const res = await upload(
      Buffer.from('MZ\x90\x00 this is an executable, not a photo'),
      'anh.jpg',
      ownerA(),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: '/body/file', code: 'files.unsupportedType' });
  });

  it('refuses a damaged image whose first bytes look like JPEG', async () => {
    const res = await upload(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]), 'hong.jpg', ownerA());
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('files.undecodableImage');
  });

  it('stores a certificate PDF as sent and serves it inline', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await upload(pdf, 'VietGAP.pdf', ownerA());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'pdf', mediaType: 'application/pdf', thumbnailUrl: null });
    const served = await t.app.inject({ method: 'GET', url: `/files/${res.json().id}` });
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);
  });

  it('refuses an image over 5 MB and any file over 10 MB with 413', async () => {
    const bigJpegHeader = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]);
    const res = await upload(bigJpegHeader, 'to.jpg', ownerA());
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].field).toBe('/body/file');
    const huge = await upload(
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]),
      'x.pdf',
      ownerA(),
    );
    expect(huge.statusCode).toBe(413);
  });

  it('refuses an upload without a file part or without multipart', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: ownerA(),
      payload: { a: 1 },
    });
    expect(res.statusCode).toBe(415);
  });

  it('needs an actor, and an organisation the actor acts for', async () => {
    expect((await upload(Buffer.from('%PDF-1.4'), 'a.pdf', {})).statusCode).toBe(401);
    const res = await upload(Buffer.from('%PDF-1.4'), 'a.pdf', ownerB(), `?organisationId=${orgA}`);
    expect(res.statusCode).toBe(403);
  });

  it("an inspector files a visit's photo under the organisation inspected, never under one that does not exist", async () => {
    const inspected = await makeOrganisation(t.db);
    const inspector = t.as({ role: 'inspector' });
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c03c28' } })
      .png()
      .toBuffer();
    const res = await upload(png, 'hien-truong.png', inspector, `?organisationId=${inspected.id}`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'image', organisationId: inspected.id });
    // without naming the organisation there is none to file it under; an unknown one is refused by name
    const unnamed = await upload(png, 'a.png', inspector);
    expect(unnamed.statusCode).toBe(400);
    const unknown = await upload(png, 'a.png', inspector, `?organisationId=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json())).toContain('/querystring/organisationId');
    // the rule is the inspector's: other staff and another organisation's owner still may not
    for (const headers of [t.as({ role: 'dost_reviewer' }), t.as({ role: 'sector_officer' }), ownerB()])
      expect((await upload(png, 'a.png', headers, `?organisationId=${inspected.id}`)).statusCode).toBe(403);
  });

  it("an organisation cannot see another organisation's file description or list", async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${imageId}`, headers: ownerA() })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${imageId}`, headers: ownerB() })).statusCode,
    ).toBe(404);
    const listB = await t.app.inject({ method: 'GET', url: '/api/files', headers: ownerB() });
    expect(listB.json().total).toBe(0);
    const listA = await t.app.inject({ method: 'GET', url: '/api/files', headers: ownerA() });
    expect(listA.json().total).toBe(2);
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/files/${imageId}`,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(staff.statusCode).toBe(200);
  });

  it('answers 404 for an unknown file and 400 for a malformed id', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/files/${crypto.randomUUID()}` })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ method: 'GET', url: '/files/not-a-uuid' })).statusCode).toBe(400);
  });
});
