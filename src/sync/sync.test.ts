import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { captureEpcisDocument } from '../epcis/index.ts';
import { setLotStatus, setReviewStatus, withdrawPublication } from '../registry/index.ts';
import {
  adminActor,
  createTestApp,
  epcisDocument,
  gtin,
  makeLot,
  makeOrganisation,
  makeProduct,
  objectEvent,
  type TestApp,
} from '../test/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { setReceivers } from './outbox.ts';
import {
  type ItemOutcome,
  type Receiver,
  type ReceiverReason,
  type SyncItem,
  type SyncKind,
  syncKinds,
} from './receiver.ts';
import { claimRows } from './sync.repo.ts';
import { createSyncWorker } from './worker.ts';

/**
 * A receiver as the worker sees any other: it keeps every batch it was handed, and can be told to be down (a
 * transport failure), to refuse some keys for good, or to refuse in its check before anything is queued.
 */
class RecordingReceiver implements Receiver {
  readonly id = 'test';
  readonly label = { vi: 'Nơi nhận thử', en: 'Test receiver' };
  readonly kinds: readonly SyncKind[] = syncKinds;
  batches: SyncItem[][] = [];
  down = false;
  refusedKeys = new Set<string>();
  refuseInCheck: ((item: SyncItem) => ReceiverReason[]) | null = null;

  get received() {
    return this.batches.flat();
  }
  check(item: SyncItem) {
    return this.refuseInCheck?.(item) ?? [];
  }
  async deliver(items: SyncItem[]): Promise<ItemOutcome[]> {
    this.batches.push(items);
    if (this.down)
      throw new DeliveryError({ vi: 'Nơi nhận thử đang tắt.', en: 'The test receiver is down.' });
    return items.map((item) =>
      this.refusedKeys.has(item.key)
        ? {
            key: item.key,
            status: 'rejected',
            reason: { vi: 'Số kiểm tra của mã GTIN không đúng.', en: 'Wrong check digit.', field: 'gtin' },
          }
        : { key: item.key, status: 'confirmed' },
    );
  }
}

let t: TestApp;
let receiver: RecordingReceiver;
/** How far the test has moved time on; `clock` is the instant of the last run of a worker. */
let ahead: number;
let clock: Date;
const minutes = (n: number) => n * 60_000;
const later = (ms: number) => {
  ahead += ms;
};
const now = () => {
  clock = new Date(Date.now() + ahead);
  return clock;
};
const worker = (opts: { maxAttempts?: number } = {}) =>
  createSyncWorker(t.db, [receiver], {
    maxAttempts: opts.maxAttempts ?? 3,
    baseDelayMs: minutes(1),
    maxDelayMs: minutes(60),
    leaseMs: minutes(2),
    now,
    random: () => 1,
  });

/** How long after the last run of a worker a row waits for its next try. */
const waitOf = (row: Record<string, any>) => new Date(row.next_attempt_at).getTime() - clock.getTime();

async function outbox(recordId: string) {
  const rows = (await t.db.execute(
    sql`SELECT key, version, action, state, attempts, reasons, next_attempt_at, item
      FROM sync_outbox WHERE record_id = ${recordId} ORDER BY id`,
  )) as unknown as { rows: Record<string, any>[] };
  return rows.rows;
}

async function organisationWithProduct() {
  const [own, spare] = [gtin(), gtin()];
  const organisation = await makeOrganisation(t.db, { ownGtins: [own, spare] });
  const product = await makeProduct(t.db, organisation.id, { gtin: own, name: 'Bưởi Tân Triều' });
  return { organisation, product, spare };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => {
  // the program was built without receivers (none configured); this one stands in for the hub
  receiver = new RecordingReceiver();
  setReceivers([receiver]);
  ahead = 0;
});

describe('the outbox is written in the transaction of the change', () => {
  it('an approval queues the approved version; a rolled-back approval queues nothing', async () => {
    const { product, organisation, spare } = await organisationWithProduct();
    const [row] = await outbox(product.id);
    expect(row).toMatchObject({
      key: `product:${product.id}:1`,
      version: 1,
      action: 'upsert',
      state: 'queued',
    });
    expect(row.item.payload).toMatchObject({ name: 'Bưởi Tân Triều', organisationId: organisation.id });
    expect(row.item.payload).not.toHaveProperty('reviewNote');

    const draft = await makeProduct(t.db, organisation.id, { gtin: spare, draft: true });
    await setReviewStatus(t.db, { entity: 'product', id: draft.id, status: 'submitted', actor: adminActor });
    await expect(
      t.db.transaction(async (tx) => {
        await setReviewStatus(tx, { entity: 'product', id: draft.id, status: 'approved', actor: adminActor });
        throw new Error('the approval fails after it was written');
      }),
    ).rejects.toThrow('fails after');
    expect(await outbox(draft.id)).toEqual([]);
  });

  it('nothing is queued for a receiver that does not take the kind, nor when no receiver is configured', async () => {
    setReceivers([]);
    const { product } = await organisationWithProduct();
    expect(await outbox(product.id)).toEqual([]);
  });

  it('a record its receiver refuses in advance is held with the reasons, never sent', async () => {
    receiver.refuseInCheck = (item) =>
      item.kind === 'product'
        ? [
            {
              vi: 'Cổng quốc gia không tải được ảnh sản phẩm.',
              en: 'Image not fetchable.',
              field: 'images.0',
            },
          ]
        : [];
    const { product } = await organisationWithProduct();
    const [row] = await outbox(product.id);
    expect(row.state).toBe('held');
    expect(row.reasons[0].vi).toBe('Cổng quốc gia không tải được ảnh sản phẩm.');
    await worker().runOnce();
    expect(receiver.received.map((i) => i.recordId)).not.toContain(product.id);
  });
});

describe('the worker', () => {
  it('delivers each key once: an event captured twice is queued once, and confirmed rows are not sent again', async () => {
    const { organisation } = await organisationWithProduct();
    const eventID = `urn:uuid:${crypto.randomUUID()}`;
    const document = epcisDocument([objectEvent('twice-1', { eventID })]);
    await captureEpcisDocument(t.db, document, { organisationId: organisation.id });
    await captureEpcisDocument(t.db, document, { organisationId: organisation.id });
    expect((await outbox(eventID)).map((r) => r.key)).toEqual([`event:${eventID}:1`]);

    const w = worker();
    await w.runOnce();
    await w.runOnce();
    const sent = receiver.received.filter((i) => i.recordId === eventID);
    expect(sent).toHaveLength(1);
    expect(sent[0].payload).toMatchObject({ eventID, type: 'ObjectEvent', bizStep: 'shipping' });
    expect(sent[0].payload?.['@context']).toBeDefined();
    expect((await outbox(eventID))[0]).toMatchObject({ state: 'confirmed', attempts: 1 });
  });

  it('a receiver that is down: tried again later with backoff, then confirmed', async () => {
    const { product } = await organisationWithProduct();
    receiver.down = true;
    const w = worker();
    await w.runOnce();
    let [row] = await outbox(product.id);
    expect(row).toMatchObject({ state: 'queued', attempts: 1 });
    expect(row.reasons[0].vi).toBe('Nơi nhận thử đang tắt.');
    // the first retry waits the base delay (jitter drawn at its top here)
    expect(waitOf(row)).toBeGreaterThan(minutes(1) - 1000);
    expect(waitOf(row)).toBeLessThanOrEqual(minutes(1));

    await w.runOnce();
    expect((await outbox(product.id))[0].attempts).toBe(1); // not due yet: nothing claimed
    later(minutes(1));
    await w.runOnce();
    [row] = await outbox(product.id);
    expect(row.attempts).toBe(2);
    expect(waitOf(row)).toBeGreaterThan(minutes(2) - 1000); // doubled
    expect(waitOf(row)).toBeLessThanOrEqual(minutes(2));

    receiver.down = false;
    later(minutes(2));
    await w.runOnce();
    [row] = await outbox(product.id);
    expect(row).toMatchObject({ state: 'confirmed', attempts: 3, reasons: null });
  });

  it('parks a row as failed after the last try, with the receiver reason in words', async () => {
    const { product } = await organisationWithProduct();
    receiver.down = true;
    const w = worker({ maxAttempts: 2 });
    await w.runOnce();
    later(minutes(1));
    await w.runOnce();
    const [row] = await outbox(product.id);
    expect(row).toMatchObject({ state: 'failed', attempts: 2 });
    expect(row.reasons[0].vi).toBe('Nơi nhận thử đang tắt.');
    later(minutes(600));
    receiver.down = false;
    await w.runOnce();
    expect((await outbox(product.id))[0].state).toBe('failed'); // parked stays parked
  });

  it('a receiver refusing an item parks it at once, the rest of the batch confirmed', async () => {
    const { product, organisation } = await organisationWithProduct();
    receiver.refusedKeys.add(`product:${product.id}:1`);
    await worker().runOnce();
    const [row] = await outbox(product.id);
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.reasons[0]).toMatchObject({ vi: 'Số kiểm tra của mã GTIN không đúng.', field: 'gtin' });
    expect((await outbox(organisation.id))[0].state).toBe('confirmed');
  });

  it('a crash loses nothing: rows claimed by a worker that died are taken again once its lease runs out', async () => {
    const { product } = await organisationWithProduct();
    // a worker claims the rows, then dies before the receiver answers
    const dead = await claimRows(t.db, {
      receiver: receiver.id,
      batch: 1000,
      claim: crypto.randomUUID(),
      at: now(),
      leaseUntil: new Date(clock.getTime() + minutes(2)),
    });
    expect(dead.map((r) => r.item.recordId)).toContain(product.id);
    expect((await outbox(product.id))[0].state).toBe('sent');
    const w = worker();
    await w.runOnce();
    expect(receiver.received).toEqual([]); // the lease still holds
    later(minutes(3));
    await w.runOnce();
    expect(receiver.received.filter((i) => i.recordId === product.id)).toHaveLength(1);
    expect((await outbox(product.id))[0].state).toBe('confirmed');
  });

  it('two workers at once hand each row over once', async () => {
    const { organisation } = await organisationWithProduct();
    const ids = Array.from({ length: 60 }, () => `urn:uuid:${crypto.randomUUID()}`);
    const events = ids.map((eventID, i) => objectEvent(`pair-${i}`, { eventID }));
    await captureEpcisDocument(t.db, epcisDocument(events), { organisationId: organisation.id });
    const options = { maxAttempts: 3, batchSize: 7, now };
    const a = createSyncWorker(t.db, [receiver], options);
    const b = createSyncWorker(t.db, [receiver], options);
    await Promise.all([a.runOnce(), b.runOnce()]);
    const keys = receiver.received.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of ids) expect(keys).toContain(`event:${id}:1`);
    expect(receiver.batches.every((batch) => batch.length <= 7)).toBe(true);
  });

  it('starts, wakes when something is queued, and stops cleanly', async () => {
    const w = createSyncWorker(t.db, [receiver], { maxAttempts: 3, pollMs: 60_000 });
    w.start();
    const { product } = await organisationWithProduct();
    await expect.poll(async () => (await outbox(product.id))[0]?.state, { timeout: 5000 }).toBe('confirmed');
    await w.stop();
  });
});

describe('what is sent is what was approved', () => {
  it('an edit waiting for review is not sent; re-approval sends the next version with the new data', async () => {
    const { product, organisation } = await organisationWithProduct();
    const owner = t.as({ role: 'org_owner', organisationIds: [organisation.id] });
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/products/${product.id}`,
      headers: owner,
      payload: { name: 'Bưởi Tân Triều loại một' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await outbox(product.id)).map((r) => r.version)).toEqual([1]);
    await worker().runOnce();
    expect(receiver.received.find((i) => i.recordId === product.id)?.payload?.name).toBe('Bưởi Tân Triều');

    await setReviewStatus(t.db, {
      entity: 'product',
      id: product.id,
      status: 'submitted',
      actor: adminActor,
    });
    expect((await outbox(product.id)).map((r) => r.version)).toEqual([1]);
    await setReviewStatus(t.db, { entity: 'product', id: product.id, status: 'approved', actor: adminActor });
    const rows = await outbox(product.id);
    expect(rows.map((r) => [r.key, r.state])).toEqual([
      [`product:${product.id}:1`, 'confirmed'],
      [`product:${product.id}:2`, 'queued'],
    ]);
    await worker().runOnce();
    const sent = receiver.received.filter((i) => i.recordId === product.id);
    expect(sent.map((i) => [i.version, i.payload?.name])).toEqual([
      [1, 'Bưởi Tân Triều'],
      [2, 'Bưởi Tân Triều loại một'],
    ]);
  });

  it('a version not yet sent gives way to the newer approved one', async () => {
    const { product } = await organisationWithProduct();
    await setReviewStatus(t.db, {
      entity: 'product',
      id: product.id,
      status: 'submitted',
      actor: adminActor,
    });
    await setReviewStatus(t.db, { entity: 'product', id: product.id, status: 'approved', actor: adminActor });
    expect((await outbox(product.id)).map((r) => [r.version, r.state])).toEqual([
      [1, 'replaced'],
      [2, 'queued'],
    ]);
    await worker().runOnce();
    expect(receiver.received.filter((i) => i.recordId === product.id).map((i) => i.version)).toEqual([2]);
  });

  it('a withdrawal is sent as such, with the reason and the version last approved', async () => {
    const { product } = await organisationWithProduct();
    await withdrawPublication(t.db, {
      entity: 'product',
      id: product.id,
      reason: 'Ảnh sản phẩm không đúng thực tế',
      actor: adminActor,
    });
    await worker().runOnce();
    const withdrawal = receiver.received.find((i) => i.key === `product:${product.id}:2`);
    expect(withdrawal).toMatchObject({
      action: 'withdraw',
      reason: 'Ảnh sản phẩm không đúng thực tế',
      payload: { name: 'Bưởi Tân Triều' },
    });
  });

  it('a lot recalled is sent as a withdrawal; put on hold, as a new version', async () => {
    const { product } = await organisationWithProduct();
    const lot = await makeLot(t.db, { productId: product.id, lot: 'THU-01' });
    const w = worker();
    await w.runOnce();
    await setLotStatus(t.db, lot.id, { status: 'on_hold', note: 'Chờ kết quả kiểm nghiệm' }, adminActor);
    await w.runOnce();
    await setLotStatus(
      t.db,
      lot.id,
      { status: 'recalled', note: 'Dư lượng thuốc bảo vệ thực vật' },
      adminActor,
    );
    await w.runOnce();
    const sent = receiver.received.filter((i) => i.recordId === lot.id);
    expect(sent.map((i) => [i.version, i.action, i.payload?.status])).toEqual([
      [1, 'upsert', 'active'],
      [2, 'upsert', 'on_hold'],
      [3, 'withdraw', 'recalled'],
    ]);
    expect(sent[2].reason).toBe('Dư lượng thuốc bảo vệ thực vật');
  });

  it('an error declaration withdraws the event it declares wrong', async () => {
    const { organisation } = await organisationWithProduct();
    const eventID = `urn:uuid:${crypto.randomUUID()}`;
    await captureEpcisDocument(t.db, epcisDocument([objectEvent('err-1', { eventID })]), {
      organisationId: organisation.id,
    });
    const declaration = objectEvent('err-1', {
      eventID,
      errorDeclaration: { declarationTime: '2024-05-02T08:00:00.000+07:00', reason: 'incorrect_data' },
    });
    await captureEpcisDocument(t.db, epcisDocument([declaration]), { organisationId: organisation.id });
    await worker().runOnce();
    const sent = receiver.received.filter((i) => i.recordId === eventID);
    expect(sent.map((i) => [i.key, i.action, i.reason])).toEqual([
      [`event:${eventID}:1`, 'upsert', null],
      [`event:${eventID}:2`, 'withdraw', 'incorrect_data'],
    ]);
  });
});
