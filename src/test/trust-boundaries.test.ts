import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGlns, demoLots, dl, seedDemo } from '../demo/index.ts';
import { getLocationByGln, getLotByKey, ownersOfIdentifiers, setReviewStatus } from '../registry/index.ts';
import { createTestApp, type TestApp } from './app.ts';
import { epcisDocument, gtin, makeOrganisation } from './factories/index.ts';

/**
 * Who may say what about whose goods (issue 8 §1, docs/security.md "Capture"), on the demo province: the packing
 * house's durian cartons are on the market with stamps, and others try to write onto their public page.
 */
let t: TestApp;
let attacker: string;
let exporter: string;
let packer: string;
const cartons = dl.lot(demoLots.durianCartons.gtin, demoLots.durianCartons.lot);
const stampPage = `/page/01/${demoLots.durianCartons.gtin}/10/${demoLots.durianCartons.lot}/21/1`;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, t.config);
  const owners = await ownersOfIdentifiers(t.db, [dl.party(demoGlns.exporter), dl.party(demoGlns.packer)]);
  exporter = [...owners.get(dl.party(demoGlns.exporter))!][0];
  packer = [...owners.get(dl.party(demoGlns.packer))!][0];
  attacker = (await makeOrganisation(t.db, { name: 'Công ty Mạo danh', gs1CompanyPrefixes: ['8939999'] })).id;
}, 180_000); // the demo province, seeded under a loaded CI machine
afterAll(() => t?.close());

const asOrganisation = (id: string) => t.as({ role: 'org_owner', organisationIds: [id] });
const capture = (events: unknown[], headers: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/epcis/capture',
    headers: { ...headers, 'content-type': 'application/ld+json', 'accept-language': 'en' },
    payload: JSON.stringify(epcisDocument(events)),
  });
const eventCount = async () =>
  Number(
    (
      (await t.db.execute(sql`SELECT count(*)::int AS n FROM epcis_events`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0].n,
  );

const observe = (bizStep: string, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent',
  eventTime: '2026-06-16T08:00:00+07:00',
  eventTimeZoneOffset: '+07:00',
  action: 'OBSERVE',
  bizStep,
  quantityList: [{ epcClass: cartons, quantity: 10, uom: 'H87' }],
  ...extra,
});
const ownParty = (id: string) => `urn:txng:org:${id}`;
/** A lot under the attacker's own prefix 8939999. */
const attackerGtin = gtin('0893999900001');
const attackerLot = dl.lot(attackerGtin, 'X1');
const ownGoods = { quantityList: [{ epcClass: attackerLot, quantity: 1, uom: 'KGM' }] };

describe('who may capture what', () => {
  it('a draft organisation captures nothing', async () => {
    const draft = (await makeOrganisation(t.db, { draft: true, gs1CompanyPrefixes: ['8939998'] })).id;
    const res = await capture([observe('storing')], asOrganisation(draft));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('/problems/epcis-organisation-not-approved');
  });

  it("refuses a forged destroying of another organisation's goods, naming them, and stores nothing", async () => {
    const before = await eventCount();
    const res = await capture(
      [observe('storing', ownGoods), observe('destroying', { disposition: 'destroyed' })],
      asOrganisation(attacker),
    );
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        field: '/epcisBody/eventList/1/quantityList',
        code: 'epcis.capture.foreignGoods',
        message: expect.stringContaining(cartons),
      }),
    ]);
    expect(await eventCount()).toBe(before);
  });

  it("refuses another organisation's place as readPoint or bizLocation", async () => {
    const res = await capture(
      [
        observe('inspecting', {
          ...ownGoods,
          readPoint: { id: dl.location(demoGlns.packingHouse) },
        }),
      ],
      asOrganisation(attacker),
    );
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/readPoint',
      code: 'epcis.capture.foreignPlace',
    });
  });

  it("refuses a 'harvest' (ObjectEvent ADD) or a transformation output under another organisation's GTIN", async () => {
    const harvest = await capture(
      [
        observe('commissioning', {
          action: 'ADD',
          destinationList: [{ type: 'owning_party', destination: ownParty(attacker) }],
        }),
      ],
      asOrganisation(attacker),
    );
    expect(harvest.statusCode, harvest.body).toBe(403);
    expect(harvest.json().errors[0].code).toBe('epcis.capture.foreignOutput');
    const transform = await capture(
      [
        {
          type: 'TransformationEvent',
          eventTime: '2026-06-16T08:00:00+07:00',
          eventTimeZoneOffset: '+07:00',
          inputQuantityList: ownGoods.quantityList,
          outputQuantityList: [{ epcClass: cartons, quantity: 10, uom: 'H87' }],
        },
      ],
      asOrganisation(attacker),
    );
    expect(transform.statusCode).toBe(403);
    expect(transform.json().errors[0]).toMatchObject({
      field: '/epcisBody/eventList/0/outputQuantityList',
      code: 'epcis.capture.foreignOutput',
    });
  });

  it('accepts a receiving event about goods shipped to it, and what it does with them afterwards', async () => {
    const receiving = observe('receiving', {
      sourceList: [{ type: 'owning_party', source: dl.party(demoGlns.packer) }],
      destinationList: [{ type: 'owning_party', destination: dl.party(demoGlns.exporter) }],
      bizLocation: { id: dl.location(demoGlns.exporterWarehouse) },
    });
    expect((await capture([receiving], asOrganisation(exporter))).statusCode).toBe(202);
    // the exporter now holds the cartons: it may record storing them without naming anyone
    const storing = observe('storing', { bizLocation: { id: dl.location(demoGlns.exporterWarehouse) } });
    expect((await capture([storing], asOrganisation(exporter))).statusCode).toBe(202);
    // an organisation the cartons never reached may not
    expect((await capture([storing], asOrganisation(attacker))).statusCode).toBe(403);
  });

  it("a solution provider's key captures only for its customers", async () => {
    const key = t.as({ role: 'api_client', organisationIds: [exporter, packer] });
    const res = await capture([observe('storing', ownGoods)], { ...key, 'x-organisation-id': attacker });
    expect(res.statusCode, res.body).toBe(403);
  });
});

describe("the public page shows only what the lot's chain said", () => {
  it('a forged shipping that names the forger as source is stored, but never reaches the consumer page', async () => {
    const forged = observe('shipping', {
      eventTime: '2026-06-17T08:00:00+07:00',
      sourceList: [{ type: 'owning_party', source: ownParty(attacker) }],
      destinationList: [{ type: 'owning_party', destination: ownParty(attacker) }],
    });
    expect((await capture([forged], asOrganisation(attacker))).statusCode).toBe(202);
    const page = await t.app.inject({ url: stampPage, headers: { 'user-agent': 'Phone' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sản phẩm chính hãng');
    expect(page.body).not.toContain('Công ty Mạo danh');
    // the real chain is there: the packing house and the farm the durian came from
    expect(page.body).toContain('Vườn sầu riêng Sáu Hậu');
  });
});

describe('stage forms, registry and trace respect ownership', () => {
  it("a farm cannot 'harvest' the packing house's published lot through the stage form", async () => {
    const owners = await ownersOfIdentifiers(t.db, [dl.party(demoGlns.durianFarm)]);
    const farm = [...owners.get(dl.party(demoGlns.durianFarm))!][0];
    const area = (await getLocationByGln(t.db, demoGlns.durianArea))!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/stages',
      headers: asOrganisation(farm),
      payload: {
        stage: 'harvest',
        eventTime: '2026-06-16T08:00:00+07:00',
        locationId: area.id,
        output: {
          gtin: demoLots.durianCartons.gtin,
          lot: demoLots.durianCartons.lot,
          quantity: 5,
          unit: 'KGM',
        },
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: '/body/output/gtin', code: 'chain.outputNotOwn' }),
    ]);
  });

  it('department staff record no stages', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/stages',
      headers: { ...t.as({ role: 'dost_admin' }) },
      payload: {
        stage: 'sell',
        organisationId: packer,
        eventTime: '2026-06-16T08:00:00+07:00',
        locationId: (await getLocationByGln(t.db, demoGlns.packingHouse))!.id,
        items: [
          { gtin: demoLots.durianCartons.gtin, lot: demoLots.durianCartons.lot, quantity: 1, unit: 'H87' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(403);
  });

  it('/api/trace answers 404, not a product name, for a lot the caller cannot see', async () => {
    const outsider = (await makeOrganisation(t.db, { name: 'Công ty Tò mò' })).id;
    const res = await t.app.inject({
      url: `/api/trace?id=${encodeURIComponent(cartons)}&direction=backward`,
      headers: asOrganisation(outsider),
    });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Sầu riêng');
    const own = await t.app.inject({
      url: `/api/trace?id=${encodeURIComponent(cartons)}&direction=backward`,
      headers: asOrganisation(packer),
    });
    expect(own.statusCode).toBe(200);
  });

  it("an input lot must be one the caller can see: another organisation's lot is refused", async () => {
    const product = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: asOrganisation(attacker),
      payload: { organisationId: attacker, gtin: attackerGtin, name: 'Sầu riêng giả' },
    });
    expect(product.statusCode, product.body).toBe(201);
    const victimLot = (await getLotByKey(t.db, demoLots.durianCartons))!;
    const lot = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: asOrganisation(attacker),
      payload: { productId: product.json().id, lot: 'GIA-01', inputLotIds: [victimLot.id] },
    });
    expect(lot.statusCode).toBe(400);
    expect(lot.json().errors[0]).toMatchObject({ field: '/body/inputLotIds/0', code: 'registry.unknownLot' });
  });

  it('GS1 company prefixes are unique across organisations, overlaps included', async () => {
    const admin = t.as({ role: 'dost_admin' });
    for (const prefix of ['8936016', '89360160', '893601']) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: `/api/organisations/${attacker}`,
        headers: admin,
        payload: { gs1CompanyPrefixes: ['8939999', prefix] },
      });
      expect(res.statusCode, prefix).toBe(409);
      expect(res.json().errors[0]).toMatchObject({
        field: '/body/gs1CompanyPrefixes/1',
        code: 'registry.prefixTaken',
      });
    }
  });

  it('a GTIN must fall under a prefix of its organisation; approval checks it again', async () => {
    const underPacker = gtin('0893601600099');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: asOrganisation(attacker),
      payload: { organisationId: attacker, gtin: underPacker, name: 'Thùng sầu riêng' },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: '/body/gtin', code: 'registry.gtinPrefix' });

    // a product registered under a prefix the organisation later gives up is not approved
    const mover = (await makeOrganisation(t.db, { name: 'Công ty Đổi mã', gs1CompanyPrefixes: ['8939997'] }))
      .id;
    const moverGtin = gtin('0893999700001');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: asOrganisation(mover),
      payload: { organisationId: mover, gtin: moverGtin, name: 'Mật ong rừng' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await setReviewStatus(t.db, { entity: 'product', id, status: 'submitted', actor: null });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/organisations/${mover}`,
      headers: t.as({ role: 'dost_admin' }),
      payload: { gs1CompanyPrefixes: ['8939996'] },
    });
    await expect(
      setReviewStatus(t.db, { entity: 'product', id, status: 'approved', actor: null }),
    ).rejects.toMatchObject({ status: 409 });
  });
});

describe("stamps are the owner's", () => {
  it('stamp revocation and anti-counterfeit reprints: owner only, never department staff', async () => {
    const ranges = await t.app.inject({ url: '/api/stamps/ranges', headers: asOrganisation(packer) });
    const range = ranges.json().items[0];
    expect(range).toBeDefined();
    for (const role of ['dost_admin', 'dost_reviewer', 'inspector'] as const) {
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/api/stamps/ranges/${range.id}/revoke`,
        headers: t.as({ role }),
        payload: { firstSerial: 1, lastSerial: 1, reason: 'thử' },
      });
      expect(revoke.statusCode, role).toBe(403);
    }
    const reprint = await t.app.inject({
      method: 'POST',
      url: `/api/stamps/ranges/${range.id}/print`,
      headers: t.as({ role: 'dost_admin' }),
      payload: { reprint: true },
    });
    expect(reprint.statusCode).toBe(403);
  });
});
