import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProductByGtin } from '../registry/index.ts';
import { createTestApp, gtin, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';
import { checkStageAllowed, prepareStage } from './stages.service.ts';
import { StockLedger } from './stock.ts';

/** Mass balance (issue 11 §2): nobody ships, sells or uses more of a lot than they hold, nor a lot they do not hold. */
let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let buyer: Awaited<ReturnType<typeof makeOrganisation>>;
let orchard: Awaited<ReturnType<typeof makeLocation>>;
let store: Awaited<ReturnType<typeof makeLocation>>;
const fruit = gtin(13);
const juice = gtin(13);
const as = (id: string) => t.as({ role: 'org_owner', organisationIds: [id], lang: 'vi' } as never);

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'HTX Xoài Cát Hoà Lộc', ownGtins: [fruit, juice] });
  buyer = await makeOrganisation(t.db, { name: 'Công ty Nông sản Biên Hoà' });
  orchard = await makeLocation(t.db, farm.id, { name: 'Vườn xoài số 1' });
  store = await makeLocation(t.db, buyer.id, { name: 'Kho Biên Hoà', type: 'warehouse' });
});
afterAll(() => t?.close());

const stage = (organisationId: string, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/stages',
    headers: { ...as(organisationId), 'accept-language': 'vi' },
    payload: { eventTime: '2026-06-05T08:00:00+07:00', ...body },
  });
const harvest = (lot: string, quantity: number, unit = 'KGM') =>
  stage(farm.id, {
    stage: 'harvest',
    eventTime: '2026-06-01T07:00:00+07:00',
    locationId: orchard.id,
    output: { gtin: fruit, lot, quantity, unit },
  });
const ship = (lot: string, quantity: number, unit = 'KGM', from = farm.id, at = orchard.id) =>
  stage(from, {
    stage: 'ship',
    locationId: at,
    items: [{ gtin: fruit, lot, quantity, unit }],
    to:
      from === farm.id
        ? { organisationId: buyer.id, locationId: store.id }
        : { name: 'Chợ đầu mối Tân Biên' },
  });

describe('mass balance', () => {
  it('ships what the lot holds, and refuses more, saying how much is left in the unit asked', async () => {
    expect((await harvest('XO-01', 1000)).statusCode).toBe(201);
    expect((await ship('XO-01', 600)).statusCode).toBe(201);
    const over = await ship('XO-01', 500);
    expect(over.statusCode).toBe(400);
    expect(over.json().errors).toEqual([
      {
        field: '/body/items/0/quantity',
        code: 'chain.moreThanAvailable',
        message: 'lô XO-01 chỉ còn 400 kg',
      },
    ]);
    // the same 400 kg in tonnes, then nothing more, in grams
    expect((await ship('XO-01', 0.4, 'TNE')).statusCode).toBe(201);
    const none = await ship('XO-01', 1, 'GRM');
    expect(none.json().errors[0].message).toBe('lô XO-01 chỉ còn 0 g');
    // litres are no kilograms
    expect((await ship('XO-01', 1, 'LTR')).statusCode).toBe(400);
  });

  it('a harvest fills its lot in the registry: quantity, unit, date and place, as the pre-checks want them', async () => {
    const res = await stage(farm.id, {
      stage: 'harvest',
      eventTime: '2026-06-02T07:00:00+07:00',
      locationId: orchard.id,
      output: { gtin: fruit, lot: 'XO-06', quantity: 250, unit: 'KGM' },
      expiryDate: '2026-06-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const lots = await t.app.inject({ url: '/api/lots?q=XO-06', headers: as(farm.id) });
    const lot = lots.json().items.find((l: any) => l.lot === 'XO-06');
    expect(lot).toMatchObject({
      quantity: 250,
      unit: 'kg',
      productionDate: '2026-06-02',
      expiryDate: '2026-06-20',
      locationId: orchard.id,
    });
  });

  it('a mistyped lot number is refused, never shipped as a new empty lot', async () => {
    const typo = await ship('XO-1', 1);
    expect(typo.statusCode).toBe(400);
    expect(typo.json().errors[0]).toMatchObject({ field: '/body/items/0/lot', code: 'chain.lotNotHeld' });
  });

  it('what was received can be shipped on; what was shipped away is the sender’s no more', async () => {
    expect((await harvest('XO-02', 300)).statusCode).toBe(201);
    expect((await ship('XO-02', 300)).statusCode).toBe(201);
    const inbox = await t.app.inject({ url: '/api/shipments/incoming', headers: as(buyer.id) });
    const shipment = inbox.json().items.find((s: any) => JSON.stringify(s).includes('XO-02'));
    const received = await t.app.inject({
      method: 'POST',
      url: `/api/shipments/${shipment.id}/receive`,
      headers: as(buyer.id),
      payload: { eventTime: '2026-06-06T08:00:00+07:00', locationId: store.id },
    });
    expect(received.statusCode, received.body).toBe(200);
    expect((await ship('XO-02', 250, 'KGM', buyer.id, store.id)).statusCode).toBe(201);
    expect((await ship('XO-02', 51, 'KGM', buyer.id, store.id)).statusCode).toBe(400);
    expect((await ship('XO-02', 1)).statusCode).toBe(400);
  });

  it('processing uses its inputs: not more than held', async () => {
    expect((await harvest('XO-03', 100)).statusCode).toBe(201);
    const process = (quantity: number) =>
      stage(farm.id, {
        stage: 'process',
        locationId: orchard.id,
        inputs: [{ gtin: fruit, lot: 'XO-03', quantity, unit: 'KGM' }],
        outputs: [{ gtin: juice, lot: 'NE-03', quantity: 40, unit: 'LTR' }],
      });
    const over = await process(150);
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0]).toMatchObject({ field: '/body/inputs/0/quantity' });
    expect((await process(100)).statusCode).toBe(201);
    // the juice it made can be shipped
    const juiceShip = await stage(farm.id, {
      stage: 'ship',
      locationId: orchard.id,
      items: [{ gtin: juice, lot: 'NE-03', quantity: 40, unit: 'LTR' }],
      to: { name: 'Cửa hàng Xuân Lộc' },
    });
    expect(juiceShip.statusCode, juiceShip.body).toBe(201);
  });

  it('a lot declared in the registry with its quantity can be shipped up to it', async () => {
    // the product the harvests above noted in the registry
    const product = (await getProductByGtin(t.db, fruit))!;
    const lot = await t.app.inject({
      method: 'POST',
      url: '/api/lots',
      headers: as(farm.id),
      payload: { productId: product.id, lot: 'XO-04', quantity: 50, unit: 'kg' },
    });
    expect(lot.statusCode, lot.body).toBe(201);
    expect((await ship('XO-04', 60)).json().errors[0].message).toBe('lô XO-04 chỉ còn 50 kg');
    expect((await ship('XO-04', 50)).statusCode).toBe(201);
  });

  it('rows of one import count each other: two rows cannot ship the same goods twice', async () => {
    expect((await harvest('XO-05', 100)).statusCode).toBe(201);
    const ledger = new StockLedger();
    const form = {
      stage: 'ship' as const,
      eventTime: '2026-06-05T08:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: fruit, lot: 'XO-05', quantity: 70, unit: 'KGM' as const }],
      to: { name: 'Chợ Long Khánh' },
    };
    await t.db.transaction(async (tx) => {
      await checkStageAllowed(tx, await prepareStage(tx, farm.id, form), ledger);
      await expect(
        checkStageAllowed(tx, await prepareStage(tx, farm.id, form), ledger),
      ).rejects.toMatchObject({
        errors: [{ field: '/body/items/0/quantity', code: 'chain.moreThanAvailable' }],
      });
    });
  });

  it('GET /api/stock lists what the organisation holds and what is left, searched by lot or product — its own only', async () => {
    const stock = async (organisationId: string, query = '') => {
      const res = await t.app.inject({ url: `/api/stock${query}`, headers: as(organisationId) });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as {
        gtin: string;
        lot: string;
        available: { quantity: number; unit: string }[];
      }[];
    };
    const farmStock = await stock(farm.id, '?pageSize=200');
    const line = (lot: string) => farmStock.find((l) => l.lot === lot);
    expect(line('XO-06')?.available).toEqual([{ quantity: 250, unit: 'KGM' }]);
    expect(line('XO-04')).toBeUndefined(); // its declared 50 kg all shipped
    expect(line('XO-01')).toBeUndefined(); // nothing left: not offered
    expect((await stock(farm.id, '?all=true&q=XO-01')).map((l) => l.lot)).toEqual(['XO-01']);
    expect(line('NE-03')).toBeUndefined(); // shipped entirely
    // the buyer holds what it received, not the farm's lots
    const buyerStock = await stock(buyer.id);
    expect(buyerStock.map((l) => l.lot)).toEqual(['XO-02']);
    expect(buyerStock[0].available).toEqual([{ quantity: 50, unit: 'KGM' }]);
    // nobody lists another organisation's stock
    const other = await t.app.inject({
      url: `/api/stock?organisationId=${farm.id}`,
      headers: as(buyer.id),
    });
    expect(other.statusCode).toBe(403);
  });

  it('the recipient picker finds every approved organisation by name, tax code or GLN, not only the sender', async () => {
    const find = async (q: string) => {
      const res = await t.app.inject({
        url: `/api/organisations/directory?q=${encodeURIComponent(q)}`,
        headers: as(farm.id),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { id: string; name: string; taxCode: string | null; glns: string[] }[];
    };
    expect((await find('Nông sản Biên Hoà')).map((o) => o.id)).toEqual([buyer.id]);
    if (buyer.taxCode) expect((await find(buyer.taxCode)).map((o) => o.id)).toEqual([buyer.id]);
    if (buyer.glns[0]) expect((await find(buyer.glns[0])).map((o) => o.id)).toEqual([buyer.id]);
    // a draft organisation is nobody's partner yet; anonymous callers get nothing
    const draft = await makeOrganisation(t.db, { name: 'Cơ sở Nháp Biên Hoà', draft: true });
    expect((await find('Biên Hoà')).map((o) => o.id)).not.toContain(draft.id);
    expect((await t.app.inject({ url: '/api/organisations/directory' })).statusCode).toBe(401);
  });
});
