import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEventsByIds } from '../epcis/index.ts';
import { localToday } from '../platform/index.ts';
import {
  changedTables,
  createTestApp,
  gtin,
  makeLocation,
  makeOrganisation,
  makeStampedProduct,
  rowCounts,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
let stamped: Awaited<ReturnType<typeof makeStampedProduct>>;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let school: Awaited<ReturnType<typeof makeOrganisation>>;
let other: Awaited<ReturnType<typeof makeOrganisation>>;
let orchard: Awaited<ReturnType<typeof makeLocation>>;
let kitchenPlace: Awaited<ReturnType<typeof makeLocation>>;
let otherPlace: Awaited<ReturnType<typeof makeLocation>>;
let kitchenId: string;
let otherKitchenId: string;
const vegetables = gtin(13);
const as = (organisationId: string) => t.as({ role: 'org_owner', organisationIds: [organisationId] });
const post = (url: string, headers: Record<string, string>, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers, payload });
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

/** The farm harvests a lot and ships it to the school: a pending shipment in the school's inbox. */
async function shipToSchool(lot: string, quantity = 20) {
  const harvest = await post('/api/stages', as(farm.id), {
    stage: 'harvest',
    eventTime: hoursAgo(30),
    locationId: orchard.id,
    output: { gtin: vegetables, lot, quantity: 100, unit: 'KGM' },
  });
  expect(harvest.statusCode, harvest.body).toBe(201);
  const ship = await post('/api/stages', as(farm.id), {
    stage: 'ship',
    eventTime: hoursAgo(29),
    locationId: orchard.id,
    items: [{ gtin: vegetables, lot, quantity, unit: 'KGM' }],
    to: { organisationId: school.id, locationId: kitchenPlace.id },
  });
  expect(ship.statusCode, ship.body).toBe(201);
  return ship.json().shipmentId as string;
}

beforeAll(async () => {
  t = await createTestApp();
  stamped = await makeStampedProduct(t, 'Gạo Tân Triều');
  farm = await makeOrganisation(t.db, { name: 'HTX Rau sạch Long Khánh', ownGtins: [vegetables] });
  orchard = await makeLocation(t.db, farm.id, { name: 'Vườn rau', communeCode: '75W001' });
  school = await makeOrganisation(t.db, { name: 'Trường Tiểu học Tân Triều', sector: 'health' });
  other = await makeOrganisation(t.db, { name: 'Công ty Suất ăn Khác' });
  kitchenPlace = await makeLocation(t.db, school.id, {
    name: 'Bếp ăn Trường Tiểu học Tân Triều',
    type: 'school_kitchen',
    communeCode: '75W001',
  });
  otherPlace = await makeLocation(t.db, other.id, {
    name: 'Bếp ăn khác',
    type: 'school_kitchen',
    communeCode: '75W002',
  });
});
afterAll(() => t?.close());

describe('registering a kitchen', () => {
  it('refuses a location that is not a school kitchen, or not the organisation’s, naming the field', async () => {
    const farmPlace = await post('/api/kitchens', as(school.id), { locationId: orchard.id });
    expect(farmPlace.statusCode).toBe(400);
    expect(farmPlace.json().errors[0].field).toBe('/body/locationId');
    const own = await makeLocation(t.db, school.id, { name: 'Kho', type: 'warehouse' });
    const wrongType = await post('/api/kitchens', as(school.id), { locationId: own.id });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0]).toMatchObject({ field: '/body/locationId' });
    expect(wrongType.json().errors[0].message).toMatch(/bếp ăn trường học/);
  });

  it('registers the school’s kitchen, and the other organisation’s', async () => {
    const res = await post('/api/kitchens', as(school.id), { locationId: kitchenPlace.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: kitchenPlace.name,
      organisationId: school.id,
      communeCode: '75W001',
    });
    kitchenId = res.json().id;
    const again = await post('/api/kitchens', as(school.id), { locationId: kitchenPlace.id });
    expect(again.statusCode).toBe(400);
    const theirs = await post('/api/kitchens', as(other.id), { locationId: otherPlace.id });
    expect(theirs.statusCode).toBe(201);
    otherKitchenId = theirs.json().id;
  });
});

describe('receiving deliveries', () => {
  it('receives by the stamp’s link: a receiving event naming the stamp’s organisation as source', async () => {
    const url = `${stamped.base}${stamped.stampPath(stamped.activeSerial)}`;
    const res = await post(`/api/kitchens/${kitchenId}/receipts`, as(school.id), {
      code: url,
      quantity: 25,
      unit: 'KGM',
      eventTime: hoursAgo(28),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [receipt] = res.json();
    expect(receipt).toMatchObject({
      method: 'stamp',
      lot: 'L2026-03',
      quantity: 25,
      unit: 'KGM',
      supplier: { organisationId: stamped.producer.organisationId },
      productName: 'Gạo Tân Triều',
      origin: { communeName: expect.any(String), provinceName: expect.any(String) },
    });
    const [event] = await findEventsByIds(t.db, {
      ids: [`https://id.gs1.org/01/${stamped.producer.gtin}/10/L2026-03`],
    }).then((events) => events.filter((e) => e.eventId === receipt.eventId));
    expect(event).toMatchObject({ bizStep: 'receiving', organisationId: school.id });
    expect(event.links).toEqual(
      expect.arrayContaining([
        { kind: 'source', type: 'owning_party', value: `urn:txng:org:${stamped.producer.organisationId}` },
      ]),
    );
  });

  it('a lot’s code that a pending shipment carries confirms that shipment: the sender is the supplier', async () => {
    const shipmentId = await shipToSchool('RAU-01');
    const res = await post(`/api/kitchens/${kitchenId}/receipts`, as(school.id), {
      code: `(01)${vegetables.padStart(14, '0')}(10)RAU-01`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()[0]).toMatchObject({
      method: 'stamp',
      shipmentId,
      quantity: 20,
      unit: 'KGM',
      supplier: { organisationId: farm.id, name: farm.name },
    });
    const shipment = await get(`/api/shipments/${shipmentId}`, as(school.id));
    expect(shipment.json().state).toBe('received');
  });

  it('receives a shipment by its reference (not by stamp)', async () => {
    const shipmentId = await shipToSchool('RAU-02', 10);
    const res = await post(`/api/kitchens/${kitchenId}/receipts`, as(school.id), { code: shipmentId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()[0]).toMatchObject({
      method: 'shipment',
      lot: 'RAU-02',
      supplier: { organisationId: farm.id },
    });
    const again = await post(`/api/kitchens/${kitchenId}/receipts`, as(school.id), { code: shipmentId });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('/body/code');
  });

  it('bad input is a 400 naming the field, and nothing is stored', async () => {
    const before = await rowCounts(t.db);
    const cases: [object, string][] = [
      [{ code: 'xin chào' }, '/body/code'],
      [{ code: `${stamped.base}/01/${stamped.producer.gtin}/21/999999` }, '/body/code'],
      [{ code: `${stamped.base}${stamped.stampPath(stamped.inactiveSerial, false)}` }, '/body/code'],
      [{ code: `${stamped.base}/01/${stamped.producer.gtin}` }, '/body/code'],
      [{ code: crypto.randomUUID() }, '/body/code'],
      [{ code: `${stamped.base}${stamped.stampPath(stamped.activeSerial)}`, quantity: -1 }, '/body/quantity'],
      [{ code: `${stamped.base}${stamped.stampPath(stamped.activeSerial)}`, unit: 'KGM' }, '/body/quantity'],
      [
        {
          code: `${stamped.base}${stamped.stampPath(stamped.activeSerial)}`,
          eventTime: '2099-01-01T00:00:00Z',
        },
        '/body/eventTime',
      ],
      [{}, '/body/code'],
      // the stamp received by the first test: once per kitchen
      [{ code: `${stamped.base}${stamped.stampPath(stamped.activeSerial)}` }, '/body/code'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(`/api/kitchens/${kitchenId}/receipts`, as(school.id), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('lists the received lots with supplier and origin', async () => {
    const res = await get(`/api/kitchens/${kitchenId}/receipts`, as(school.id));
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .map((r: { lot: string }) => r.lot)
        .sort(),
    ).toEqual(['L2026-03', 'RAU-01', 'RAU-02']);
  });
});

describe('the menu and kept samples', () => {
  let receipts: { id: string; lot: string }[];
  let dishId: string;
  let oldDishId: string;

  it('records a dish made from received lots as a transformation event', async () => {
    receipts = (await get(`/api/kitchens/${kitchenId}/receipts`, as(school.id))).json();
    const rice = receipts.find((r) => r.lot === 'L2026-03')!;
    const greens = receipts.find((r) => r.lot === 'RAU-01')!;
    const res = await post(`/api/kitchens/${kitchenId}/dishes`, as(school.id), {
      servedOn: localToday(),
      meal: 'lunch',
      name: 'Cơm trắng, canh rau',
      portions: 320,
      ingredients: [
        { receiptId: rice.id, quantity: 12, unit: 'KGM' },
        { receiptId: greens.id, quantity: 8, unit: 'KGM' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const dish = res.json();
    dishId = dish.id;
    expect(dish.ingredients.map((i: { lot: string }) => i.lot).sort()).toEqual(['L2026-03', 'RAU-01']);
    const [event] = (
      await findEventsByIds(t.db, {
        ids: [`https://id.gs1.org/01/${vegetables.padStart(14, '0')}/10/RAU-01`],
      })
    ).filter((e) => e.eventId === dish.eventId);
    expect(event).toMatchObject({ eventType: 'TransformationEvent', organisationId: school.id });
    const menu = await get(`/api/kitchens/${kitchenId}/menu`, as(school.id));
    expect(menu.json().dishes.map((d: { name: string }) => d.name)).toEqual(['Cơm trắng, canh rau']);
  });

  it('a dish cannot use a lot the kitchen has not received (nor another kitchen’s), and nothing is stored', async () => {
    const theirs = await post(`/api/kitchens/${otherKitchenId}/receipts`, as(other.id), {
      code: `${stamped.base}${stamped.stampPath(stamped.activeSerial + 1)}`,
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const before = await rowCounts(t.db);
    const res = await post(`/api/kitchens/${kitchenId}/dishes`, as(school.id), {
      servedOn: localToday(),
      meal: 'lunch',
      name: 'Món lạ',
      ingredients: [{ receiptId: receipts[0].id }, { receiptId: theirs.json()[0].id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/body/ingredients/1/receiptId',
    ]);
    expect(res.json().errors[0].message).toMatch(/chưa nhận/);
    const bad = await post(`/api/kitchens/${kitchenId}/dishes`, as(school.id), {
      servedOn: '2099-01-01',
      meal: 'tea',
      name: '',
      ingredients: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['/body/ingredients', '/body/meal', '/body/name'].sort());
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('keeps a sample for at least 24 hours; one due to discard is listed and discarded', async () => {
    const short = await post(`/api/kitchens/${kitchenId}/samples`, as(school.id), {
      dishId,
      discardBy: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('/body/discardBy');
    const kept = await post(`/api/kitchens/${kitchenId}/samples`, as(school.id), { dishId });
    expect(kept.statusCode, kept.body).toBe(201);
    expect(new Date(kept.json().discardBy).getTime() - new Date(kept.json().takenAt).getTime()).toBe(
      24 * 3600_000,
    );
    const early = await post(`/api/kitchens/${kitchenId}/samples/${kept.json().id}/discard`, as(school.id));
    expect(early.statusCode).toBe(409);

    const yesterday = localToday(Date.now() - 86_400_000);
    const old = await post(`/api/kitchens/${kitchenId}/dishes`, as(school.id), {
      servedOn: yesterday,
      meal: 'lunch',
      name: 'Cháo rau',
      cookedAt: hoursAgo(27),
      ingredients: [{ receiptId: receipts.find((r) => r.lot === 'L2026-03')!.id }],
    });
    expect(old.statusCode, old.body).toBe(201);
    expect(old.json().ingredients[0].lot).toBe('L2026-03');
    oldDishId = old.json().id;
    const sample = await post(`/api/kitchens/${kitchenId}/samples`, as(school.id), {
      dishId: oldDishId,
      takenAt: hoursAgo(26),
    });
    expect(sample.statusCode, sample.body).toBe(201);
    const due = (await get(`/api/kitchens/${kitchenId}/samples?due=true`, as(school.id))).json();
    expect(due.map((s: { dishName: string }) => s.dishName)).toEqual(['Cháo rau']);
    const done = await post(`/api/kitchens/${kitchenId}/samples/${sample.json().id}/discard`, as(school.id));
    expect(done.statusCode).toBe(200);
    expect(done.json().discardedAt).toBeTruthy();
    expect((await get(`/api/kitchens/${kitchenId}/samples?due=true`, as(school.id))).json()).toEqual([]);
  });
});

describe("one organisation's kitchen is closed to another", () => {
  it('organisation B neither sees nor uses organisation A’s kitchen', async () => {
    const mine = (await get('/api/kitchens', as(other.id))).json();
    expect(mine.map((k: { id: string }) => k.id)).toEqual([otherKitchenId]);
    for (const url of ['', '/receipts', '/menu', '/samples'])
      expect((await get(`/api/kitchens/${kitchenId}${url}`, as(other.id))).statusCode).toBe(404);
    const before = await rowCounts(t.db);
    const receive = await post(`/api/kitchens/${kitchenId}/receipts`, as(other.id), {
      code: `${stamped.base}${stamped.stampPath(stamped.activeSerial + 2)}`,
    });
    expect(receive.statusCode).toBe(404);
    const dish = await post(`/api/kitchens/${kitchenId}/dishes`, as(other.id), {
      servedOn: localToday(),
      meal: 'lunch',
      name: 'Món',
      ingredients: [{ receiptId: crypto.randomUUID() }],
    });
    expect(dish.statusCode).toBe(404);
    expect(changedTables(before, await rowCounts(t.db))).toEqual([]);
  });

  it('department staff read but do not record for a kitchen', async () => {
    const admin = t.as({ role: 'dost_admin' });
    expect((await get(`/api/kitchens/${kitchenId}`, admin)).statusCode).toBe(200);
    const res = await post(`/api/kitchens/${kitchenId}/receipts`, admin, { code: 'x' });
    expect(res.statusCode).toBe(403);
  });
});

describe("officers' overview", () => {
  it('the commune officer sees the kitchens of their communes, with counts', async () => {
    const res = await get('/api/kitchens/overview', t.as({ role: 'commune_officer', communes: ['75W001'] }));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.kitchens).toHaveLength(1);
    expect(body.kitchens[0]).toMatchObject({
      id: kitchenId,
      deliveriesByStamp: 2,
      deliveriesOther: 1,
      daysWithMenu: 2,
      dishes: 2,
      suppliers: 2,
    });
    expect(body.suppliers.map((s: { name: string }) => s.name).sort()).toEqual(
      [farm.name, 'Hợp tác xã Bưởi Tân Triều'].sort(),
    );
    const elsewhere = await get(
      '/api/kitchens/overview',
      t.as({ role: 'commune_officer', communes: ['75W009'] }),
    );
    expect(elsewhere.json().kitchens).toEqual([]);
    const notTheirs = await get(
      `/api/kitchens/${kitchenId}`,
      t.as({ role: 'commune_officer', communes: ['75W009'] }),
    );
    expect(notTheirs.statusCode).toBe(404);
  });

  it('the health sector sees every kitchen; another sector’s officer is refused', async () => {
    const health = await get('/api/kitchens/overview', t.as({ role: 'sector_officer', sector: 'health' }));
    expect(
      health
        .json()
        .kitchens.map((k: { id: string }) => k.id)
        .sort(),
    ).toEqual([kitchenId, otherKitchenId].sort());
    const agriculture = await get(
      '/api/kitchens/overview',
      t.as({ role: 'sector_officer', sector: 'agriculture' }),
    );
    expect(agriculture.statusCode).toBe(403);
    const owner = await get('/api/kitchens/overview', as(school.id));
    expect(owner.statusCode).toBe(403);
    const bad = await get(
      '/api/kitchens/overview?from=2026-05-02&to=2026-05-01',
      t.as({ role: 'dost_admin' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/querystring/from');
  });
});

describe("the parents' page", () => {
  it('shows today’s menu and where each ingredient came from, without scripts or personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/bep-an/${kitchenId}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const page = res.body;
    expect(page).toContain('Cơm trắng, canh rau');
    expect(page).toContain('Gạo Tân Triều');
    expect(page).toContain('Hợp tác xã Bưởi Tân Triều');
    expect(page).toContain(`/01/${stamped.producer.gtin}/10/L2026-03`);
    expect(page).toContain('Bữa trưa');
    expect(page).not.toContain('<script');
    // the producer's representative is a person: not on the page
    expect(page).not.toContain('Nguyễn Văn Bưởi');
    const yesterday = await t.app.inject({
      method: 'GET',
      url: `/bep-an/${kitchenId}?ngay=${localToday(Date.now() - 86_400_000)}&lang=en`,
    });
    expect(yesterday.body).toContain('Cháo rau');
    expect(yesterday.body).toContain('Lunch');
    const bad = await t.app.inject({ method: 'GET', url: `/bep-an/${kitchenId}?ngay=hôm-qua` });
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Ngày không hợp lệ');
    expect((await t.app.inject({ method: 'GET', url: `/bep-an/${crypto.randomUUID()}` })).statusCode).toBe(
      404,
    );
  });
});
