import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../platform/index.ts';
import { createTestApp, gtin, makeOrganisation, makeProduct, type TestApp } from '../test/index.ts';
import { DeliveryError } from './delivery-error.ts';
import { setReceivers } from './outbox.ts';
import { type ItemOutcome, type Receiver, type SyncItem, syncKinds } from './receiver.ts';
import { createSyncWorker } from './worker.ts';

/** A receiver that is down until told otherwise, and keeps what it was handed. */
class SwitchableReceiver implements Receiver {
  readonly id = 'hub';
  readonly label = { vi: 'Trung tâm dữ liệu (hub TXNG)', en: 'TXNG hub' };
  readonly kinds = syncKinds;
  down = true;
  received: SyncItem[] = [];
  check() {
    return [];
  }
  async deliver(items: SyncItem[]): Promise<ItemOutcome[]> {
    if (this.down)
      throw new DeliveryError({
        vi: 'Không kết nối được tới trung tâm dữ liệu.',
        en: 'The hub could not be reached.',
      });
    this.received.push(...items);
    return items.map((i) => ({ key: i.key, status: 'confirmed' }));
  }
}

let t: TestApp;
let admin: Record<string, string>;
const receiver = new SwitchableReceiver();
let productId: string;

const get = (url: string, headers = admin) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers = admin) => t.app.inject({ method: 'POST', url, headers });

beforeAll(async () => {
  t = await createTestApp();
  admin = t.as({ role: 'dost_admin' });
  setReceivers([receiver]);
  const own = gtin();
  const organisation = await makeOrganisation(t.db, { ownGtins: [own] });
  productId = (await makeProduct(t.db, organisation.id, { gtin: own, name: 'Chôm chôm Long Khánh' })).id;
  // one try and the hub is down: everything is parked
  await createSyncWorker(t.db, [receiver], { maxAttempts: 1 }).runOnce();
});
afterAll(() => t.close());

async function rowOf() {
  const res = await get('/api/sync/outbox?kind=product');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((r: { label: string }) => r.label.includes('Chôm chôm')) as Record<
    string,
    any
  >;
}

describe('the outbox screen', () => {
  it('counts by receiver and state, with the oldest record not yet delivered', async () => {
    const res = await get('/api/sync/outbox/summary');
    expect(res.statusCode, res.body).toBe(200);
    const [hub] = res.json().receivers;
    expect(hub).toMatchObject({
      id: 'hub',
      label: 'Trung tâm dữ liệu (hub TXNG)',
      configured: true,
      counts: { failed: 2, queued: 0, confirmed: 0 },
    });
    expect(hub.oldestUndelivered.label).toMatch(/^Cơ sở /);
  });

  it('lists rows by state and kind, with the reason in words and no ids', async () => {
    const row = await rowOf();
    expect(row).toMatchObject({
      state: 'failed',
      attempts: 1,
      label: `Sản phẩm Chôm chôm Long Khánh (GTIN ${row.label.match(/\d{14}/)?.[0]})`,
      reasons: [{ text: 'Không kết nối được tới trung tâm dữ liệu.' }],
    });
    const queued = await get('/api/sync/outbox?state=queued');
    expect(queued.json()).toMatchObject({ items: [], total: 0 });
    const paged = await get('/api/sync/outbox?pageSize=1&page=2');
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);
  });

  it('retry sends a parked row again from the first try, and the audit log says who did it', async () => {
    const row = await rowOf();
    const res = await post(`/api/sync/outbox/${row.id}/retry`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'queued', attempts: 0 });
    receiver.down = false;
    await createSyncWorker(t.db, [receiver], { maxAttempts: 1 }).runOnce();
    expect(receiver.received.map((i) => i.recordId)).toEqual([productId]);
    expect((await rowOf()).state).toBe('confirmed');
    // a delivered row is not retried
    expect((await post(`/api/sync/outbox/${row.id}/retry`)).statusCode).toBe(409);
    const audit = (await t.db.execute(
      sql`SELECT action, entity_id, after FROM audit_log WHERE entity_type = 'sync_outbox'`,
    )) as unknown as { rows: Record<string, any>[] };
    expect(audit.rows).toContainEqual({
      action: 'retry',
      entity_id: String(row.id),
      after: { name: row.label, state: 'queued', attempts: 0 },
    });
    // the audit log says it in words
    const log = await get('/api/audit?pageSize=50');
    expect(log.statusCode, log.body).toBe(200);
    const entry = log.json().items.find((e: { action: string }) => e.action === 'retry');
    expect(entry.summary).toMatch(
      / gửi lại bản ghi gửi đi Sản phẩm Chôm chôm Long Khánh \(GTIN \d{14}\) lúc /,
    );
    expect(entry.changes).toContainEqual(
      expect.objectContaining({ label: 'Tình trạng', before: 'Không thành công', after: 'Chờ gửi' }),
    );
  });

  it('park stops a waiting row until it is retried by hand (audited); a parked row cannot be parked again', async () => {
    const organisationRow = (await get('/api/sync/outbox?kind=organisation')).json().items[0];
    expect((await post(`/api/sync/outbox/${organisationRow.id}/retry`)).statusCode).toBe(200);
    const parked = await post(`/api/sync/outbox/${organisationRow.id}/park`);
    expect(parked.statusCode, parked.body).toBe(200);
    expect(parked.json()).toMatchObject({
      state: 'failed',
      reasons: [{ text: 'Cán bộ Sở đã dừng gửi bản ghi này.' }],
    });
    expect((await post(`/api/sync/outbox/${organisationRow.id}/park`)).statusCode).toBe(409);
    expect((await post('/api/sync/outbox/999999/park')).statusCode).toBe(404);
    const audit = (await t.db.execute(
      sql`SELECT action FROM audit_log WHERE entity_type = 'sync_outbox' AND entity_id = ${String(organisationRow.id)}`,
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual(['retry', 'park']);
  });
});

describe('security: only the department admin sees and moves the outbox', () => {
  const outsiders: [string, Partial<Actor> & Pick<Actor, 'role'>][] = [
    [
      'an organisation owner',
      { role: 'org_owner', organisationIds: ['00000000-0000-4000-8000-000000000001'] },
    ],
    [
      'an organisation staff member',
      { role: 'org_staff', organisationIds: ['00000000-0000-4000-8000-000000000001'] },
    ],
    ['a reviewer of the department', { role: 'dost_reviewer' }],
    ['a sector officer', { role: 'sector_officer', sector: 'agriculture' }],
    ['an inspector', { role: 'inspector' }],
    ['an API key with the admin role', { role: 'dost_admin', kind: 'apiKey' }],
  ];

  it.each(outsiders)('should not let %s read the outbox nor retry or park a row', async (_who, actor) => {
    const headers = t.as(actor);
    for (const url of ['/api/sync/outbox/summary', '/api/sync/outbox'])
      expect((await get(url, headers)).statusCode).toBe(403);
    for (const verb of ['retry', 'park'])
      expect((await post(`/api/sync/outbox/1/${verb}`, headers)).statusCode).toBe(403);
  });

  it('should not let anyone signed out near the outbox', async () => {
    expect((await get('/api/sync/outbox', {})).statusCode).toBe(401);
    expect((await post('/api/sync/outbox/1/retry', {})).statusCode).toBe(401);
  });
});
