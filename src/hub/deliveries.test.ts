import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SyncItem, syncKey } from '../sync/index.ts';
import { createTestApp, gtin, type TestApp } from '../test/index.ts';
import { hubDeliveries, hubEvents, hubRecords } from './hub.schema.ts';

let t: TestApp;
const admin = () => t.as({ role: 'dost_admin' });

async function addNode(provinceCode: string, baseUrl = `https://txng-${provinceCode}.example.vn`) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/hub/nodes',
    headers: admin(),
    payload: { name: `Tỉnh ${provinceCode}`, provinceCode, baseUrl },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; key: string };
}

const deliver = (key: string | null, items: unknown[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/hub/deliveries',
    headers: key ? { authorization: `Bearer ${key}` } : {},
    payload: { items },
  });

function product(recordId: string, version: number, fields: Record<string, unknown> = {}): SyncItem {
  return {
    key: syncKey('product', recordId, version),
    kind: 'product',
    recordId,
    version,
    action: 'upsert',
    payload: { id: recordId, gtin: fields.gtin ?? gtin(), name: `Sầu riêng Ri6 v${version}`, ...fields },
    organisationId: '00000000-0000-4000-8000-000000000001',
  };
}
const withdrawal = (item: SyncItem, version = item.version): SyncItem => ({
  ...item,
  key: syncKey(item.kind, item.recordId, version),
  version,
  action: 'withdraw',
  payload: null,
  reason: 'Thu hồi phê duyệt',
});

let node: { id: string; key: string };
beforeAll(async () => {
  t = await createTestApp({ mode: 'hub' });
  node = await addNode('75');
});
afterAll(() => t?.close());

describe('POST /api/hub/deliveries', () => {
  it('answers 401 without a key and with a wrong one, before reading the body', async () => {
    expect((await deliver(null, [])).statusCode).toBe(401);
    const wrong = await deliver('txnghub_nope_nope', [product('p-x', 1)]);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(await t.db.select().from(hubRecords)).toHaveLength(0);
  });

  it('refuses a malformed body with a problem naming the field, and more than 1,000 items', async () => {
    const bad = await deliver(node.key, [{ ...product('p-bad', 1), version: 'two' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('/body/items/0/version');
    // in the field's own words, as every back office field is named
    expect(bad.json().errors[0].message).toMatch(/^Phiên bản/);
    const many = await deliver(
      node.key,
      Array.from({ length: 1001 }, (_, i) => product(`p-${i}`, 1)),
    );
    expect(many.statusCode).toBe(400);
  });

  it('stores items, answers one outcome per item in order, and applies a key seen before only once', async () => {
    const items = [product('p-1', 1), product('p-2', 1)];
    const first = await deliver(node.key, items);
    expect(first.statusCode).toBe(200);
    expect(first.json().results).toEqual(items.map((i) => ({ key: i.key, status: 'confirmed' })));
    const again = await deliver(node.key, items);
    expect(again.json().results.map((r: any) => r.status)).toEqual(['confirmed', 'confirmed']);
    const rows = await t.db.select().from(hubRecords);
    expect(rows.map((r) => r.recordId).sort()).toEqual(['p-1', 'p-2']);
    const log = await t.db.select().from(hubDeliveries);
    expect(log.at(-1)).toMatchObject({ items: 2, applied: 0, unchanged: 2 });
  });

  it('confirms an older version after a newer one without applying it, in one delivery or two', async () => {
    const code = gtin();
    await deliver(node.key, [product('p-3', 3, { gtin: code, name: 'Bưởi v3' })]);
    const older = await deliver(node.key, [product('p-3', 2, { gtin: code, name: 'Bưởi v2' })]);
    expect(older.json().results[0].status).toBe('confirmed');
    const inOne = await deliver(node.key, [
      product('p-4', 5, { name: 'Mít v5' }),
      product('p-4', 4, { name: 'Mít v4' }),
    ]);
    expect(inOne.json().results.map((r: any) => r.status)).toEqual(['confirmed', 'confirmed']);
    const rows = await t.db.select().from(hubRecords);
    expect(rows.find((r) => r.recordId === 'p-3')).toMatchObject({ version: 3, name: 'Bưởi v3' });
    expect(rows.find((r) => r.recordId === 'p-4')).toMatchObject({ version: 5, name: 'Mít v5' });
  });

  it('marks the hub’s copy withdrawn, keeping what it last showed, and an older upsert does not bring it back', async () => {
    const item = product('p-5', 1, { name: 'Thanh long' });
    await deliver(node.key, [item]);
    const res = await deliver(node.key, [withdrawal(item, 2)]);
    expect(res.json().results[0].status).toBe('confirmed');
    await deliver(node.key, [item]);
    const [row] = (await t.db.select().from(hubRecords)).filter((r) => r.recordId === 'p-5');
    expect(row).toMatchObject({ withdrawn: true, version: 2, name: 'Thanh long' });
    expect(row.withdrawalReason).toBe('Thu hồi phê duyệt');
  });

  it('withdraws an event at its own version (an event never changes), once', async () => {
    const event: SyncItem = {
      key: syncKey('event', 'ni:///sha-256;abc?ver=CBV2.0', 1),
      kind: 'event',
      recordId: 'ni:///sha-256;abc?ver=CBV2.0',
      version: 1,
      action: 'upsert',
      payload: {
        type: 'ObjectEvent',
        eventTime: '2026-12-01T02:00:00.000Z',
        recordTime: '2026-12-01T02:01:00.000Z',
        epcList: ['https://id.gs1.org/01/08936016000203/21/7'],
        quantityList: [{ epcClass: 'urn:epc:class:lgtin:8936016.000020.PH2606', quantity: 5 }],
      },
      organisationId: null,
    };
    expect((await deliver(node.key, [event])).json().results[0].status).toBe('confirmed');
    const [stored] = await t.db.select().from(hubEvents);
    expect(stored.goods.sort()).toEqual(['08936016000203', '08936016000203/PH2606']);
    await deliver(node.key, [withdrawal(event)]);
    await deliver(node.key, [event]);
    const [after] = await t.db.select().from(hubEvents);
    expect(after).toMatchObject({ withdrawn: true, goods: stored.goods });
    const log = await t.db.select().from(hubDeliveries);
    expect(log.find((l) => l.lagSeconds !== null)?.lagSeconds).toBeGreaterThan(0);
  });

  it('rejects an item it cannot take, with a reason in Vietnamese and English, and takes the rest', async () => {
    const good = product('p-6', 1);
    const badGtin = product('p-7', 1, { gtin: '08936016000204' });
    const badKey = { ...product('p-8', 1), key: 'product:p-8:9' };
    const res = await deliver(node.key, [badGtin, good, badKey]);
    const [a, b, c] = res.json().results;
    expect(a).toMatchObject({ key: badGtin.key, status: 'rejected', reason: { field: 'gtin' } });
    expect(a.reason.vi).toContain('GTIN');
    expect(a.reason.en).toContain('check digit');
    expect(b).toEqual({ key: good.key, status: 'confirmed' });
    expect(c.status).toBe('rejected');
    const ids = (await t.db.select().from(hubRecords)).map((r) => r.recordId);
    expect(ids).toContain('p-6');
    expect(ids).not.toContain('p-7');
  });

  it('security: one node’s key cannot withdraw another node’s records', async () => {
    const other = await addNode('79');
    const item = product('p-shared', 1, { name: 'Cà phê' });
    await deliver(node.key, [item]);
    const res = await deliver(other.key, [withdrawal(item, 2)]);
    expect(res.json().results[0].status).toBe('confirmed');
    const rows = (await t.db.select().from(hubRecords)).filter((r) => r.recordId === 'p-shared');
    const mine = rows.find((r) => r.nodeId === node.id)!;
    expect(mine).toMatchObject({ withdrawn: false, version: 1, name: 'Cà phê' });
    // the other node's withdrawal only marks a record of its own, never shown anywhere
    expect(rows.find((r) => r.nodeId === other.id)).toMatchObject({ withdrawn: true, payload: null });
  });
});
