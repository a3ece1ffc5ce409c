import { sql } from 'drizzle-orm';
import type { Db } from '../platform/index.ts';
import type { BufferedScan } from './scans.buffer.ts';
import { type NetworkLimits, NetworkScans } from './scans.networks.ts';
import type { ScanStats } from './scans.repo.ts';
import { executePrepared } from './stamps.repo.ts';

export { scansChannel } from './scans.channel.ts';

/*
 * A stamp's scans held in the process (docs/decisions/062-scan-ledger.md), so the consumer page's verdict does not
 * aggregate every month of `stamp_scans` on every view. For each stamp it was asked about, the process reads once
 * the all-time count and first scan and the scans of the last `horizon` (the verdict's window, at least the repeat
 * window); from then on it adds its own counted scans as it buffers them, and every other process's as they are
 * written: the scan buffer's flush announces its rows on `txng_scans` in its own transaction, and a location shared
 * on a written scan announces itself the same way. So the statistics see what a read of the table would see, but
 * another process's scans a notification's delivery later than its commit (milliseconds; the commit itself is at most
 * 200 ms after the scan, as before).
 *
 * Held only while this process hears the channel (the resolver's LISTEN connection, decision 055): entering or
 * leaving that state drops everything, and meanwhile the statistics are read from the database as before. A stamp is
 * read again after `maxAgeMs` (a safety net for what no notification names: scans written by hand, a month detached),
 * and when a notification names one of its scans older than what is held (it cannot be told apart from one counted).
 */

interface HeldScan {
  id: number;
  network: string;
  at: number;
  latitude: string | null;
  longitude: string | null;
}

class StampScans {
  total = 0;
  firstAt: number | null = null;
  /** The scans since `from`, by id: a notification of one of them again (its own process's flush) is not counted twice. */
  readonly recent = new Map<number, HeldScan>();
  /** Additions that arrived while the first read was under way, merged after it. */
  waiting: HeldScan[] | null = [];
  ready: Promise<void> | null = null;
  stale = false;
  readonly seededAt = Date.now();
  readonly from: number;
  readonly horizonMs: number;
  // the verdict's window, kept as scans come and as its start moves on, so a view does not go over every scan:
  // `ordered[w..]` are the scans at or after `windowFrom`, and the counts are theirs
  private readonly ordered: HeldScan[] = [];
  private w = 0;
  private windowFrom = Number.NEGATIVE_INFINITY;
  private count = 0;
  private readonly networks = new Map<string, number>();
  private readonly places = new Map<string, number>();
  /** Each network's latest scan of the stamp (the repeat rule). */
  private readonly lastAt = new Map<string, number>();
  private readonly located: HeldScan[] = [];

  constructor(horizonMs: number) {
    this.horizonMs = horizonMs;
    this.from = this.seededAt - horizonMs;
  }

  add(scan: HeldScan) {
    if (this.waiting) {
      this.waiting.push(scan);
      return;
    }
    this.merge(scan);
  }

  /** A scan read by the first read: held, already in `total`. */
  hold(scan: HeldScan) {
    this.recent.set(scan.id, scan);
    let i = this.ordered.length;
    while (i > 0 && this.ordered[i - 1].at > scan.at) i--;
    this.ordered.splice(i, 0, scan);
    if (scan.at >= this.windowFrom) this.enter(scan);
    else this.w++;
    const last = this.lastAt.get(scan.network);
    if (last === undefined || scan.at > last) this.lastAt.set(scan.network, scan.at);
    if (scan.latitude !== null && scan.longitude !== null) this.located.push(scan);
  }

  merge(scan: HeldScan) {
    const known = this.recent.get(scan.id);
    if (known) {
      if (scan.latitude !== null && scan.longitude !== null)
        this.locate(scan.id, scan.latitude, scan.longitude);
      return;
    }
    // older than what was read: it may be among the counted ones; read the stamp again rather than guess
    if (scan.at < this.from) {
      this.stale = true;
      return;
    }
    this.hold(scan);
    this.total++;
    if (this.firstAt === null || scan.at < this.firstAt) this.firstAt = scan.at;
  }

  locate(id: number, latitude: string, longitude: string) {
    const pending = this.waiting?.find((s) => s.id === id);
    if (pending && pending.latitude === null) {
      pending.latitude = latitude;
      pending.longitude = longitude;
    }
    const known = this.recent.get(id);
    if (known && known.latitude === null) {
      known.latitude = latitude;
      known.longitude = longitude;
      this.located.push(known);
      if (known.at >= this.windowFrom) bump(this.places, `${latitude},${longitude}`, 1);
    }
  }

  private enter(s: HeldScan) {
    this.count++;
    bump(this.networks, s.network, 1);
    if (s.latitude !== null && s.longitude !== null) bump(this.places, `${s.latitude},${s.longitude}`, 1);
  }

  private leave(s: HeldScan) {
    this.count--;
    bump(this.networks, s.network, -1);
    if (s.latitude !== null && s.longitude !== null) bump(this.places, `${s.latitude},${s.longitude}`, -1);
  }

  /** Moves the window's start to `since` (forward as time passes; backward, a recount). */
  private advance(since: number) {
    if (since < this.windowFrom) {
      this.count = 0;
      this.networks.clear();
      this.places.clear();
      this.w = 0;
      this.windowFrom = Number.NEGATIVE_INFINITY;
      for (const s of this.ordered) this.enter(s);
    }
    while (this.w < this.ordered.length && this.ordered[this.w].at < since)
      this.leave(this.ordered[this.w++]);
    this.windowFrom = since;
  }

  /** The statistics at `since` (the window's start) for a view from `network`. */
  stats(network: string, since: number, repeatSince: number): LedgerStats {
    this.advance(since);
    const located = this.located
      .filter((s) => s.at >= since)
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .slice(0, 50)
      .map((s) => ({
        latitude: Number(s.latitude),
        longitude: Number(s.longitude),
        network: s.network,
        at: new Date(s.at),
      }));
    return {
      repeated: (this.lastAt.get(network) ?? Number.NEGATIVE_INFINITY) >= repeatSince,
      total: this.total,
      firstAt: this.firstAt === null ? null : new Date(this.firstAt),
      recent: this.count,
      recentNetworks: this.networks.size,
      recentPlaces: this.places.size,
      located,
    };
  }
}

function bump(counts: Map<string, number>, key: string, by: number) {
  const n = (counts.get(key) ?? 0) + by;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

export interface LedgerOptions {
  /** After this long a stamp is read from the database again (default 5 minutes). */
  maxAgeMs?: number;
  /** Most stamps held (default 20,000; the least recently asked goes first). */
  maxStamps?: number;
  /** Most networks held for the per-network cap (default 200,000; scans.networks.ts). */
  maxNetworks?: number;
}

export interface LedgerStats extends Omit<ScanStats, 'counted'> {
  /** The same network counted a scan of this stamp since `repeatSince`. */
  repeated: boolean;
}

export class ScanLedger {
  private readonly stamps = new Map<string, StampScans>();
  private listening = false;
  private readonly db: Db;
  private readonly maxAgeMs: number;
  private readonly maxStamps: number;
  /** The per-network cap's counts (decision 069), held under the same condition as the stamps. */
  readonly networks: NetworkScans;

  constructor(db: Db, opts: LedgerOptions = {}) {
    this.db = db;
    this.maxAgeMs = opts.maxAgeMs ?? 300_000;
    this.maxStamps = opts.maxStamps ?? 20_000;
    this.networks = new NetworkScans(db, { maxNetworks: opts.maxNetworks });
  }

  /** Whether the ledger may be used: only while this process hears `txng_scans`. */
  get active() {
    return this.listening;
  }

  /** Hearing the channel or not: either way what is held may have missed scans, so it goes. */
  setListening(on: boolean) {
    this.listening = on;
    this.stamps.clear();
    this.networks.reset();
  }

  /** How many stamps are held (metrics, tests). */
  get size() {
    return this.stamps.size;
  }

  /**
   * The stamp's statistics as of now, reading the database first if the stamp is not held. `held` are the scans
   * this process has not written yet (all stamps): the first read leaves them out and adds this stamp's from here.
   * A function is asked only for that first read (a view of a held stamp does not go over the process's buffer).
   */
  async stats(
    scan: { gtin: string; serial: number; network: string },
    held: BufferedScan[] | (() => BufferedScan[]),
    limits: { windowHours: number; repeatMinutes: number },
  ): Promise<LedgerStats> {
    const horizonMs = Math.max(limits.windowHours * 3_600_000, limits.repeatMinutes * 60_000) + 600_000;
    const key = `${scan.gtin}:${scan.serial}`;
    let entry = this.stamps.get(key);
    if (!entry || entry.stale || entry.horizonMs < horizonMs || Date.now() - entry.seededAt > this.maxAgeMs) {
      entry = new StampScans(horizonMs);
      if (this.stamps.size >= this.maxStamps) this.stamps.delete(this.stamps.keys().next().value!);
      this.stamps.delete(key);
      this.stamps.set(key, entry);
      entry.ready = this.seed(entry, scan, typeof held === 'function' ? held() : held);
      entry.ready.catch(() => {
        if (this.stamps.get(key) === entry) this.stamps.delete(key);
      });
    } else {
      // the most recently asked stays longest
      this.stamps.delete(key);
      this.stamps.set(key, entry);
    }
    await entry.ready;
    const now = Date.now();
    return entry.stats(
      scan.network,
      now - limits.windowHours * 3_600_000,
      now - limits.repeatMinutes * 60_000,
    );
  }

  private async seed(entry: StampScans, scan: { gtin: string; serial: number }, held: BufferedScan[]) {
    const seeded = await readScanSeed(
      this.db,
      scan,
      entry.from,
      held.map((s) => s.id),
    );
    entry.total = seeded.total;
    entry.firstAt = seeded.firstAt;
    for (const s of seeded.recent) entry.hold(s);
    const waiting = entry.waiting ?? [];
    entry.waiting = null;
    for (const s of held) if (s.gtin === scan.gtin && s.serial === scan.serial) entry.merge(fromBuffered(s));
    for (const s of waiting) entry.merge(s);
  }

  /** A scan this process counted (now in its buffer). */
  add(scan: BufferedScan) {
    this.stamps.get(`${scan.gtin}:${scan.serial}`)?.add(fromBuffered(scan));
    this.networks.add(scan.network, scan.id, scan.at.getTime());
  }

  /**
   * The network's counted scans of any stamp since `since`, up to the cap, this process's unwritten ones included;
   * null until the networks are loaded (the caller reads the table: `readNetworkScans`).
   */
  networkScans(
    network: string,
    since: number,
    limits: NetworkLimits,
    held: () => BufferedScan[],
  ): number | null {
    return this.networks.count(network, since, limits, held);
  }

  /** A location shared on one of this process's scans (the notification of a written one follows too). */
  locate(scan: { id: number; gtin: string; serial: number }, latitude: string, longitude: string) {
    this.stamps.get(`${scan.gtin}:${scan.serial}`)?.locate(scan.id, latitude, longitude);
  }

  /** A notification on `txng_scans` (scansNotice's lines), from any process, this one included. */
  apply(payload: string) {
    for (const line of payload.split('\n')) {
      const f = line.split(',');
      if (f[0] === 'S' && f.length === 8) {
        this.networks.add(f[4], Number(f[1]), Number(f[5]));
        const entry = this.stamps.get(`${f[2]}:${f[3]}`);
        entry?.add({
          id: Number(f[1]),
          network: f[4],
          at: Number(f[5]),
          latitude: f[6] === '' ? null : f[6],
          longitude: f[7] === '' ? null : f[7],
        });
      } else if (f[0] === 'L' && f.length === 6) {
        this.stamps.get(`${f[2]}:${f[3]}`)?.locate(Number(f[1]), f[4], f[5]);
      } else if (line === '*') {
        this.stamps.clear();
        this.networks.reset();
      }
    }
  }
}

const fromBuffered = (s: BufferedScan): HeldScan => ({
  id: s.id,
  network: s.network,
  at: s.at.getTime(),
  latitude: s.latitude,
  longitude: s.longitude,
});

/** The notification lines for written scans, each payload under PostgreSQL's 8,000 bytes. */
export function scansNotices(rows: BufferedScan[]): string[] {
  const payloads: string[] = [];
  let current = '';
  for (const s of rows) {
    const line = `S,${s.id},${s.gtin},${s.serial},${s.network},${s.at.getTime()},${s.latitude ?? ''},${s.longitude ?? ''}`;
    if (current && current.length + line.length + 1 > 7_500) {
      payloads.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) payloads.push(current);
  return payloads;
}

/** What a stamp's first read gives: the all-time count and first scan, and the scans since `from`. */
async function readScanSeed(
  db: Db,
  scan: { gtin: string; serial: number },
  from: number,
  exclude: number[],
): Promise<{ total: number; firstAt: number | null; recent: HeldScan[] }> {
  const ids = `{${exclude.join(',')}}`;
  const { rows } = await executePrepared(
    db,
    'txng_scan_seed',
    sql`SELECT count(*)::int AS total, min(at) AS first_at,
        array_agg(id || ',' || network || ',' || (extract(epoch FROM at) * 1000)::bigint || ',' ||
          coalesce(latitude, '') || ',' || coalesce(longitude, ''))
          FILTER (WHERE at >= ${new Date(from)}) AS recent
      FROM stamp_scans WHERE gtin = ${scan.gtin} AND serial = ${scan.serial} AND id <> ALL(${ids}::bigint[])`,
  );
  const r = rows[0];
  const recent: string[] = Array.isArray(r.recent) ? r.recent : [];
  return {
    total: Number(r.total),
    firstAt: r.first_at ? new Date(r.first_at).getTime() : null,
    recent: recent.map((entry) => {
      const [id, network, at, latitude, longitude] = entry.split(',');
      return {
        id: Number(id),
        network,
        at: Number(at),
        latitude: latitude === '' ? null : latitude,
        longitude: longitude === '' ? null : longitude,
      };
    }),
  };
}

const ledgers = new WeakMap<Db, ScanLedger>();

/** The ledger of a database's process (created on first ask; used only once it hears the channel). */
export function scanLedgerFor(db: Db, opts?: LedgerOptions): ScanLedger {
  let ledger = ledgers.get(db);
  if (!ledger) {
    ledger = new ScanLedger(db, opts);
    ledgers.set(db, ledger);
  }
  return ledger;
}

/** The ledger in use for a database: null unless one exists and hears the channel. */
export function activeScanLedger(db: Db): ScanLedger | null {
  const ledger = ledgers.get(db);
  return ledger?.active ? ledger : null;
}
