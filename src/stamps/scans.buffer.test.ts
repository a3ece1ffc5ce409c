import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeStampedProduct, type TestApp } from '../test/index.ts';
import { ScanBuffer, scanBufferOf, startScanBuffer, stopScanBuffer } from './scans.buffer.ts';
import { rollUpScanDays, scanCounts } from './scans.rollup.ts';
import { execute } from './stamps.repo.ts';

// Scans written in batches (decision 055): the page counts what is not written yet, a stop writes everything.

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
});
afterAll(async () => {
  if (t) await stopScanBuffer(t.db);
  await t?.close();
});

const view = (serial: number, ip: string) =>
  t.app.inject({ method: 'GET', url: `/page${f.stampPath(serial)}`, headers: { 'x-forwarded-for': ip } });

const stored = async (first: number, last: number) =>
  (
    await execute(
      t.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM stamp_scans
          WHERE gtin = ${f.producer.gtin} AND serial BETWEEN ${first} AND ${last}`,
    )
  ).rows[0] as { n: number; ids: number };

describe('scans written in batches', () => {
  it('counts scans not written yet, and a stop writes every one of them', async () => {
    // a long interval: nothing is written until the buffer is full or stopped
    startScanBuffer(t.db, { intervalMs: 200, maxRows: 10_000 });
    const serial = f.activeSerial;
    const first = await view(serial, '198.51.100.1');
    expect(first.body).toContain('data-scan=');
    const second = await view(serial, '198.51.101.1');
    // the first scan is still in the buffer or just written: either way it is counted once
    expect(second.body).toMatch(/đã được quét 2 lần/);
    // many scans of many stamps from many networks, at once
    const serials = Array.from({ length: 20 }, (_, k) => f.activeSerial + 1 + k);
    const views = serials.flatMap((s, k) => Array.from({ length: 10 }, (_, n) => view(s, `10.${k}.${n}.1`)));
    const answers = await Promise.all(views);
    expect(answers.every((a) => a.statusCode === 200 && a.body.includes('data-scan='))).toBe(true);
    await stopScanBuffer(t.db);
    expect(scanBufferOf(t.db)).toBeNull();
    expect(await stored(serial, serial)).toEqual({ n: 2, ids: 2 });
    expect(await stored(serials[0], serials.at(-1)!)).toEqual({ n: 200, ids: 200 });
  });

  it('a scan written later still is counted by the roll-up and the live count', async () => {
    const before = await scanCounts(t.db, '2000-01-01', '2100-01-01');
    startScanBuffer(t.db);
    const serial = f.activeSerial + 30;
    for (let n = 0; n < 5; n++) await view(serial, `172.16.${n}.1`);
    await stopScanBuffer(t.db);
    await rollUpScanDays(t.db);
    const after = await scanCounts(t.db, '2000-01-01', '2100-01-01');
    expect(after.total - before.total).toBe(5);
  });

  it('the repeat and per-network rules see the scans not written yet', async () => {
    startScanBuffer(t.db, { intervalMs: 200, maxRows: 10_000 });
    const serial = f.activeSerial + 40;
    const once = await view(serial, '192.0.2.10');
    const again = await view(serial, '192.0.2.11'); // same /24 within the repeat window: not counted
    expect(once.body).toContain('data-scan=');
    expect(again.body).not.toContain('data-scan=');
    await stopScanBuffer(t.db);
    expect((await stored(serial, serial)).n).toBe(1);
  });

  it('ids come in blocks, and a block older than its age is not used any more', async () => {
    const buffer = new ScanBuffer(t.db, { blockSize: 5, blockMaxAgeMs: 50 });
    const a = await buffer.nextId();
    const b = await buffer.nextId();
    expect(b).toBeGreaterThan(a);
    await new Promise((r) => setTimeout(r, 80));
    const c = await buffer.nextId();
    // the rest of the first block (3 ids) was thrown away: the new id comes from a block taken just now
    expect(c).toBeGreaterThan(a + 4);
    await buffer.close();
  });

  it("one network's unwritten scans are those waiting and those being written from it, and no other's", async () => {
    const buffer = new ScanBuffer(t.db, { intervalMs: 200, log: () => {} });
    const gtin = f.producer.gtin;
    const scanFrom = async (network: string, serial: number) => {
      const row = {
        id: await buffer.nextId(),
        gtin,
        serial,
        network,
        at: new Date(),
        latitude: null,
        longitude: null,
      };
      buffer.add(row);
      return row.id;
    };
    const a = await scanFrom('net-a', f.activeSerial + 60);
    await scanFrom('net-b', f.activeSerial + 61);
    // a write under way: the first two are being written, a third waits
    const writing = buffer.flush();
    const c = await scanFrom('net-a', f.activeSerial + 62);
    expect(buffer.unwrittenFrom('net-a').map((s) => s.id)).toEqual([a, c]);
    expect(buffer.unwrittenFrom('net-c')).toEqual([]);
    await writing;
    expect(buffer.unwrittenFrom('net-a').map((s) => s.id)).toEqual([c]);
    await buffer.close();
    expect(buffer.unwrittenFrom('net-a')).toEqual([]);
  });

  it('a failed write is kept and written by the next one', async () => {
    const buffer = new ScanBuffer(t.db, { log: () => {} });
    const id = await buffer.nextId();
    const gtin = f.producer.gtin;
    const at = new Date();
    buffer.add({ id, gtin, serial: f.activeSerial + 50, network: 'n', at, latitude: null, longitude: null });
    // the same id and time again: the primary key refuses the whole statement
    buffer.add({ id, gtin, serial: f.activeSerial + 50, network: 'n', at, latitude: null, longitude: null });
    await expect(buffer.flush()).rejects.toThrow();
    expect(buffer.unwritten()).toHaveLength(2);
    (buffer as unknown as { pending: unknown[] }).pending = [];
    await buffer.close();
  });
});
