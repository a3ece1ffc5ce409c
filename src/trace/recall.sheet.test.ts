import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  epcisDocument,
  makeLocation,
  makeOrganisation,
  makeStampedProduct,
  type TestApp,
} from '../test/index.ts';

/**
 * The recall sheet (issue 11 §5): for every affected lot, the stamps bound to it and the shipments that carried
 * it, each as far as the caller may read.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let shop: Awaited<ReturnType<typeof makeOrganisation>>;
let exporter: Awaited<ReturnType<typeof makeOrganisation>>;
let stranger: Awaited<ReturnType<typeof makeOrganisation>>;
const as = (organisationId: string) => t.as({ role: 'org_owner', organisationIds: [organisationId] });
const lotId = () => `https://id.gs1.org/01/${f.producer.gtin}/10/L2026-03`;
const report = (headers: Record<string, string>, format = 'json', sheet?: string) =>
  t.app.inject({
    url: `/api/trace/recall?id=${encodeURIComponent(lotId())}&format=${format}${sheet ? `&sheet=${sheet}` : ''}`,
    headers,
  });

async function ship(to: { organisationId: string; locationId: string }, quantity: number, day: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/stages',
    headers: as(f.producer.organisationId),
    payload: {
      stage: 'ship',
      eventTime: `2026-03-${day}T08:00:00+07:00`,
      locationId: f.producer.locationId,
      items: [{ gtin: f.producer.gtin, lot: 'L2026-03', quantity, unit: 'KGM' }],
      to,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { shipmentId: string };
}

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t, 'Bưởi da xanh');
  shop = await makeOrganisation(t.db, { name: 'Cửa hàng Nông sản Biên Hòa', withGln: false });
  exporter = await makeOrganisation(t.db, { name: 'Công ty Xuất khẩu Long Thành', withGln: false });
  stranger = await makeOrganisation(t.db, { name: 'Công ty Không Liên Quan' });
  // the cooperative harvests the lot before shipping it: nobody ships what they do not hold
  const harvest = await t.app.inject({
    method: 'POST',
    url: '/api/stages',
    headers: as(f.producer.organisationId),
    payload: {
      stage: 'harvest',
      eventTime: '2026-03-01T06:00:00+07:00',
      locationId: f.producer.locationId,
      output: { gtin: f.producer.gtin, lot: 'L2026-03', quantity: 500, unit: 'KGM' },
    },
  });
  expect(harvest.statusCode, harvest.body).toBe(201);
  const shopStore = await makeLocation(t.db, shop.id, { name: 'Kho cửa hàng', type: 'warehouse' });
  const exporterStore = await makeLocation(t.db, exporter.id, { name: 'Kho xuất khẩu', type: 'warehouse' });
  const toShop = await ship({ organisationId: shop.id, locationId: shopStore.id }, 120, '02');
  await ship({ organisationId: exporter.id, locationId: exporterStore.id }, 200, '03');
  const received = await t.app.inject({
    method: 'POST',
    url: `/api/shipments/${toShop.shipmentId}/receive`,
    headers: as(shop.id),
    payload: { eventTime: '2026-03-02T15:00:00+07:00' },
  });
  expect(received.statusCode, received.body).toBe(200);
  // ten of the fifty bound traceability stamps are taken off the goods; two others are scanned by shoppers
  const off = await t.app.inject({
    method: 'POST',
    url: `/api/stamps/ranges/${f.range.id}/deactivate`,
    headers: as(f.producer.organisationId),
    payload: {
      firstSerial: f.range.firstSerial + 40,
      lastSerial: f.range.firstSerial + 49,
      reason: 'Hỏng tem',
    },
  });
  expect(off.statusCode, off.body).toBe(200);
  for (const serial of [f.activeSerial, f.activeSerial + 1]) {
    const page = await t.app.inject({ url: `/page${f.stampPath(serial)}`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
  }
});
afterAll(() => t?.close());

describe('recall sheet', () => {
  it("names, for the producer, its lot's stamps with their states and scans, and every shipment that carried it", async () => {
    const res = await report(as(f.producer.organisationId));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const traceability = body.stamps.find((s: { kind: string }) => s.kind === 'traceability');
    expect(traceability).toMatchObject({
      lotId: lotId(),
      lot: 'L2026-03',
      organisationName: 'Hợp tác xã Bưởi Tân Triều',
      runs: [{ firstSerial: f.range.firstSerial, lastSerial: f.range.firstSerial + 49 }],
      issued: 50,
      active: 40,
      deactivated: 10,
      revoked: 0,
      scanned: 2,
      scans: 2,
    });
    const anti = body.stamps.find((s: { kind: string }) => s.kind === 'anti_counterfeit');
    expect(anti).toMatchObject({ issued: 3, active: 3, scanned: 0 });
    expect(
      body.shipments.map((s: any) => [s.receiver, s.quantity, s.unit, s.state, s.sender, s.shippedAt]),
    ).toEqual([
      [shop.name, 120, 'KGM', 'received', 'Hợp tác xã Bưởi Tân Triều', '2026-03-02T01:00:00.000Z'],
      [exporter.name, 200, 'KGM', 'pending', 'Hợp tác xã Bưởi Tân Triều', '2026-03-03T01:00:00.000Z'],
    ]);
  });

  it("security: a receiver sees only the shipment it received, never the producer's stamps nor another receiver's shipment", async () => {
    const res = await report(as(shop.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.stamps).toEqual([]);
    expect(body.shipments.map((s: any) => s.receiver)).toEqual([shop.name]);
    expect(res.body).not.toContain(exporter.name);
    // the parties are named, never by an internal id
    expect(body.rows.map((r: any) => [r.event, r.source, r.destination])).toContainEqual([
      'shipping',
      'Hợp tác xã Bưởi Tân Triều',
      shop.name,
    ]);
    expect(res.body).not.toMatch(/"(source|destination)":"urn:/);
  });

  it('security: an organisation that is no party to the lot gets no report at all', async () => {
    const res = await report(as(stranger.id));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(shop.name);
  });

  it('the province inspector sees every stamp and shipment', async () => {
    const body = (await report(t.as({ role: 'inspector' }))).json();
    expect(body.stamps).toHaveLength(2);
    expect(body.shipments).toHaveLength(2);
  });

  it('exports the stamps and the shipments as CSV sheets with Vietnamese headers and times in Vietnam', async () => {
    const stamps = await report(as(f.producer.organisationId), 'csv', 'stamps');
    expect(stamps.statusCode).toBe(200);
    expect(stamps.headers['content-disposition']).toMatch(/thu-hoi-.*-stamps\.csv/);
    const [header, ...lines] = stamps.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toContain('Số sê-ri / Serials');
    expect(header).toContain('Tem đã được quét / Scanned stamps');
    expect(lines.join('\n')).toContain(`${f.range.firstSerial}-${f.range.firstSerial + 49}`);
    expect(lines.join('\n')).toContain('Truy xuất');

    const shipments = await report(as(f.producer.organisationId), 'csv', 'shipments');
    const text = shipments.body;
    expect(text).toContain('Bên nhận / Receiver');
    expect(text).toContain(`${shop.name},02/03/2026 08:00,120,KGM,Đã nhận`);
    expect(text).toContain('Chờ nhận');
  });

  it('puts the events, the stamps and the shipments in three worksheets of the spreadsheet', async () => {
    const res = await report(as(f.producer.organisationId), 'xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Thu hồi - Recall',
      'Tem - Stamps',
      'Lô hàng đã gửi - Shipments',
    ]);
    const shipments = workbook.getWorksheet('Lô hàng đã gửi - Shipments')!;
    expect(shipments.rowCount).toBe(3);
    expect(shipments.getRow(2).getCell(4).value).toBe(shop.name);
  });
});

describe('recall sheet: shipments known only as EPCIS events (captured by another system, not the stage form)', () => {
  let wholesaler: Awaited<ReturnType<typeof makeOrganisation>>;
  const party = (id: string) => `urn:txng:org:${id}`;
  const capture = (organisationId: string, event: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/epcis/capture',
      headers: { ...as(organisationId), 'content-type': 'application/ld+json' },
      payload: JSON.stringify(
        epcisDocument([
          {
            type: 'ObjectEvent',
            eventTimeZoneOffset: '+07:00',
            action: 'OBSERVE',
            quantityList: [{ epcClass: lotId(), quantity: 30, uom: 'KGM' }],
            sourceList: [{ type: 'owning_party', source: party(f.producer.organisationId) }],
            destinationList: [{ type: 'owning_party', destination: party(wholesaler.id) }],
            ...event,
          },
        ]),
      ),
    });
  const captured = async () =>
    (await report(as(f.producer.organisationId))).json().shipments.filter((s: any) => s.shipmentId === null);

  beforeAll(async () => {
    wholesaler = await makeOrganisation(t.db, { name: 'Vựa trái cây Dầu Giây' });
  });

  it('lists the shipping event with the parties by name, "sent" until a receiving event follows', async () => {
    const shipped = await capture(f.producer.organisationId, {
      eventTime: '2026-03-04T08:00:00+07:00',
      bizStep: 'shipping',
    });
    expect(shipped.statusCode, shipped.body).toBe(202);
    expect(await captured()).toEqual([
      expect.objectContaining({
        lot: 'L2026-03',
        sender: 'Hợp tác xã Bưởi Tân Triều',
        receiver: wholesaler.name,
        quantity: 30,
        unit: 'KGM',
        state: 'sent',
        shippedAt: '2026-03-04T01:00:00.000Z',
      }),
    ]);
    // a shipment of the stage form is listed once, from its own record, not again from its event
    const all = (await report(as(f.producer.organisationId))).json().shipments;
    expect(all.map((s: any) => s.state)).toEqual(['received', 'pending', 'sent']);
  });

  it('says "received" once the receiver captures the receiving', async () => {
    const received = await capture(wholesaler.id, {
      eventTime: '2026-03-04T16:00:00+07:00',
      bizStep: 'receiving',
    });
    expect(received.statusCode, received.body).toBe(202);
    expect((await captured()).map((s: any) => s.state)).toEqual(['received']);
  });

  it('security: an organisation that is no party to it does not see it', async () => {
    const body = (await report(as(shop.id))).json();
    expect(body.shipments.map((s: any) => s.receiver)).toEqual([shop.name]);
  });
});
