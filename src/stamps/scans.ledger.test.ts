import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, makeStampedProduct, type TestApp } from '../test/index.ts';
import { type ScanBuffer, startScanBuffer, stopScanBuffer } from './scans.buffer.ts';
import { ScanLedger, scanLedgerFor, scansChannel, scansNotices } from './scans.ledger.ts';
import { readStoredScans } from './scans.repo.ts';
import { checkScan, shareScanLocation } from './scans.service.ts';
import { execute } from './stamps.repo.ts';

// The stamp's scan statistics held in the process (decision 062): the same figures as a read of the table, another
// process's scans once written, a scan counted once however often it is announced.

let t: TestApp;
let f: Awaited<ReturnType<typeof makeStampedProduct>>;
let buffer: ScanBuffer;
let stopListening: () => Promise<void>;
/** A second process's ledger on the same database, hearing the same channel. */
let other: ScanLedger;
const limits = {
  windowHours: 72,
  busyScans: 30,
  busyNetworks: 6,
  repeatMinutes: 60,
  networkCap: 30,
  networkCapHours: 24,
  travelKm: 150,
  travelKmh: 200,
  nearKm: 30,
};

/** Subscribes to the scans channel: PGlite's own listen, or a connection of its own on PostgreSQL. */
async function listen(onPayload: (payload: string) => void): Promise<() => Promise<void>> {
  const client = (t.db as unknown as { $client: Record<string, any> }).$client;
  if (typeof client.listen === 'function') return client.listen(scansChannel, onPayload);
  const listener = new pg.Client({ connectionString: client.options.connectionString });
  await listener.connect();
  listener.on('notification', (n) => n.channel === scansChannel && onPayload(n.payload ?? '*'));
  await listener.query(`LISTEN ${scansChannel}`);
  return () => listener.end();
}

beforeAll(async () => {
  t = await createTestApp();
  f = await makeStampedProduct(t);
  buffer = startScanBuffer(t.db, { intervalMs: 200 });
  const mine = scanLedgerFor(t.db);
  mine.setListening(true);
  other = new ScanLedger(t.db);
  other.setListening(true);
  stopListening = await listen((payload) => {
    mine.apply(payload);
    other.apply(payload);
  });
});
afterAll(async () => {
  await stopListening?.();
  if (t) await stopScanBuffer(t.db);
  await t?.close();
});

const stamp = (serial: number, network: string) => ({ gtin: f.producer.gtin, serial, network });

const scan = (serial: number, ip: string) =>
  checkScan(
    t.db,
    {
      gtin: f.producer.gtin,
      stamp: { status: 'active', serial, organisationId: null, lot: null, lotMismatch: false },
      printedLot: null,
      ip,
      expected: async () => [],
    },
    limits,
  );

/** What the table holds once everything is written: the figures the page showed before the ledger. */
async function fromTable(serial: number) {
  await buffer.flush();
  const s = await readStoredScans(t.db, stamp(serial, 'none'), limits, []);
  return {
    total: s.total,
    firstAt: s.firstAt,
    recent: s.recent,
    recentNetworks: s.recentNetworks.length,
    recentPlaces: s.recentPlaces.length,
    located: s.located,
  };
}

const withoutRepeat = ({ repeated: _r, ...rest }: Awaited<ReturnType<ScanLedger['stats']>>) => rest;

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('not in time');
}

describe('scan statistics held in the process', () => {
  it('gives the figures of the table: old scans, scans in and out of the window, located ones', async () => {
    const serial = f.activeSerial;
    // history written before the process held the stamp: two months ago, yesterday (located), an hour ago
    await execute(
      t.db,
      sql`INSERT INTO stamp_scans (gtin, serial, network, latitude, longitude, at) VALUES
        (${f.producer.gtin}, ${serial}, 'net-a', NULL, NULL, now() - interval '60 days'),
        (${f.producer.gtin}, ${serial}, 'net-b', '21.03', '105.85', now() - interval '1 day'),
        (${f.producer.gtin}, ${serial}, 'net-c', NULL, NULL, now() - interval '1 hour')`,
    );
    const first = await scan(serial, '198.51.100.1');
    expect(first.stats.counted).toBe(true);
    expect(first.stats.total).toBe(4);
    const second = await scan(serial, '192.0.2.1');
    expect(await shareScanLocation(t.db, second.scan!.id, second.scan!.token, 10.03, 105.78)).toBe(true);
    const again = await scan(serial, '198.51.100.9'); // the same /24 as the first, within the repeat window
    expect(again.stats.counted).toBe(false);
    const held = withoutRepeat(await scanLedgerFor(t.db).stats(stamp(serial, 'x'), [], limits));
    expect(held).toEqual(await fromTable(serial));
    expect(held).toMatchObject({ total: 5, recent: 4, recentNetworks: 4, recentPlaces: 2 });
    // a fresh ledger reads the same from the database
    const fresh = new ScanLedger(t.db);
    fresh.setListening(true);
    expect(withoutRepeat(await fresh.stats(stamp(serial, 'x'), [], limits))).toEqual(held);
  });

  it("sees another process's scans once written, and a location shared on a written scan", async () => {
    const serial = f.activeSerial + 1;
    expect((await other.stats(stamp(serial, 'x'), [], limits)).total).toBe(0);
    const first = await scan(serial, '203.0.113.5');
    await buffer.flush();
    await until(async () => (await other.stats(stamp(serial, 'x'), [], limits)).total === 1);
    // the location comes after the row was written: the update announces it
    expect(await shareScanLocation(t.db, first.scan!.id, first.scan!.token, 21.03, 105.85)).toBe(true);
    await until(async () => (await other.stats(stamp(serial, 'x'), [], limits)).recentPlaces === 1);
    const seen = await other.stats(stamp(serial, '203.0.113.0'), [], limits);
    expect(withoutRepeat(seen)).toEqual(await fromTable(serial));
    // the other process's repeat gate sees this one's scan
    const net = (await execute(t.db, sql`SELECT network FROM stamp_scans WHERE id = ${first.scan!.id}`))
      .rows[0].network as string;
    expect((await other.stats(stamp(serial, net), [], limits)).repeated).toBe(true);
  });

  it('counts a scan once however often it is announced, also while the stamp is first read', async () => {
    const serial = f.activeSerial + 2;
    await execute(
      t.db,
      sql`INSERT INTO stamp_scans (id, gtin, serial, network, at) OVERRIDING SYSTEM VALUE
          VALUES (nextval(pg_get_serial_sequence('stamp_scans', 'id')), ${f.producer.gtin}, ${serial}, 'net-w', now())`,
    );
    const [written] = (
      await execute(
        t.db,
        sql`SELECT id, network, at FROM stamp_scans WHERE gtin = ${f.producer.gtin} AND serial = ${serial}`,
      )
    ).rows as { id: number; network: string; at: Date }[];
    const ledger = new ScanLedger(t.db);
    ledger.setListening(true);
    const row = (id: number, network: string, at: Date) => ({
      id: Number(id),
      gtin: f.producer.gtin,
      serial,
      network,
      at: new Date(at),
      latitude: null,
      longitude: null,
    });
    const announced = scansNotices([
      row(written.id, written.network, written.at),
      row(9_000_000_001, 'net-n', new Date()),
    ]);
    // the first read is under way when both are announced: one is in what it reads, the other is not
    const reading = ledger.stats(stamp(serial, 'x'), [], limits);
    for (const p of announced) ledger.apply(p);
    expect((await reading).total).toBe(2);
    for (const p of announced) ledger.apply(p);
    expect((await ledger.stats(stamp(serial, 'x'), [], limits)).total).toBe(2);
    // announced again with a time older than what was read: it cannot be told apart, so the stamp is read again
    ledger.apply(scansNotices([row(9_000_000_002, 'net-o', new Date(Date.now() - 30 * 86_400_000))])[0]);
    expect((await ledger.stats(stamp(serial, 'x'), [], limits)).total).toBe(1);
  });

  it("keeps the window's figures as its start moves on, and recounts if the clock goes back", async () => {
    const serial = f.activeSerial + 3;
    const edge = new Date(Date.now() - limits.windowHours * 3_600_000 + 5_000);
    await execute(
      t.db,
      sql`INSERT INTO stamp_scans (gtin, serial, network, latitude, longitude, at) VALUES
        (${f.producer.gtin}, ${serial}, 'net-edge', '21.03', '105.85', ${edge}),
        (${f.producer.gtin}, ${serial}, 'net-now', '10.03', '105.78', now())`,
    );
    const ledger = new ScanLedger(t.db);
    ledger.setListening(true);
    const now = Date.now();
    const at = async (ms: number) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(ms);
      try {
        return withoutRepeat(await ledger.stats(stamp(serial, 'x'), [], limits));
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await at(now)).toMatchObject({ total: 2, recent: 2, recentNetworks: 2, recentPlaces: 2 });
    const later = await at(now + 10_000);
    expect(later).toMatchObject({ total: 2, recent: 1, recentNetworks: 1, recentPlaces: 1 });
    expect(later.located.map((s) => s.network)).toEqual(['net-now']);
    expect(await at(now)).toMatchObject({ recent: 2, recentNetworks: 2, recentPlaces: 2 });
  });

  it('holds nothing while the channel is not heard', async () => {
    const ledger = new ScanLedger(t.db);
    ledger.setListening(true);
    await ledger.stats(stamp(f.activeSerial, 'x'), [], limits);
    expect(ledger.size).toBe(1);
    ledger.setListening(false);
    expect(ledger.size).toBe(0);
    expect(ledger.active).toBe(false);
  });

  it('splits the announcement of a large batch under the 8,000 bytes PostgreSQL allows', () => {
    const rows = Array.from({ length: 500 }, (_, k) => ({
      id: 1_000_000 + k,
      gtin: f.producer.gtin,
      serial: k,
      network: 'abcdefabcdefabcdefabcdef',
      at: new Date(),
      latitude: '21.03',
      longitude: '105.85',
    }));
    const payloads = scansNotices(rows);
    expect(payloads.length).toBeGreaterThan(1);
    expect(payloads.every((p) => Buffer.byteLength(p) < 8000)).toBe(true);
    expect(payloads.join('\n').split('\n')).toHaveLength(500);
  });
});
