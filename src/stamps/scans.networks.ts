import { sql } from 'drizzle-orm';
import type { Db } from '../platform/index.ts';
import type { BufferedScan } from './scans.buffer.ts';
import { executePrepared } from './stamps.repo.ts';

/*
 * The per-network cap's counts held in the process (docs/decisions/069-network-scans-held.md), so a view of the
 * consumer page does not ask PostgreSQL how many scans its network made. Part of the scan ledger (decision 062): it
 * is loaded once, in one statement, with every network's newest `cap` scans of the cap's window, and from then on
 * takes every written scan from the ledger's notifications and this process's own as it counts them. The answer is
 * the one `readNetworkScans` gives: a network's scans since the window's start, up to the cap.
 *
 * While it is loading, after a lost connection, or for a network it no longer holds because it had to let some go
 * (`maxNetworks`), it answers null and the caller reads the table as before.
 */

interface NetworkScan {
  id: number;
  at: number;
}

interface HeldNetwork {
  /** The newest scans (at most `cap`), oldest first. */
  scans: NetworkScan[];
  /** Begun while networks let go still had scans in the window: it may be one of them, so it is not trusted before. */
  partialUntil: number;
}

export interface NetworkLimits {
  networkCap: number;
  networkCapHours: number;
}

export class NetworkScans {
  /**
   * Each network's newest scans, the network least recently scanned first. The newest `cap` are enough: a count
   * capped at `cap` over a window that ends now never needs an older one.
   */
  private readonly networks = new Map<string, HeldNetwork>();
  private state: 'empty' | 'loading' | 'ready' = 'empty';
  /** Scans heard while the load was under way, merged after it (by id: a scan it read as well counts once). */
  private waiting: { network: string; scan: NetworkScan }[] = [];
  private cap = 0;
  private windowMs = 0;
  /** Until then a network not held may have scans in the window (one was let go): it is read from the table. */
  private incompleteUntil = 0;
  /** Bumped by every reset, so that a load begun before it does not fill the store afterwards. */
  private generation = 0;
  /** After a failed load none is tried before this (the table answers meanwhile): not one heavy read after another. */
  private retryAt = 0;
  private readonly db: Db;
  private readonly maxNetworks: number;

  constructor(db: Db, opts: { maxNetworks?: number } = {}) {
    this.db = db;
    this.maxNetworks = opts.maxNetworks ?? 200_000;
  }

  /** How many networks are held (tests, metrics). */
  get size() {
    return this.networks.size;
  }

  get ready() {
    return this.state === 'ready';
  }

  /** Forgets everything (the channel was lost or regained, or `*` was announced); the next question loads again. */
  reset() {
    this.generation++;
    this.state = 'empty';
    this.networks.clear();
    this.waiting = [];
    this.incompleteUntil = 0;
  }

  /**
   * The network's scans since `since`, up to `cap`, this process's unwritten ones included; null when the answer is
   * not held (the caller reads the table). The first question starts the load and is answered null, as are those
   * asked while it runs: a view never waits for it.
   */
  count(network: string, since: number, limits: NetworkLimits, held: () => BufferedScan[]): number | null {
    const cap = Math.max(1, Math.floor(limits.networkCap));
    const windowMs = limits.networkCapHours * 3_600_000;
    if (this.state === 'ready' && (cap > this.cap || windowMs > this.windowMs)) this.reset();
    if (this.state === 'empty') {
      if (Date.now() >= this.retryAt) void this.load(cap, windowMs, held);
      return null;
    }
    if (this.state === 'loading') return null;
    this.forgetOlderThan(Date.now() - this.windowMs);
    const kept = this.networks.get(network);
    if (!kept) return Date.now() < this.incompleteUntil ? null : 0;
    if (Date.now() < kept.partialUntil) return null;
    const { scans } = kept;
    let n = 0;
    for (let i = scans.length - 1; i >= 0 && scans[i].at >= since && n < cap; i--) n++;
    return n;
  }

  /** A counted scan: this process's as it buffers it, or any process's as its write is announced. */
  add(network: string, id: number, at: number) {
    if (this.state === 'empty') return;
    if (this.state === 'loading') {
      this.waiting.push({ network, scan: { id, at } });
      return;
    }
    this.hold(network, { id, at });
  }

  private hold(network: string, scan: NetworkScan) {
    if (scan.at < Date.now() - this.windowMs) return;
    let held = this.networks.get(network);
    if (held) {
      // a scan heard again has the time it had: one later than the newest held is new
      const newest = held.scans[held.scans.length - 1];
      if (scan.at <= newest.at && held.scans.some((s) => s.id === scan.id)) return;
      this.networks.delete(network); // the most recently scanned goes last
    } else {
      if (this.networks.size >= this.maxNetworks) this.letGo();
      held = { scans: [], partialUntil: this.incompleteUntil };
    }
    const { scans } = held;
    let i = scans.length;
    while (i > 0 && scans[i - 1].at > scan.at) i--;
    scans.splice(i, 0, scan);
    if (scans.length > this.cap) scans.shift();
    this.networks.set(network, held);
  }

  /** Lets the least recently scanned network go; until its newest scan leaves the window, unknown ones are read. */
  private letGo() {
    const [network, { scans }] = this.networks.entries().next().value!;
    this.networks.delete(network);
    this.incompleteUntil = Math.max(this.incompleteUntil, scans[scans.length - 1].at + this.windowMs);
  }

  /** Drops the networks whose newest scan left the window (they count 0 either way), least recently scanned first. */
  private forgetOlderThan(start: number) {
    for (const [network, { scans }] of this.networks) {
      if (scans[scans.length - 1].at >= start) return;
      this.networks.delete(network);
    }
  }

  private async load(cap: number, windowMs: number, held: () => BufferedScan[]) {
    const generation = this.generation;
    this.state = 'loading';
    this.cap = cap;
    this.windowMs = windowMs;
    try {
      const rows = await readNetworkWindow(this.db, Date.now() - windowMs, cap);
      if (generation !== this.generation) return;
      const waiting = this.waiting;
      this.waiting = [];
      this.state = 'ready';
      for (const r of rows) this.hold(r.network, r);
      for (const s of held()) this.hold(s.network, { id: s.id, at: s.at.getTime() });
      for (const w of waiting) this.hold(w.network, w.scan);
    } catch {
      // a question 5 s on tries again; meanwhile the table answers
      if (generation === this.generation) {
        this.reset();
        this.retryAt = Date.now() + 5_000;
      }
    }
  }
}

/**
 * Every network's newest `cap` scans since `from`, oldest first. Bounded a day ahead, as the cap's own read, so only
 * the window's months are read.
 */
async function readNetworkWindow(db: Db, from: number, cap: number) {
  const { rows } = await executePrepared(
    db,
    'txng_network_window',
    sql`SELECT network, id, (extract(epoch FROM at) * 1000)::bigint AS at FROM (
          SELECT network, id, at, row_number() OVER (PARTITION BY network ORDER BY at DESC, id DESC) AS newest
          FROM stamp_scans WHERE at >= ${new Date(from)} AND at < ${new Date(Date.now() + 86_400_000)}) s
        WHERE newest <= ${cap} ORDER BY at, id`,
  );
  return rows.map((r) => ({ network: String(r.network), id: Number(r.id), at: Number(r.at) }));
}
