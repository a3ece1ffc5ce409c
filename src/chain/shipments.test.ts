import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEventsByIds } from '../epcis/index.ts';
import { buildDigitalLink } from '../gs1/index.ts';
import { createTestApp, gtin, makeLocation, makeOrganisation, type TestApp } from '../test/index.ts';

let t: TestApp;
let farm: Awaited<ReturnType<typeof makeOrganisation>>;
let buyer: Awaited<ReturnType<typeof makeOrganisation>>;
let stranger: Awaited<ReturnType<typeof makeOrganisation>>;
let orchard: Awaited<ReturnType<typeof makeLocation>>;
let store: Awaited<ReturnType<typeof makeLocation>>;
const durian = gtin(13);
const as = (organisationId: string) => t.as({ role: 'org_owner', organisationIds: [organisationId] });

async function ship(lot: string) {
  // the farm harvests the lot first: nobody ships what they do not hold
  const harvest = await t.app.inject({
    method: 'POST',
    url: '/api/stages',
    headers: as(farm.id),
    payload: {
      stage: 'harvest',
      eventTime: '2026-06-04T08:00:00+07:00',
      locationId: orchard.id,
      output: { gtin: durian, lot, quantity: 300, unit: 'KGM' },
    },
  });
  expect(harvest.statusCode, harvest.body).toBe(201);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/stages',
    headers: as(farm.id),
    payload: {
      stage: 'ship',
      eventTime: '2026-06-05T08:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: durian, lot, quantity: 300, unit: 'KGM' }],
      to: { organisationId: buyer.id, locationId: store.id },
      documents: { invoice: `HD-${lot}` },
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { eventId: string; shipmentId: string };
}

const get = (url: string, organisationId: string) =>
  t.app.inject({ method: 'GET', url, headers: as(organisationId) });
const post = (url: string, organisationId: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: as(organisationId), payload });

beforeAll(async () => {
  t = await createTestApp();
  farm = await makeOrganisation(t.db, { name: 'HTX Sầu riêng Xuân Lộc', ownGtins: [durian] });
  buyer = await makeOrganisation(t.db, { name: 'Công ty Xuất khẩu Biên Hòa', withGln: false });
  stranger = await makeOrganisation(t.db, { name: 'Công ty Khác' });
  orchard = await makeLocation(t.db, farm.id, { name: 'Vườn sầu riêng' });
  store = await makeLocation(t.db, buyer.id, { name: 'Kho lạnh Biên Hòa', type: 'warehouse' });
});
afterAll(() => t?.close());

describe('shipments to confirm', () => {
  let first: { eventId: string; shipmentId: string };

  it("puts a shipment to an organisation on the platform in the receiver's inbox", async () => {
    first = await ship('SR-01');
    expect(first.shipmentId).toBeTruthy();
    const inbox = (await get('/api/shipments/incoming', buyer.id)).json();
    expect(inbox.total).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      id: first.shipmentId,
      state: 'pending',
      sender: { organisationId: farm.id, name: farm.name },
      shippingEventId: first.eventId,
      items: [{ gtin: durian.padStart(14, '0'), lot: 'SR-01', quantity: 300, unit: 'KGM' }],
    });
    const outbox = (await get('/api/shipments/outgoing', farm.id)).json();
    expect(outbox.items.map((s: any) => s.id)).toEqual([first.shipmentId]);
  });

  it('only the two parties see the shipment', async () => {
    expect((await get('/api/shipments/incoming', stranger.id)).json().total).toBe(0);
    expect((await get(`/api/shipments/${first.shipmentId}`, stranger.id)).statusCode).toBe(404);
    expect((await get(`/api/shipments/${first.shipmentId}`, farm.id)).statusCode).toBe(200);
    expect((await get(`/api/shipments/${first.shipmentId}`, buyer.id)).statusCode).toBe(200);
  });

  it('an organisation cannot confirm a shipment addressed to another, and the sender cannot confirm it', async () => {
    expect((await post(`/api/shipments/${first.shipmentId}/receive`, stranger.id)).statusCode).toBe(404);
    const bySender = await post(`/api/shipments/${first.shipmentId}/receive`, farm.id);
    expect(bySender.statusCode).toBe(403);
    expect(bySender.json().type).toBe('/problems/chain-not-receiver');
    expect((await get(`/api/shipments/${first.shipmentId}`, farm.id)).json().state).toBe('pending');
  });

  it('the receiver confirms: a receiving event with the sender as source; one step back meets one step forward', async () => {
    const res = await post(`/api/shipments/${first.shipmentId}/receive`, buyer.id, {
      eventTime: '2026-06-05T15:00:00+07:00',
    });
    expect(res.statusCode).toBe(200);
    const shipment = res.json();
    expect(shipment.state).toBe('received');
    const lot = buildDigitalLink([
      { ai: '01', value: durian.padStart(14, '0') },
      { ai: '10', value: 'SR-01' },
    ]);
    const events = await findEventsByIds(t.db, { ids: [lot] });
    const receiving = events.find((e) => e.eventId === shipment.receivingEventId)!;
    expect(receiving).toMatchObject({ bizStep: 'receiving', organisationId: buyer.id });
    const farmParty = buildDigitalLink([{ ai: '417', value: farm.gln! }]);
    expect(receiving.links).toEqual(
      expect.arrayContaining([
        { kind: 'source', type: 'owning_party', value: farmParty },
        { kind: 'destination', type: 'owning_party', value: `urn:txng:org:${buyer.id}` },
        expect.objectContaining({ kind: 'bizTransaction', type: 'inv' }),
      ]),
    );
    expect(receiving.bizLocation).toBe(buildDigitalLink([{ ai: '414', value: store.gln! }]));
    const shipping = events.find((e) => e.eventId === first.eventId)!;
    expect(shipping.links).toEqual(
      expect.arrayContaining([{ kind: 'source', type: 'owning_party', value: farmParty }]),
    );

    const again = await post(`/api/shipments/${first.shipmentId}/receive`, buyer.id);
    expect(again.statusCode).toBe(409);
    expect((await get(`/api/shipments/${first.shipmentId}`, farm.id)).json().state).toBe('received');
  });

  it('refuses a receipt dated before the shipment left', async () => {
    const second = await ship('SR-02');
    const res = await post(`/api/shipments/${second.shipmentId}/receive`, buyer.id, {
      eventTime: '2026-06-01T08:00:00+07:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: '/body/eventTime',
      code: 'chain.receivedBeforeShipped',
    });
  });

  it('the receiver disputes with a reason, and the sender sees it', async () => {
    const third = await ship('SR-03');
    const res = await post(`/api/shipments/${third.shipmentId}/dispute`, buyer.id, {
      reason: 'Thiếu 20 kg so với phiếu giao hàng',
    });
    expect(res.statusCode).toBe(200);
    const seen = (await get(`/api/shipments/${third.shipmentId}`, farm.id)).json();
    expect(seen).toMatchObject({ state: 'disputed', disputeReason: 'Thiếu 20 kg so với phiếu giao hàng' });
    const disputed = (await get('/api/shipments/outgoing?state=disputed', farm.id)).json();
    expect(disputed.items.map((s: any) => s.id)).toEqual([third.shipmentId]);
    expect((await post(`/api/shipments/${third.shipmentId}/receive`, buyer.id)).statusCode).toBe(409);
  });

  it('two confirmations at once: one is recorded, the other is told the shipment was decided', async () => {
    const fourth = await ship('SR-04');
    const url = `/api/shipments/${fourth.shipmentId}/receive`;
    const answers = await Promise.all([post(url, buyer.id), post(url, buyer.id)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const lot = buildDigitalLink([
      { ai: '01', value: durian.padStart(14, '0') },
      { ai: '10', value: 'SR-04' },
    ]);
    const receipts = (await findEventsByIds(t.db, { ids: [lot] })).filter((e) => e.bizStep === 'receiving');
    expect(receipts).toHaveLength(1);
  });

  it('refuses a shipment to oneself and to an unknown organisation, naming the field', async () => {
    for (const organisationId of [farm.id, crypto.randomUUID()]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/stages',
        headers: as(farm.id),
        payload: {
          stage: 'ship',
          eventTime: '2026-06-05T08:00:00+07:00',
          locationId: orchard.id,
          items: [{ gtin: durian, lot: 'SR-09', quantity: 1, unit: 'KGM' }],
          to: { organisationId },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('/body/to/organisationId');
    }
  });
});

describe('shipments to a party outside the platform', () => {
  let outside: { eventId: string; shipmentId: string };

  it("are kept in the sender's 'Hàng đã gửi' with the receiver's name, needing nobody's confirmation", async () => {
    await ship('SR-20'); // harvests SR-20 (300 kg) and ships it all to the buyer
    const harvest = await post('/api/stages', farm.id, {
      stage: 'harvest',
      eventTime: '2026-06-06T08:00:00+07:00',
      locationId: orchard.id,
      output: { gtin: durian, lot: 'SR-21', quantity: 120, unit: 'KGM' },
    });
    expect(harvest.statusCode, harvest.body).toBe(201);
    const res = await post('/api/stages', farm.id, {
      stage: 'ship',
      eventTime: '2026-06-07T08:00:00+07:00',
      locationId: orchard.id,
      items: [{ gtin: durian, lot: 'SR-21', quantity: 80, unit: 'KGM' }],
      to: { name: 'Vựa trái cây Chợ Đầu mối Dầu Giây' },
      documents: { deliveryNote: 'PGH-21' },
    });
    expect(res.statusCode, res.body).toBe(201);
    outside = res.json();
    expect(outside.shipmentId).toBeTruthy();

    const sent = (await get('/api/shipments/outgoing?state=outside', farm.id)).json();
    expect(sent.total).toBe(1);
    expect(sent.items[0]).toMatchObject({
      id: outside.shipmentId,
      state: 'outside',
      sender: { organisationId: farm.id, name: farm.name },
      receiver: { organisationId: null, name: 'Vựa trái cây Chợ Đầu mối Dầu Giây' },
      shippingEventId: outside.eventId,
      items: [{ lot: 'SR-21', quantity: 80, unit: 'KGM' }],
      bizTransactions: [{ value: 'urn:txng:bt:desadv:PGH-21' }],
    });
    // beside the shipments to organisations on the platform, newest first
    const all = (await get('/api/shipments/outgoing', farm.id)).json();
    expect(all.items[0].id).toBe(outside.shipmentId);
    expect(all.items.map((s: any) => s.state)).toContain('pending');
  });

  it('no organisation finds it in an inbox, and only the sender side reads it (security)', async () => {
    for (const other of [buyer, stranger]) {
      const inbox = (await get('/api/shipments/incoming', other.id)).json();
      expect(inbox.items.map((s: any) => s.id)).not.toContain(outside.shipmentId);
      expect((await get(`/api/shipments/${outside.shipmentId}`, other.id)).statusCode).toBe(404);
    }
    expect((await get(`/api/shipments/${outside.shipmentId}`, farm.id)).json().state).toBe('outside');
  });

  it('cannot be confirmed or disputed by anyone, the sender included', async () => {
    const receive = await post(`/api/shipments/${outside.shipmentId}/receive`, farm.id);
    expect(receive.statusCode).toBe(403);
    const dispute = await post(`/api/shipments/${outside.shipmentId}/dispute`, farm.id, {
      reason: 'Sai hàng',
    });
    expect(dispute.statusCode).toBe(403);
    expect((await get(`/api/shipments/${outside.shipmentId}`, farm.id)).json().state).toBe('outside');
  });
});
