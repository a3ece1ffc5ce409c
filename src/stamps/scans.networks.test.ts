import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../platform/index.ts';
import { openTestDatabase } from '../test/index.ts';
import type { BufferedScan } from './scans.buffer.ts';
import { ScanLedger, scansNotices } from './scans.ledger.ts';
import { NetworkScans } from './scans.networks.ts';
import { execute } from './stamps.repo.ts';

// The per-network cap's counts held in the process (decision 069): loaded once, then kept from every written scan
// announced and this process's own; the same answers as the table's read, null whenever it cannot know.

let database: Database;
const hour = 3_600_000;
const limits = { networkCap: 3, networkCapHours: 24 };
const none = () => [] as BufferedScan[];

async function scans(network: string, hoursAgo: number[]): Promise<number[]> {
  const ids: number[] = [];
  for (const h of hoursAgo) {
    const { rows } = await execute(
      database.db,
      sql`INSERT INTO stamp_scans (gtin, serial, network, at)
        VALUES ('08930000000019', 1, ${network}, ${new Date(Date.now() - h * hour)}) RETURNING id`,
    );
    ids.push(Number(rows[0].id));
  }
  return ids;
}

/** The table's answer, as the page read it before (`readNetworkScans` without exclusions). */
async function fromTable(network: string, since: number, cap: number) {
  const { rows } = await execute(
    database.db,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM stamp_scans WHERE network = ${network}
      AND at >= ${new Date(since)} LIMIT ${cap}) capped`,
  );
  return Number(rows[0].n);
}

async function loaded(networks: NetworkScans, held = none) {
  expect(networks.count('any', Date.now() - hour, limits, held)).toBeNull(); // the first question starts the load
  for (let i = 0; i < 200 && !networks.ready; i++) await new Promise((r) => setTimeout(r, 10));
  expect(networks.ready).toBe(true);
  return networks;
}

const buffered = (id: number, network: string, at = Date.now()): BufferedScan => ({
  id,
  gtin: '08930000000019',
  serial: 1,
  network,
  at: new Date(at),
  latitude: null,
  longitude: null,
});

beforeAll(async () => {
  database = await openTestDatabase();
  await scans('net-full', [1, 2, 3, 4, 5]); // five in the window: at the cap of 3
  await scans('net-under', [1, 2, 30, 40]); // two in the window, two before it
  await scans('net-edge', [0.5, 10, 23.5]);
  await scans('net-old', [25, 48]); // none in the window
});
afterAll(async () => {
  await database?.close();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the per-network cap's counts held in the process", () => {
  it("gives the table's answer for every network and window, up to the cap", async () => {
    const networks = await loaded(new NetworkScans(database.db));
    expect(networks.size).toBe(3); // net-old has nothing in the window
    for (const network of ['net-full', 'net-under', 'net-edge', 'net-old', 'net-never'])
      for (const h of [24, 12, 2.5, 1.5, 0.25]) {
        const since = Date.now() - h * hour;
        expect(networks.count(network, since, limits, none), `${network} since ${h} h`).toBe(
          await fromTable(network, since, limits.networkCap),
        );
      }
  });

  it("counts this process's scans and every announced one once, also those heard while it loads", async () => {
    const [inTable] = await scans('net-busy', [0.1]);
    const { rows } = await execute(
      database.db,
      sql`SELECT (extract(epoch FROM at) * 1000)::bigint AS at FROM stamp_scans WHERE id = ${inTable}`,
    );
    const inTableAt = Number(rows[0].at); // a scan heard again carries the time it was stored with
    const networks = new NetworkScans(database.db);
    const heldAtStart = buffered(900_000_001, 'net-mine');
    expect(networks.count('net-busy', Date.now() - hour, limits, () => [heldAtStart])).toBeNull();
    // heard while the load runs: a scan the load reads too, and one written after its snapshot
    networks.add('net-busy', inTable, inTableAt);
    const written = Date.now();
    networks.add('net-busy', 900_000_002, written);
    for (let i = 0; i < 200 && !networks.ready; i++) await new Promise((r) => setTimeout(r, 10));
    expect(networks.count('net-busy', Date.now() - hour, limits, none)).toBe(2);
    networks.add('net-busy', 900_000_002, written); // its own process's flush announces it again
    expect(networks.count('net-busy', Date.now() - hour, limits, none)).toBe(2);
    // a scan this process held, unwritten, when the load began
    expect(networks.count('net-mine', Date.now() - hour, limits, none)).toBe(1);
    // past the cap the answer stays the cap
    networks.add('net-busy', 900_000_003, Date.now());
    networks.add('net-busy', 900_000_004, Date.now());
    expect(networks.count('net-busy', Date.now() - hour, limits, none)).toBe(3);
  });

  it("takes another process's writes from the scans channel's lines, through the ledger", async () => {
    const ledger = new ScanLedger(database.db);
    ledger.setListening(true);
    const since = Date.now() - hour;
    expect(ledger.networkScans('net-far', since, limits, none)).toBeNull();
    for (let i = 0; i < 200 && !ledger.networks.ready; i++) await new Promise((r) => setTimeout(r, 10));
    for (const payload of scansNotices([buffered(900_000_011, 'net-far'), buffered(900_000_012, 'net-far')]))
      ledger.apply(payload);
    expect(ledger.networkScans('net-far', since, limits, none)).toBe(2);
    ledger.add(buffered(900_000_013, 'net-far')); // this process's own, counted as it is buffered
    expect(ledger.networkScans('net-far', since, limits, none)).toBe(3);
    // '*' (and losing the channel) forgets it all: the table answers until it is loaded again
    ledger.apply('*');
    expect(ledger.networkScans('net-far', since, limits, none)).toBeNull();
    ledger.setListening(false);
    expect(ledger.networks.ready).toBe(false);
  });

  it('lets the least recently scanned networks go beyond its bound, and then reads those it does not hold', async () => {
    const networks = await loaded(new NetworkScans(database.db, { maxNetworks: 3 }));
    // loaded oldest first, each network going last when it scans again: net-full (newest scan an hour ago) went
    // when net-busy came; net-busy came after it, so it might be a network let go and is not trusted before its time
    expect(networks.size).toBe(3);
    expect(networks.count('net-under', Date.now() - 24 * hour, limits, none)).toBe(2);
    expect(networks.count('net-edge', Date.now() - 24 * hour, limits, none)).toBe(3);
    expect(networks.count('net-busy', Date.now() - 24 * hour, limits, none)).toBeNull();
    expect(networks.count('net-full', Date.now() - 24 * hour, limits, none)).toBeNull();
    expect(networks.count('net-never', Date.now() - 24 * hour, limits, none)).toBeNull();
    // once the scans of every network let go have left the window, a network not held has none in it
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 25 * hour });
    expect(networks.count('net-never', Date.now() - 24 * hour, limits, none)).toBe(0);
    expect(networks.size).toBe(0); // and those held are gone with their window
  });

  it('loads again for a larger cap or a longer window, and 5 s after a failed load', async () => {
    const networks = await loaded(new NetworkScans(database.db));
    expect(networks.count('net-full', Date.now() - 24 * hour, limits, none)).toBe(3);
    const wider = { networkCap: 10, networkCapHours: 24 };
    expect(networks.count('net-full', Date.now() - 24 * hour, wider, none)).toBeNull();
    for (let i = 0; i < 200 && !networks.ready; i++) await new Promise((r) => setTimeout(r, 10));
    expect(networks.count('net-full', Date.now() - 24 * hour, wider, none)).toBe(5);

    const client = (database.db as unknown as { $client: { query: (...a: unknown[]) => Promise<unknown> } })
      .$client;
    vi.spyOn(client, 'query').mockRejectedValueOnce(new Error('the database went away'));
    const failing = new NetworkScans(database.db);
    expect(failing.count('net-full', Date.now() - hour, limits, none)).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(failing.ready).toBe(false);
    vi.restoreAllMocks();
    // not at once: a question within 5 s of the failure is answered by the table without loading
    expect(failing.count('net-full', Date.now() - hour, limits, none)).toBeNull();
    await new Promise((r) => setTimeout(r, 50));
    expect(failing.ready).toBe(false);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6_000 });
    await loaded(failing); // a question after that loads again
    expect(failing.count('net-full', Date.now() - 24 * hour, limits, none)).toBe(3);
  });
});
