import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoDurianFarmLotKey,
  demoDurianLotKey,
  demoEventId,
  demoEvents,
  demoGlns,
  demoPalletSscc,
  dl,
  epcisDocument,
  seedDemo,
} from '../demo/index.ts';
import { captureEpcisDocument } from '../epcis/index.ts';
import { getOrganisationsByGlns } from '../registry/index.ts';
import { createTestApp, type TestApp } from '../test/index.ts';

let t: TestApp;
let staff: Record<string, string>;
const cartons = dl.lot(demoDurianLotKey.gtin, demoDurianLotKey.lot);
const harvest = dl.lot(demoDurianFarmLotKey.gtin, demoDurianFarmLotKey.lot);

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemo(t.db, t.config)).toEqual({ seeded: true });
  expect(await seedDemo(t.db, t.config)).toEqual({ seeded: false });
  staff = t.as({ role: 'dost_reviewer' });
}, 180_000); // the demo province, seeded under a loaded CI machine
afterAll(() => t?.close());

const trace = async (query: string, headers = staff) => {
  const res = await t.app.inject({ url: `/api/trace?${query}`, headers });
  return { status: res.statusCode, body: res.json() };
};
const organisationId = async (gln: string) => (await getOrganisationsByGlns(t.db, [gln]))[0].id;

describe('trace', () => {
  it('backward from the supermarket durian lot reaches the farm and its growing area', async () => {
    // the element string a scanner reads from the carton label
    const id = encodeURIComponent(`(01)${demoDurianLotKey.gtin}(10)${demoDurianLotKey.lot}`);
    const { status, body } = await trace(`id=${id}&direction=backward`);
    expect(status).toBe(200);
    expect(body.root).toBe(cartons);
    const farmLot = body.items.find((i: any) => i.id === harvest);
    expect(farmLot).toMatchObject({
      productName: 'Sầu riêng Ri6 tươi',
      depth: 1,
      via: { relation: 'input' },
    });
    const area = body.locations.find((l: any) => l.gln === demoGlns.durianArea);
    expect(area).toMatchObject({ growingAreaCode: 'VN-DNRO-0456', type: 'growing_area' });
    expect(area.latitude).toBeCloseTo(10.9, 1);
    const harvestEvent = body.events.find((e: any) => e.eventId === demoEventId('durian-harvest'));
    expect(harvestEvent.ilmd['txng:growingAreaCode']).toBe('VN-DNRO-0456');
    const times = body.events.map((e: any) => e.eventTime);
    expect([...times].sort()).toEqual(times);
    // backward does not wander to the exporter's pallet
    expect(body.items.some((i: any) => i.sscc)).toBe(false);
  });

  it('forward from a farm lot reaches the exporter and the supermarket', async () => {
    const { body } = await trace(`id=${encodeURIComponent(harvest)}&direction=forward`);
    const ids = body.items.map((i: any) => i.id);
    expect(ids).toEqual(expect.arrayContaining([cartons, dl.sscc(demoPalletSscc)]));
    const names = body.parties.map((p: any) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Công ty Cổ phần Xuất nhập khẩu Trái cây Đồng Xanh',
        'Công ty TNHH Siêu thị Hợp Phát Biên Hòa',
      ]),
    );
    const steps = body.events.map((e: any) => e.bizStep);
    expect(steps).toEqual(expect.arrayContaining(['shipping', 'receiving', 'retail_selling', 'packing']));
    const shipment = body.events.find(
      (e: any) => e.eventId === demoEventId('durian-packer-to-exporter:shipping'),
    );
    expect(shipment.bizTransactions.map((b: any) => b.type).sort()).toEqual(['desadv', 'inv']);
  });

  it('answers as the data stood at asOf, and honours an error declaration', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const sale = demoEvents().supermarket.find((e) => e.eventID === demoEventId('durian-sale'))!;
    const supermarket = await organisationId(demoGlns.supermarket);
    await captureEpcisDocument(
      t.db,
      epcisDocument([
        {
          ...sale,
          errorDeclaration: { declarationTime: '2026-06-14T12:00:00+07:00', reason: 'incorrect_data' },
        },
      ]),
      { organisationId: supermarket },
    );
    const now = await trace(`id=${encodeURIComponent(cartons)}&direction=forward`);
    expect(now.body.events.some((e: any) => e.eventId === demoEventId('durian-sale'))).toBe(false);
    const then = await trace(`id=${encodeURIComponent(cartons)}&direction=forward&asOf=${before}`);
    expect(then.body.asOf).toBe(before);
    expect(then.body.events.some((e: any) => e.eventId === demoEventId('durian-sale'))).toBe(true);
    const beforeAll = await trace(`id=${encodeURIComponent(cartons)}&asOf=2020-01-01T00:00:00Z`);
    expect(beforeAll.body.events).toEqual([]);
  });

  it('an item of a lot leads to its lot', async () => {
    const item = dl.item(demoDurianLotKey.gtin, demoDurianLotKey.lot, 'T0001');
    const { status, body } = await trace(`id=${encodeURIComponent(item)}&direction=backward`);
    expect(status).toBe(200);
    expect(body.items.find((i: any) => i.id === cartons)).toMatchObject({ via: { relation: 'lot' } });
    expect(body.items.some((i: any) => i.id === harvest)).toBe(true);
  });

  it('starts from an event when given its eventID', async () => {
    const { status, body } = await trace(
      `id=${encodeURIComponent(demoEventId('durian-packing'))}&direction=backward`,
    );
    expect(status).toBe(200);
    expect(body.root).toBe(demoEventId('durian-packing'));
    expect(body.items.map((i: any) => i.id)).toEqual(expect.arrayContaining([cartons, harvest]));
    const missing = await trace(`id=${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-000000000000')}`);
    expect(missing.status).toBe(404);
  });

  it('an organisation sees only the events it captured or that name it', async () => {
    const exporter = await organisationId(demoGlns.exporter);
    const { body } = await trace(
      `id=${encodeURIComponent(dl.sscc(demoPalletSscc))}&direction=backward`,
      t.as({ role: 'org_owner', organisationIds: [exporter] }),
    );
    const events = body.events.map((e: any) => e.eventId).sort();
    expect(events).toEqual(
      [
        demoEventId('durian-packer-to-exporter:shipping'),
        demoEventId('durian-packer-to-exporter:receiving'),
      ].sort(),
    );
  });

  it('rejects a malformed id with 400 and answers 404 for an unknown lot, 401 without sign-in', async () => {
    const bad = await trace(`id=${encodeURIComponent('https://example.com/01/08936016000204/10/X')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('/querystring/id');
    const unknown = await trace(`id=${encodeURIComponent(dl.lot(demoDurianLotKey.gtin, 'NOPE'))}`);
    expect(unknown.status).toBe(404);
    expect((await t.app.inject({ url: `/api/trace?id=${encodeURIComponent(cartons)}` })).statusCode).toBe(
      401,
    );
  });
});

describe('recall report', () => {
  const url = (format: string) => `/api/trace/recall?id=${encodeURIComponent(cartons)}&format=${format}`;

  it('lists the recalled lot, its input and everything downstream', async () => {
    const res = await t.app.inject({ url: url('json'), headers: staff });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const reasons = Object.fromEntries(report.lots.map((l: any) => [l.id, l.affectedAs]));
    expect(reasons[cartons]).toBe('recalled');
    expect(reasons[harvest]).toBe('input');
    expect(reasons[dl.sscc(demoPalletSscc)]).toBe('downstream');
    const receiving = report.rows.find(
      (r: any) => r.event === 'receiving' && r.locationGln === demoGlns.supermarketStore,
    );
    expect(receiving).toMatchObject({
      traceabilityLotCode: demoDurianLotKey.lot,
      quantity: 80,
      unitOfMeasure: 'H87',
      source: 'Công ty TNHH Sơ chế Đóng gói Nông sản Xuân Lộc',
      destination: 'Công ty TNHH Siêu thị Hợp Phát Biên Hòa',
    });
    expect(receiving.referenceDocumentType.split('; ').sort()).toEqual(['desadv', 'po']);
  });

  it('exports CSV with a byte-order mark and XLSX that opens with its rows', async () => {
    const json = (await t.app.inject({ url: url('json'), headers: staff })).json();
    const csv = await t.app.inject({ url: url('csv'), headers: staff });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(json.rows.length + 1);

    const xlsx = await t.app.inject({ url: url('xlsx'), headers: staff });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(json.rows.length + 1);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('Traceability lot code');
    expect(sheet.getRow(2).getCell(8).value).toBeInstanceOf(Date);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
