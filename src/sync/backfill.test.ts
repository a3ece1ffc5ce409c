import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import type { Actor } from '../platform/index.ts';
import { setLotStatus, setReviewStatus, withdrawPublication } from '../registry/index.ts';
import {
  adminActor,
  createTestApp,
  epcisDocument,
  gtin,
  makeLocation,
  makeLot,
  makeOrganisation,
  makeProduct,
  objectEvent,
  type TestApp,
} from '../test/index.ts';
import { queueEverything } from './backfill.ts';
import { setReceivers } from './outbox.ts';
import { type ItemOutcome, type Receiver, type SyncItem, type SyncKind, syncKinds } from './receiver.ts';
import { createSyncWorker } from './worker.ts';

/** A receiver that keeps what it was handed and confirms it; it can refuse products in its check. */
class RecordingReceiver implements Receiver {
  readonly id: string;
  readonly kinds: readonly SyncKind[];
  readonly label: { vi: string; en: string };
  received: SyncItem[] = [];
  refuseProducts = false;
  constructor(id: string, kinds: readonly SyncKind[] = syncKinds) {
    this.id = id;
    this.kinds = kinds;
    this.label = { vi: `Nơi nhận ${id}`, en: `Receiver ${id}` };
  }
  check(item: SyncItem) {
    return this.refuseProducts && item.kind === 'product'
      ? [{ vi: 'Thiếu ảnh sản phẩm.', en: 'No product image.', field: 'images' }]
      : [];
  }
  async deliver(items: SyncItem[]): Promise<ItemOutcome[]> {
    this.received.push(...items);
    return items.map((i) => ({ key: i.key, status: 'confirmed' }));
  }
}

let t: TestApp;
const post = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url, headers });

async function outbox(recordId: string) {
  const rows = (await t.db.execute(
    sql`SELECT receiver, key, version, action, state, reasons FROM sync_outbox WHERE record_id = ${recordId}
      ORDER BY receiver, id`,
  )) as unknown as { rows: Record<string, any>[] };
  return rows.rows;
}

const deliver = (receiver: Receiver) => createSyncWorker(t.db, [receiver], { maxAttempts: 3 }).runOnce();

/** What a province approved and captured while sync was off. */
async function approvedBeforeSync() {
  setReceivers([]);
  const [own, spare, never] = [gtin(), gtin(), gtin()];
  const organisation = await makeOrganisation(t.db, { ownGtins: [own, spare, never] });
  const location = await makeLocation(t.db, organisation.id);
  const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Bưởi Tân Triều' });
  const lot = await makeLot(t.db, { productId: product.id, lot: 'BTT-01', locationId: location.id });
  const draft = await makeProduct(t.db, organisation.id, { gtin: spare, draft: true });
  const submitted = await makeProduct(t.db, organisation.id, { gtin: never, draft: true });
  await setReviewStatus(t.db, {
    entity: 'product',
    id: submitted.id,
    status: 'submitted',
    actor: adminActor,
  });
  const eventID = `urn:uuid:${crypto.randomUUID()}`;
  const declaredID = `urn:uuid:${crypto.randomUUID()}`;
  await captureEpcisDocument(
    t.db,
    epcisDocument([objectEvent('bf-1', { eventID }), objectEvent('bf-2', { eventID: declaredID })]),
    { organisationId: organisation.id },
  );
  const declaration = objectEvent('bf-2', {
    eventID: declaredID,
    errorDeclaration: { declarationTime: '2026-05-02T08:00:00.000+07:00', reason: 'incorrect_data' },
  });
  await captureEpcisDocument(t.db, epcisDocument([declaration]), { organisationId: organisation.id });
  return { organisation, location, product, lot, draft, submitted, eventID, declaredID };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => setReceivers([]));

describe('queueing everything approved before a receiver was configured', () => {
  it('queues each approved record and captured event once, with its declaration as a withdrawal; a second run queues nothing', async () => {
    const data = await approvedBeforeSync();
    for (const id of [data.organisation.id, data.product.id, data.lot.id, data.eventID])
      expect(await outbox(id)).toEqual([]);

    const portal = new RecordingReceiver('national');
    setReceivers([portal]);
    const first = await queueEverything(t.db, adminActor);
    const mine = first.receivers.find((r) => r.id === 'national')!;
    expect(mine.queued.event).toBeGreaterThanOrEqual(3);
    expect(mine.total).toBe(Object.values(mine.queued).reduce((a, b) => a + b, 0));

    for (const [kind, record] of [
      ['organisation', data.organisation],
      ['location', data.location],
      ['product', data.product],
      ['lot', data.lot],
    ] as const)
      expect(await outbox(record.id)).toEqual([
        expect.objectContaining({ key: `${kind}:${record.id}:1`, action: 'upsert', state: 'queued' }),
      ]);
    expect((await outbox(data.eventID)).map((r) => [r.key, r.action])).toEqual([
      [`event:${data.eventID}:1`, 'upsert'],
    ]);
    expect((await outbox(data.declaredID)).map((r) => [r.key, r.action])).toEqual([
      [`event:${data.declaredID}:1`, 'upsert'],
      [`event:${data.declaredID}:2`, 'withdraw'],
    ]);
    // drafts and records never approved do not leave
    expect(await outbox(data.draft.id)).toEqual([]);
    expect(await outbox(data.submitted.id)).toEqual([]);

    const second = await queueEverything(t.db, adminActor);
    expect(second.receivers.map((r) => [r.id, r.total])).toEqual([['national', 0]]);

    await deliver(portal);
    const product = portal.received.find((i) => i.recordId === data.product.id);
    expect(product).toMatchObject({ action: 'upsert', payload: { name: 'Bưởi Tân Triều' } });
    expect(product?.payload).not.toHaveProperty('reviewNote');
  });

  it('a receiver added later gets the version the first one has, and the first one hears nothing again', async () => {
    const hub = new RecordingReceiver('hub');
    setReceivers([hub]);
    const own = gtin();
    const organisation = await makeOrganisation(t.db, { ownGtins: [own] });
    const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Nhãn xuồng' });
    await setReviewStatus(t.db, {
      entity: 'product',
      id: product.id,
      status: 'submitted',
      actor: adminActor,
    });
    await setReviewStatus(t.db, { entity: 'product', id: product.id, status: 'approved', actor: adminActor });
    await deliver(hub);

    const portal = new RecordingReceiver('national', ['organisation', 'product', 'lot', 'event']);
    setReceivers([hub, portal]);
    await queueEverything(t.db, adminActor);
    expect((await outbox(product.id)).map((r) => [r.receiver, r.version, r.state])).toEqual([
      ['hub', 1, 'replaced'],
      ['hub', 2, 'confirmed'],
      ['national', 2, 'queued'],
    ]);
  });

  it('a record approved again while sync was off leaves as its next version, for every receiver', async () => {
    const hub = new RecordingReceiver('hub');
    setReceivers([hub]);
    const own = gtin();
    const organisation = await makeOrganisation(t.db, { ownGtins: [own] });
    const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Sầu riêng' });
    await deliver(hub);
    setReceivers([]);
    await t.db.execute(sql`UPDATE products SET name = 'Sầu riêng Ri6' WHERE id = ${product.id}`);
    setReceivers([hub]);
    await queueEverything(t.db, adminActor);
    await queueEverything(t.db, adminActor);
    expect((await outbox(product.id)).map((r) => [r.version, r.state])).toEqual([
      [1, 'confirmed'],
      [2, 'queued'],
    ]);
    await deliver(hub);
    expect(hub.received.filter((i) => i.recordId === product.id).map((i) => i.payload?.name)).toEqual([
      'Sầu riêng',
      'Sầu riêng Ri6',
    ]);
  });

  it('a withdrawn record and a recalled lot are not sent as upserts', async () => {
    setReceivers([]);
    const own = gtin();
    const organisation = await makeOrganisation(t.db, { ownGtins: [own] });
    const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Vải thiều' });
    const lot = await makeLot(t.db, { productId: product.id, lot: 'VT-01' });
    await setLotStatus(t.db, lot.id, { status: 'recalled', note: 'Dư lượng thuốc' }, adminActor);
    await withdrawPublication(t.db, {
      entity: 'product',
      id: product.id,
      reason: 'Ảnh không đúng thực tế',
      actor: adminActor,
    });
    setReceivers([new RecordingReceiver('national')]);
    await queueEverything(t.db, adminActor);
    expect(await outbox(product.id)).toEqual([]);
    expect(await outbox(lot.id)).toEqual([]);
    expect(await outbox(organisation.id)).toHaveLength(1);
  });

  it('what the receiver would refuse is held with its reasons', async () => {
    setReceivers([]);
    const own = gtin();
    const organisation = await makeOrganisation(t.db, { ownGtins: [own] });
    const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Cam sành' });
    const portal = new RecordingReceiver('national');
    portal.refuseProducts = true;
    setReceivers([portal]);
    await queueEverything(t.db, adminActor);
    const [row] = await outbox(product.id);
    expect(row).toMatchObject({ state: 'held', reasons: [{ vi: 'Thiếu ảnh sản phẩm.' }] });
  });
});

describe('POST /api/sync/outbox/queue-all', () => {
  it('answers the counts per receiver and kind, and the audit log says it in words', async () => {
    const portal = new RecordingReceiver('national');
    setReceivers([portal]);
    const admin = t.as({ role: 'dost_admin', name: 'Trần Thị Sở' });
    const res = await post('/api/sync/outbox/queue-all', admin);
    expect(res.statusCode, res.body).toBe(200);
    const [answer] = res.json().receivers;
    expect(answer).toMatchObject({ id: 'national', label: 'Nơi nhận national' });
    expect(Object.keys(answer.queued).sort()).toEqual([...syncKinds].sort());

    const log = await t.app.inject({ method: 'GET', url: '/api/audit?pageSize=50', headers: admin });
    expect(log.statusCode, log.body).toBe(200);
    const entry = log.json().items.find((e: { action: string }) => e.action === 'queue-all');
    expect(entry.summary).toMatch(
      /^Trần Thị Sở .*gửi toàn bộ dữ liệu đã duyệt tới nơi nhận Nơi nhận national \(\d+ bản ghi\) lúc /,
    );
  });

  const outsiders: [string, Partial<Actor> & Pick<Actor, 'role'>][] = [
    [
      'an organisation owner',
      { role: 'org_owner', organisationIds: ['00000000-0000-4000-8000-000000000001'] },
    ],
    ['a reviewer of the department', { role: 'dost_reviewer' }],
    ['an API key with the admin role', { role: 'dost_admin', kind: 'apiKey' }],
  ];
  it.each(outsiders)('should not let %s queue everything', async (_who, actor) => {
    setReceivers([new RecordingReceiver('national')]);
    expect((await post('/api/sync/outbox/queue-all', t.as(actor))).statusCode).toBe(403);
  });

  it('should not let anyone signed out queue everything', async () => {
    expect((await post('/api/sync/outbox/queue-all', {})).statusCode).toBe(401);
  });

  it('should not queue anything for an organisation user', async () => {
    const portal = new RecordingReceiver('national');
    setReceivers([portal]);
    const before = (await t.db.execute(sql`SELECT count(*)::int AS n FROM sync_outbox`)) as unknown as {
      rows: { n: number }[];
    };
    await post('/api/sync/outbox/queue-all', t.as({ role: 'org_staff', organisationIds: [] }));
    const after = (await t.db.execute(sql`SELECT count(*)::int AS n FROM sync_outbox`)) as unknown as {
      rows: { n: number }[];
    };
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
