import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/index.ts';
import { org, product, range, scan } from './checks.fixtures.ts';
import { cloneStamps } from './clone-stamps.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
const now = new Date('2026-12-05T10:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);

describe('cloned stamps check', () => {
  it("fires for a stamp scanned from 6 devices in a day and for today's impossible-travel suspicion", async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    await range(db, o, p.gtin, 1, 1000);
    for (let i = 0; i < 6; i++)
      await scan(db, { gtin: p.gtin, serial: 17, network: `net-${i}`, at: hoursAgo(i + 1) });
    await db.execute(sql`INSERT INTO stamp_suspicions (organisation_id, gtin, serial, kind, evidence, last_seen_at)
      VALUES (${o}, ${p.gtin}, 42, 'impossible_travel', '{"km": 300}'::jsonb, ${hoursAgo(2).toISOString()})`);
    const mine = (await cloneStamps.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toHaveLength(2);
    const busy = mine.find((f) => f.dedupeKey.includes(':busy:'));
    expect(busy?.subject).toEqual({
      type: 'stamp_range',
      organisationId: o,
      gtin: p.gtin,
      firstSerial: 17,
      lastSerial: 17,
    });
    expect(busy?.evidence).toMatchObject({ networks: 6, scans: 6 });
    expect(mine.find((f) => f.dedupeKey.includes(':suspicion:'))?.summary).toContain('cách xa nhau');
  });

  it('does not fire for a stamp scanned by 4 devices, scans older than a day, or a suspicion already closed', async () => {
    const db = t.db;
    const o = await org(db);
    const p = await product(db, o);
    await range(db, o, p.gtin, 1, 1000);
    for (let i = 0; i < 4; i++)
      await scan(db, { gtin: p.gtin, serial: 5, network: `net-${i}`, at: hoursAgo(i + 1) });
    for (let i = 0; i < 8; i++)
      await scan(db, { gtin: p.gtin, serial: 6, network: `old-${i}`, at: hoursAgo(30 + i) });
    await db.execute(sql`INSERT INTO stamp_suspicions (organisation_id, gtin, serial, kind, state, evidence)
      VALUES (${o}, ${p.gtin}, 7, 'revoked', 'closed', '{}'::jsonb)`);
    const mine = (await cloneStamps.run(db, { now })).filter((f) => f.subject.organisationId === o);
    expect(mine).toEqual([]);
  });
});
