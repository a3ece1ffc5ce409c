import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { location, org, product, range, scan } from './checks.fixtures.ts';
import { outOfProvince } from './out-of-province.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const now = new Date('2026-12-05T10:00:00Z');
const at = new Date(now.getTime() - 3600_000);
const check = outOfProvince({ box: [106.6, 10.45, 107.65, 12.35], nearKm: 30, windowHours: 24 });
const hanoi = { latitude: 21.03, longitude: 105.85 };

describe('stamps scanned far outside the province check', () => {
  it('fires for stamps of a range scanned in Hà Nội when the product went nowhere near', async () => {
    const db = t.db;
    const o = await org(db);
    await location(db, o, 11.0, 107.0);
    const p = await product(db, o);
    const rangeId = await range(db, o, p.gtin, 1, 500);
    await scan(db, { gtin: p.gtin, serial: 3, network: 'a', at, ...hanoi });
    await scan(db, { gtin: p.gtin, serial: 4, network: 'b', at, ...hanoi });
    const mine = (await check.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toHaveLength(1);
    expect(mine[0].subject).toEqual({
      type: 'stamp_range',
      organisationId: o,
      gtin: p.gtin,
      firstSerial: 1,
      lastSerial: 500,
    });
    expect(mine[0].evidence).toMatchObject({ rangeId, scans: 2, serials: 2 });
  });

  it('does not fire inside the province, near a distributor it shipped to in Hà Nội, or without a location', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    await range(db, o, p.gtin, 1, 500);
    const shop = await org(db);
    await location(db, shop, 21.0, 105.8);
    await db.execute(sql`INSERT INTO shipments (sender_organisation_id, receiver_organisation_id, shipping_event_id, shipped_at, items, sources, destinations, biz_transactions)
      VALUES (${o}, ${shop}, ${`urn:uuid:${crypto.randomUUID()}`}, ${at.toISOString()},
        ${JSON.stringify([{ id: 'x', gtin: p.gtin, lot: 'L', quantity: 1, unit: 'KGM' }])}::jsonb, '[]', '[]', '[]')`);
    await scan(db, { gtin: p.gtin, serial: 3, network: 'a', at, latitude: 10.95, longitude: 106.85 });
    await scan(db, { gtin: p.gtin, serial: 4, network: 'b', at, ...hanoi });
    await scan(db, { gtin: p.gtin, serial: 5, network: 'c', at });
    const mine = (await check.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toEqual([]);
  });
});
