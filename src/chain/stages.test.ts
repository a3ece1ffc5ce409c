import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEventsByIds } from '../epcis/index.ts';
import { buildDigitalLink } from '../gs1/index.ts';
import {
  createTestApp,
  gln,
  gtin,
  makeLocation,
  makeOrganisation,
  sscc,
  type TestApp,
} from '../test/index.ts';

let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let packer: Awaited<ReturnType<typeof makeOrganisation>>;
let orchard: Awaited<ReturnType<typeof makeLocation>>;
let packHouse: Awaited<ReturnType<typeof makeLocation>>;
const fruit = gtin(13);
const boxed = gtin(13);
const lotId = (gtin: string, lot: string) =>
  buildDigitalLink([
    { ai: '01', value: gtin.padStart(14, '0') },
    { ai: '10', value: lot },
  ]);
const farmer = () => t.as({ role: 'org_owner', organisationIds: [farm.id] });
const packerActor = () => t.as({ role: 'org_staff', organisationIds: [packer.id] });

async function post(body: object, headers = farmer()) {
  return t.app.inject({ method: 'POST', url: '/api/stages', headers, payload: body });
}
const storedEvent = async (eventId: string, id: string) =>
  (await findEventsByIds(t.db, { ids: [id] })).find((e) => e.eventId === eventId)!;

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'HTX Chôm chôm Long Khánh', ownGtins: [fruit, boxed] });
  packer = await makeOrganisation(t.db, { name: 'Công ty Đóng gói Trấn Biên' });
  orchard = await makeLocation(t.db, farm.id, { name: 'Vườn chôm chôm số 3' });
  packHouse = await makeLocation(t.db, packer.id, { name: 'Xưởng đóng gói', type: 'packing_house' });
});
afterAll(() => t?.close());

describe('stage forms', () => {
  it('records a harvest as an ObjectEvent ADD with ILMD, captured through the EPCIS repository', async () => {
    const res = await post({
      stage: 'harvest',
      eventTime: '2026-06-01T07:30:00+07:00',
      locationId: orchard.id,
      output: { gtin: fruit, lot: 'CC-0601', quantity: 1200, unit: 'KGM' },
      harvestStartDate: '2026-06-01',
      expiryDate: '2026-06-15',
    });
    expect(res.statusCode).toBe(201);
    const { eventId, eventType } = res.json();
    expect(eventType).toBe('ObjectEvent');
    const event = await storedEvent(eventId, lotId(fruit, 'CC-0601'));
    expect(event).toMatchObject({ action: 'ADD', bizStep: 'commissioning', organisationId: farm.id });
    expect(event.readPoint).toBe(buildDigitalLink([{ ai: '414', value: orchard.gln! }]));
    expect(event.ids[0]).toMatchObject({ role: 'epc', isClass: true, quantity: 1200, uom: 'KGM' });
    expect((event.document as any).ilmd['cbvmda:lotNumber']).toBe('CC-0601');
    // the audit log names the entry by the stage and its lot, in words
    const entry = await t.app.inject({
      url: `/api/audit?entityType=stage&entityId=${eventId}`,
      headers: t.as({ role: 'dost_reviewer' }),
    });
    expect(entry.json().items[0].summary).toContain('ghi nhận công đoạn thu hoạch, lô CC-0601');
  });

  it('names the form field of a wrong check digit, an unknown stage, and a location of another organisation', async () => {
    const bad = await post({
      stage: 'harvest',
      eventTime: '2026-06-01T07:30:00+07:00',
      locationId: packHouse.id,
      output: {
        gtin: `${fruit.slice(0, 12)}${(Number(fruit[12]) + 1) % 10}`,
        lot: 'CC-0601',
        quantity: 1,
        unit: 'KGM',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: any) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['/body/output/gtin', '/body/locationId']));

    const unknown = await post({
      stage: 'teleport',
      eventTime: '2026-06-01T07:30:00+07:00',
      locationId: orchard.id,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().type).toBe('/problems/validation');

    const noUnit = await post({
      stage: 'store',
      eventTime: '2026-06-01T07:30:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: fruit, lot: 'CC-0601', quantity: 5, unit: 'bags' }],
    });
    expect(noUnit.statusCode).toBe(400);

    const future = await post({
      stage: 'sell',
      eventTime: '2099-01-01T00:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: fruit, lot: 'CC-0601', quantity: 5, unit: 'KGM' }],
    });
    expect(future.json().errors[0]).toMatchObject({ field: '/body/eventTime', code: 'chain.futureTime' });

    const noSuchDay = await post({
      stage: 'harvest',
      eventTime: '2026-06-01T07:30:00+07:00',
      locationId: orchard.id,
      output: { gtin: fruit, lot: 'CC-0601', quantity: 1, unit: 'KGM' },
      harvestStartDate: '2026-02-30',
    });
    expect(noSuchDay.json().errors[0]).toMatchObject({
      field: '/body/harvestStartDate',
      code: 'chain.invalidDate',
    });
  });

  it('records processing as a TransformationEvent from input lots to an output lot', async () => {
    const res = await post({
      stage: 'process',
      eventTime: '2026-06-02T09:00:00+07:00',
      locationId: orchard.id,
      inputs: [{ gtin: fruit, lot: 'CC-0601', quantity: 1000, unit: 'KGM' }],
      outputs: [{ gtin: boxed, lot: 'HOP-0602', quantity: 900, unit: 'H87' }],
      productionDate: '2026-06-02',
      expiryDate: '2026-06-12',
    });
    expect(res.statusCode).toBe(201);
    const event = await storedEvent(res.json().eventId, lotId(boxed, 'HOP-0602'));
    expect(event.eventType).toBe('TransformationEvent');
    expect(event.ids.map((i) => i.role).sort()).toEqual(['input', 'output']);
  });

  it('packs into an SSCC as an AggregationEvent, and refuses a pack with neither SSCC nor output', async () => {
    const pallet = sscc();
    const res = await post({
      stage: 'pack',
      eventTime: '2026-06-02T10:00:00+07:00',
      locationId: orchard.id,
      inputs: [{ gtin: boxed, lot: 'HOP-0602', quantity: 100, unit: 'H87' }],
      sscc: pallet,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().eventType).toBe('AggregationEvent');
    const none = await post({
      stage: 'pack',
      eventTime: '2026-06-02T10:00:00+07:00',
      locationId: orchard.id,
      inputs: [{ gtin: boxed, lot: 'HOP-0602', quantity: 100, unit: 'H87' }],
    });
    expect(none.json().errors[0]).toMatchObject({ field: '/body/outputs', code: 'chain.packNeedsOutput' });
  });

  it('records storing and retail selling with their CBV steps', async () => {
    for (const [stage, bizStep] of [
      ['store', 'storing'],
      ['sell', 'retail_selling'],
    ]) {
      const res = await post({
        stage,
        eventTime: '2026-06-03T10:00:00+07:00',
        locationId: orchard.id,
        items: [{ gtin: boxed, lot: 'HOP-0602', quantity: 10, unit: 'H87' }],
      });
      expect(res.statusCode).toBe(201);
      expect((await storedEvent(res.json().eventId, lotId(boxed, 'HOP-0602'))).bizStep).toBe(bizStep);
    }
  });

  it('ships to an outside party with documents, and receives from one (no inbox entry)', async () => {
    const buyerGln = gln();
    const res = await post({
      stage: 'ship',
      eventTime: '2026-06-03T11:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: boxed, lot: 'HOP-0602', quantity: 50, unit: 'H87' }],
      to: { name: 'Siêu thị Hoa Sen', gln: buyerGln },
      documents: { invoice: 'HD-0001', deliveryNote: 'PGH-77', quarantineCertificate: 'KD-2026-15' },
    });
    expect(res.statusCode).toBe(201);
    // kept in the sender's outgoing list as an outside shipment, in nobody's inbox
    expect(res.json().shipmentId).toEqual(expect.any(String));
    const event = await storedEvent(res.json().eventId, lotId(boxed, 'HOP-0602'));
    expect(event.links).toEqual(
      expect.arrayContaining([
        { kind: 'source', type: 'owning_party', value: buildDigitalLink([{ ai: '417', value: farm.gln! }]) },
        {
          kind: 'destination',
          type: 'owning_party',
          value: buildDigitalLink([{ ai: '417', value: buyerGln }]),
        },
        expect.objectContaining({ kind: 'bizTransaction', type: 'inv' }),
        expect.objectContaining({ kind: 'bizTransaction', type: 'desadv' }),
        expect.objectContaining({ kind: 'bizTransaction', type: 'cert' }),
      ]),
    );

    const badGln = await post({
      stage: 'ship',
      eventTime: '2026-06-03T11:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: boxed, lot: 'HOP-0602', quantity: 50, unit: 'H87' }],
      to: { name: 'Chợ đầu mối', gln: '8930000000000' },
    });
    expect(badGln.json().errors[0]).toMatchObject({ field: '/body/to/gln', code: 'chain.invalidGln' });

    const noParty = await post(
      {
        stage: 'receive',
        eventTime: '2026-06-03T11:00:00+07:00',
        locationId: packHouse.id,
        items: [{ gtin: boxed, lot: 'HOP-0602', quantity: 50, unit: 'H87' }],
        from: {},
      },
      packerActor(),
    );
    expect(noParty.json().errors[0]).toMatchObject({ field: '/body/from/name', code: 'chain.partyRequired' });

    const received = await post(
      {
        stage: 'receive',
        eventTime: '2026-06-03T11:00:00+07:00',
        locationId: packHouse.id,
        items: [{ gtin: fruit, lot: 'CC-0601', quantity: 50, unit: 'KGM' }],
        from: { name: 'Hộ ông Nguyễn Văn A', taxCode: '0100000010' },
      },
      packerActor(),
    );
    expect(received.statusCode).toBe(201);
  });

  it('refuses a harvest form while a pesticide from the diary is inside its withdrawal interval', async () => {
    const spray = await t.app.inject({
      method: 'POST',
      url: '/api/diary',
      headers: farmer(),
      payload: {
        locationId: orchard.id,
        season: 'Vụ 2026',
        entryDate: '2026-07-01',
        kind: 'pesticide',
        inputName: 'Anvil 5SC',
        activeIngredient: 'Hexaconazole',
        dose: '20 ml/16 L',
        withdrawalDays: 7,
      },
    });
    expect(spray.statusCode).toBe(201);
    const harvest = (eventTime: string, lot: string) =>
      post({
        stage: 'harvest',
        eventTime,
        locationId: orchard.id,
        output: { gtin: fruit, lot, quantity: 10, unit: 'KGM' },
      });
    const early = await harvest('2026-07-07T23:30:00+07:00', 'CC-0707');
    expect(early.statusCode).toBe(409);
    expect(early.json().errors[0]).toMatchObject({
      field: '/body/eventTime',
      code: 'diary.withdrawalRunning',
    });
    expect(early.json().errors[0].message).toContain(spray.json().id);
    // 2026-07-07T18:00Z is already 8 July in Vietnam: the interval is over
    expect((await harvest('2026-07-07T18:00:00Z', 'CC-0708')).statusCode).toBe(201);
  });

  it('needs an actor, and acts only for its own organisation', async () => {
    const body = {
      stage: 'sell',
      eventTime: '2026-06-03T10:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: boxed, lot: 'HOP-0602', quantity: 10, unit: 'H87' }],
    };
    expect((await post(body, {})).statusCode).toBe(401);
    expect((await post({ ...body, organisationId: farm.id }, packerActor())).statusCode).toBe(403);
  });
});
