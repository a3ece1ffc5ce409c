import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEventsByIds } from '../epcis/index.ts';
import { buildDigitalLink } from '../gs1/index.ts';
import { createTestApp, gtin, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';

let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrganisation>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let farm: Awaited<ReturnType<typeof makeLocation>>;
const owner = () => t.as({ role: 'org_owner', organisationIds: [org.id] });
const gtinA = gtin(13);
const gtinB = gtin(13);
const badGtin = `${gtinA.slice(0, 12)}${(Number(gtinA[12]) + 1) % 10}`;

function upload(url: string, bytes: Buffer, fileName: string, headers = owner()) {
  const boundary = 'txngimport';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const count = async (what: 'products' | 'lots') =>
  (
    await t.app.inject({ method: 'GET', url: `/api/${what}?organisationId=${org.id}`, headers: owner() })
  ).json().total;

async function xlsx(rows: (string | number | Date)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('lots');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  org = await makeOrganisation(t.db, { name: 'HTX Điều Bình Phước', ownGtins: [gtinA, gtinB] });
  other = await makeOrganisation(t.db, { name: 'Công ty Khác' });
  farm = await makeLocation(t.db, org.id, { name: 'Vườn điều Đồng Xoài' });
});
afterAll(() => t?.close());

describe('bulk import and export', () => {
  it('serves templates: XLSX with a guide sheet, CSV with a UTF-8 BOM', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/products.xlsx',
      headers: owner(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as any);
    // Vietnamese headers, a * on the columns a row must fill
    expect(workbook.worksheets[0].getRow(1).values).toEqual(
      expect.arrayContaining([
        'Mã GTIN (8/12/13/14 số) *',
        'Tên sản phẩm *',
        'Tiêu chuẩn áp dụng (cách nhau bởi ;)',
      ]),
    );
    expect(workbook.worksheets[1].name).toContain('Hướng dẫn');
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/events.csv',
      headers: owner(),
    });
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/imports/templates/users.xlsx', headers: owner() }))
        .statusCode,
    ).toBe(400);
  });

  it('previews a CSV with a bad row (row number and column named), stores nothing, then commits the clean file', async () => {
    const header = 'gtin,name,brand,net_quantity,applied_standards';
    const good = `${gtinA},Hạt điều rang muối,Điều Vàng,500,VietGAP; TCVN 12380:2018`;
    const bad = `${badGtin},Điều,Điều Vàng,năm trăm,`;
    const file = Buffer.from(`\uFEFF${header}\n${good}\n${bad}\n`);
    expect(await count('products')).toBe(0);

    const preview = await upload('/api/imports/products', file, 'sp.csv');
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ format: 'csv', committed: false, total: 2, valid: 1 });
    expect(body.rows[0]).toMatchObject({ row: 2, ok: true, values: { name: 'Hạt điều rang muối' } });
    const columns = body.errors.filter((e: any) => e.row === 3).map((e: any) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['net_quantity']));
    expect(body.errors.every((e: any) => e.row === 3 && e.message)).toBe(true);
    expect(await count('products')).toBe(0);

    const refused = await upload('/api/imports/products?commit=true', file, 'sp.csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toMatch(/^\/rows\/3\//);
    expect(await count('products')).toBe(0);

    const fixedGtin = Buffer.from(`${header}\n${good}\n${gtinB},Điều,Điều Vàng,"1,5",\n`);
    const committed = await upload('/api/imports/products?commit=true', fixedGtin, 'sp.csv');
    expect(committed.statusCode).toBe(201);
    expect(committed.json()).toMatchObject({ committed: true, total: 2, valid: 2, errors: [] });
    expect(await count('products')).toBe(2);
  });

  it('reads Vietnamese headers and reports every mistake of a row at once, by row and Vietnamese column', async () => {
    const header = 'Mã GTIN (8/12/13/14 số) *,Tên sản phẩm *,Định lượng,Hạn dùng (ngày)';
    const file = Buffer.from(`\uFEFF${header}\n${badGtin},Đ,-2,mười\n`);
    const res = await upload('/api/imports/products', file, 'sp.csv');
    expect(res.statusCode).toBe(200);
    const errors = res.json().errors.map((e: any) => [e.row, e.columnName, e.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [2, 'Mã GTIN', 'Mã GTIN phải có 8, 12, 13 hoặc 14 chữ số, chữ số cuối là số kiểm tra đúng'],
        [2, 'Tên sản phẩm', 'Tên sản phẩm phải có ít nhất 2 ký tự'],
        [2, 'Định lượng', 'Định lượng phải lớn hơn 0'],
        [2, 'Hạn dùng', '"mười" không phải là số'],
      ]),
    );
    expect(errors).toHaveLength(4);
    expect(res.json().columns).toEqual([
      { key: 'gtin', name: 'Mã GTIN' },
      { key: 'name', name: 'Tên sản phẩm' },
      { key: 'net_quantity', name: 'Định lượng' },
      { key: 'shelf_life_days', name: 'Hạn dùng' },
    ]);
    for (const [, , message] of errors) expect(message).not.toMatch(/\/body|uuid|field\./);

    const refused = await upload('/api/imports/products?commit=true', file, 'sp.csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: any) => e.message)).toContain(
      'Dòng 2, cột Tên sản phẩm: Tên sản phẩm phải có ít nhất 2 ký tự',
    );
  });

  it('names a missing required column by its Vietnamese header', async () => {
    const res = await upload('/api/imports/lots', Buffer.from('Mã GTIN của sản phẩm\n1\n'), 'x.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toBe('Thiếu cột "Số lô"');
  });

  it('reports a wrong GTIN check digit on its column, in English on request', async () => {
    const res = await upload(
      '/api/imports/products',
      Buffer.from(`gtin;name\n${badGtin};Điều sấy\n`),
      'sp.csv',
      { ...owner(), 'accept-language': 'en' },
    );
    expect(res.json().errors[0]).toMatchObject({ row: 2, column: 'gtin' });
  });

  it('imports lots from Excel, all or nothing', async () => {
    const header = ['gtin', 'lot', 'production_date', 'expiry_date', 'quantity', 'unit', 'location'];
    const clean = await xlsx([
      header,
      [
        gtinA,
        'DIEU-01',
        new Date(Date.UTC(2026, 4, 1)),
        new Date(Date.UTC(2027, 4, 1)),
        1000,
        'KGM',
        farm.name,
      ],
      [gtinB, 'DIEU-02', '2026-05-02', '2027-05-02', 200, 'KGM', farm.gln!],
    ]);
    const withBad = await xlsx([
      header,
      [gtinA, 'DIEU-03', '2026-05-01', '2027-05-01', 5, 'KGM', 'Kho không tồn tại'],
      [gtin(13), 'DIEU-04', '2026-05-01', '2027-05-01', 5, 'KGM', ''],
    ]);
    const before = await count('lots');
    const bad = await upload('/api/imports/lots?commit=true', withBad, 'lo.xlsx');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: any) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/rows/2/location', '/rows/3/gtin']));
    expect(await count('lots')).toBe(before);
    const ok = await upload('/api/imports/lots?commit=true', clean, 'lo.xlsx');
    expect(ok.statusCode).toBe(201);
    expect(await count('lots')).toBe(before + 2);
  });

  it('imports stage events from flat rows, captured as EPCIS events', async () => {
    const csv = [
      'stage,event_time,location,gtin,lot,quantity,unit,partner_name,partner_tax_code,invoice',
      `harvest,2026-05-01 06:00,${farm.name},${gtinA},DIEU-01,1000,KGM,,,`,
      `ship,2026-05-03 08:00,${farm.name},${gtinA},DIEU-01,400,KGM,Công ty Chế biến Điều,0100000010,HD-9`,
    ].join('\n');
    const res = await upload('/api/imports/events?commit=true', Buffer.from(csv), 'sk.csv');
    expect(res.statusCode).toBe(201);
    const lot = buildDigitalLink([
      { ai: '01', value: gtinA.padStart(14, '0') },
      { ai: '10', value: 'DIEU-01' },
    ]);
    const events = await findEventsByIds(t.db, { ids: [lot] });
    expect(events.map((e) => e.bizStep)).toEqual(['commissioning', 'shipping']);

    const bad = await upload(
      '/api/imports/events',
      Buffer.from('stage,event_time,location,gtin,lot,quantity,unit\nfly,2026-05-01,x,1,a,1,KGM\n'),
      'sk.csv',
    );
    expect(bad.json().valid).toBe(0);
    expect(bad.json().errors.length).toBeGreaterThan(0);
  });

  it('reports a harvest row blocked by a withdrawal interval in the diary on its event_time column', async () => {
    const field = await makeLocation(t.db, org.id, { name: 'Vườn điều Bù Đăng' });
    const spray = await t.app.inject({
      method: 'POST',
      url: '/api/diary',
      headers: owner(),
      payload: {
        locationId: field.id,
        season: 'Vụ điều 2026',
        entryDate: '2026-04-28',
        kind: 'pesticide',
        inputName: 'Ofatox 400EC',
        activeIngredient: 'Fenitrothion + Trichlorfon',
        dose: '30 ml/bình 16 L',
        withdrawalDays: 14,
      },
    });
    expect(spray.statusCode).toBe(201);
    const csv = `stage,event_time,location,gtin,lot,quantity,unit\nharvest,2026-05-01 06:00,${field.name},${gtinA},DIEU-09,10,KGM\n`;
    const res = await upload('/api/imports/events', Buffer.from(csv), 'sk.csv');
    expect(res.json().errors[0]).toMatchObject({
      row: 2,
      column: 'event_time',
      code: 'diary.withdrawalRunning',
    });
  });

  it('refuses a file without the required columns, a non-spreadsheet, and a missing file', async () => {
    const res = await upload('/api/imports/lots', Buffer.from('gtin,name\n1,2\n'), 'x.csv');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: '/columns/lot', code: 'imports.missingColumn' });
    const zip = await upload('/api/imports/lots', Buffer.from('PK\u0003\u0004garbage'), 'x.xlsx');
    expect(zip.json().errors[0].code).toBe('imports.malformedXlsx');
  });

  it("exports the organisation's products (CSV with BOM, XLSX) in the import format, and only its own", async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/exports/products.csv', headers: owner() });
    expect(csv.statusCode).toBe(200);
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFMã GTIN (8/12/13/14 số),Tên sản phẩm,')).toBe(true);
    expect(text).toContain('Hạt điều rang muối');
    const file = await t.app.inject({ method: 'GET', url: '/api/exports/lots.xlsx', headers: owner() });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as any);
    expect(workbook.worksheets[0].rowCount).toBe(3);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/exports/products.csv?organisationId=${org.id}`,
      headers: t.as({ role: 'org_owner', organisationIds: [other.id] }),
    });
    expect(theirs.statusCode).toBe(403);

    const events = await t.app.inject({ method: 'GET', url: '/api/exports/events.csv', headers: owner() });
    const lines = events.rawPayload.toString('utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    // stages, times and units as people write them, and the import reads them back
    expect(lines[1]).toMatch(/^thu hoạch,01\/05\/2026 06:00,/);
    expect(lines[1]).toContain(',kg,');
    expect(lines[1]).not.toMatch(/KGM|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(lines[2]).toContain('Công ty Chế biến Điều');
    expect(lines[2]).toContain('HD-9');
  });

  it('imports a stage written the Vietnamese way: stage and unit by name, time as dd/mm/yyyy HH:mm', async () => {
    const csv = [
      'Công đoạn,Thời điểm,Địa điểm,GTIN,Số lô,Số lượng,Đơn vị',
      `Thu hoạch,02/05/2026 06:30,${farm.name},${gtinB},DIEU-05,10,kg`,
    ].join('\n');
    const res = await upload('/api/imports/events?commit=true', Buffer.from(csv), 'sk.csv');
    expect(res.statusCode).toBe(201);
    const lot = buildDigitalLink([
      { ai: '01', value: gtinB.padStart(14, '0') },
      { ai: '10', value: 'DIEU-05' },
    ]);
    const [event] = await findEventsByIds(t.db, { ids: [lot] });
    expect(event.bizStep).toBe('commissioning');
    expect(new Date(event.eventTime).toISOString()).toBe('2026-05-01T23:30:00.000Z');
  });
});
