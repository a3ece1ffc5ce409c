import { sql } from 'drizzle-orm';
import type { Db } from '../platform/index.ts';
import { scansChannel } from './scans.channel.ts';
import { scansNotices } from './scans.ledger.ts';
import { execute } from './stamps.repo.ts';

/**
 * Scans written in batches, off the request's path (docs/decisions/055-resolver-at-scale.md). A server process
 * keeps the scans it counted here and writes them with one multi-row INSERT every `intervalMs` (≤ 200 ms) or once
 * `maxRows` wait; a graceful stop writes what is left, a SIGKILL loses at most the last interval. Ids are taken in
 * blocks from the table's identity sequence, so a scan has its id (and its location token) before its row exists.
 *
 * The roll-ups (scans.rollup.ts, dashboard.rollup.ts) count scans above a mark among those older than 10 minutes;
 * a block's ids are therefore used for at most `blockMaxAgeMs` (a minute) after they were taken, and the rest thrown
 * away: no row can then arrive with an id below a mark set from a later id.
 */
export interface BufferedScan {
  id: number;
  gtin: string;
  serial: number;
  network: string;
  at: Date;
  latitude: string | null;
  longitude: string | null;
}

export interface ScanBufferOptions {
  intervalMs?: number;
  maxRows?: number;
  blockSize?: number;
  blockMaxAgeMs?: number;
  log?: (message: string) => void;
}

export class ScanBuffer {
  /** Waiting to be written. */
  private pending: BufferedScan[] = [];
  /** Being written now: still this process's to count until the INSERT has committed. */
  private writing: BufferedScan[] = [];
  /** The unwritten scans (waiting or being written) by network, in the order they came: a view asks for its own. */
  private byNetwork = new Map<string, BufferedScan[]>();
  private ids: number[] = [];
  private idsTakenAt = 0;
  private allocating: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout;
  private readonly intervalMs: number;
  private readonly maxRows: number;
  private readonly blockSize: number;
  private readonly blockMaxAgeMs: number;
  private readonly log: (message: string) => void;

  private readonly db: Db;

  constructor(db: Db, opts: ScanBufferOptions = {}) {
    this.db = db;
    this.intervalMs = Math.min(opts.intervalMs ?? 200, 200);
    this.maxRows = opts.maxRows ?? 500;
    this.blockSize = opts.blockSize ?? 100;
    this.blockMaxAgeMs = opts.blockMaxAgeMs ?? 60_000;
    this.log = opts.log ?? ((m) => console.warn(m));
    this.timer = setInterval(() => {
      if (this.pending.length) this.flush().catch(() => {});
    }, this.intervalMs);
    this.timer.unref();
  }

  /** The next scan id: from the current block while it is fresh, else from a new block. */
  async nextId(): Promise<number> {
    for (;;) {
      if (this.ids.length && Date.now() - this.idsTakenAt < this.blockMaxAgeMs) return this.ids.shift()!;
      this.allocating ??= this.allocate().finally(() => {
        this.allocating = null;
      });
      await this.allocating;
    }
  }

  private async allocate() {
    const { rows } = await execute(
      this.db,
      sql`SELECT nextval(pg_get_serial_sequence('stamp_scans', 'id'))::bigint AS id
          FROM generate_series(1, ${this.blockSize}::int)`,
    );
    this.ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    this.idsTakenAt = Date.now();
  }

  add(scan: BufferedScan) {
    this.pending.push(scan);
    const same = this.byNetwork.get(scan.network);
    if (same) same.push(scan);
    else this.byNetwork.set(scan.network, [scan]);
    if (this.pending.length >= this.maxRows) this.flush().catch(() => {});
  }

  /** This process's unwritten scans (waiting or being written), for the verdict's statistics. */
  unwritten(): BufferedScan[] {
    return [...this.writing, ...this.pending];
  }

  /**
   * This process's unwritten scans from one network: all a per-network question needs (the cap counts one network's
   * rows, so the others' unwritten ids change nothing in it), without copying the whole buffer on every view.
   */
  unwrittenFrom(network: string): BufferedScan[] {
    return this.byNetwork.get(network)?.slice() ?? [];
  }

  /** Whether the scan is still in this process (not yet written). */
  holds(id: number): boolean {
    return this.pending.some((s) => s.id === id) || this.writing.some((s) => s.id === id);
  }

  /**
   * Sets the shared location on a scan still waiting here: true when set, false when it had one; null when the scan
   * is not waiting here (written, or being written: then once the write is done), for the caller to update the row.
   */
  async locate(id: number, latitude: string, longitude: string): Promise<boolean | null> {
    const waiting = this.pending.find((s) => s.id === id);
    if (waiting) {
      if (waiting.latitude !== null) return false;
      waiting.latitude = latitude;
      waiting.longitude = longitude;
      return true;
    }
    if (this.writing.some((s) => s.id === id)) await this.flushing?.catch(() => {});
    return null;
  }

  /** Writes what waits; one write at a time, a failed one is kept for the next. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.pending.length ? this.flush() : undefined));
    if (!this.pending.length) return Promise.resolve();
    this.writing = this.pending;
    this.pending = [];
    this.flushing = this.write(this.writing)
      .then(
        () => {
          for (const s of this.writing) this.forget(s);
          this.writing = [];
        },
        (err: Error) => {
          this.pending = [...this.writing, ...this.pending];
          this.writing = [];
          this.log(`scans: ${this.pending.length} scans not written yet (${err.message}); retrying`);
          throw err;
        },
      )
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  /** A written scan leaves its network's list (a few scans: the views of one network within an interval). */
  private forget(scan: BufferedScan) {
    const same = this.byNetwork.get(scan.network);
    if (!same) return;
    const at = same.indexOf(scan);
    if (at >= 0) same.splice(at, 1);
    if (!same.length) this.byNetwork.delete(scan.network);
  }

  private async write(rows: BufferedScan[]) {
    const column = (f: (s: BufferedScan) => string | number | null) => arrayLiteral(rows.map(f));
    await this.db.transaction(async (tx) => {
      // telemetry: not waiting for the WAL flush (as the unbuffered write, scans.repo.ts)
      await tx.execute(sql`SELECT set_config('synchronous_commit', 'off', true)`);
      // the rows are announced to every process holding their stamps' scans (scans.ledger.ts), at commit
      await tx.execute(sql`
        WITH written AS (
          INSERT INTO stamp_scans (id, gtin, serial, network, latitude, longitude, at) OVERRIDING SYSTEM VALUE
          SELECT * FROM unnest(
            ${column((s) => s.id)}::bigint[], ${column((s) => s.gtin)}::text[], ${column((s) => s.serial)}::bigint[],
            ${column((s) => s.network)}::text[], ${column((s) => s.latitude)}::text[],
            ${column((s) => s.longitude)}::text[], ${column((s) => s.at.toISOString())}::timestamptz[]))
        SELECT pg_notify(${scansChannel}, notice) FROM unnest(${arrayLiteral(scansNotices(rows))}::text[]) notice`);
    });
  }

  /** Stops the timer and writes everything left (a graceful stop); tries a few times before giving up. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.flush();
        if (!this.pending.length) return;
      } catch {
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
    if (this.pending.length) this.log(`scans: ${this.pending.length} scans could not be written at stop`);
  }
}

/** An array literal (NULL for null) both drivers pass as one parameter. */
export const arrayLiteral = (values: (string | number | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

const buffers = new WeakMap<Db, ScanBuffer>();

/** A server process turns batching on for its database (src/server.ts); without it every scan is written at once. */
export function startScanBuffer(db: Db, opts: ScanBufferOptions = {}): ScanBuffer {
  const buffer = new ScanBuffer(db, opts);
  buffers.set(db, buffer);
  return buffer;
}

export async function stopScanBuffer(db: Db): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer) return;
  buffers.delete(db);
  await buffer.close();
}

export const scanBufferOf = (db: Db) => buffers.get(db) ?? null;
