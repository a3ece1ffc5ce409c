import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { scansChannel } from './scans.channel.ts';
import type { LocatedScan } from './scans.travel.ts';
import { execute, executePrepared } from './stamps.repo.ts';

/**
 * Sets the coarse location a person chose to share, once, on their own scan: the stamp it was set on, or null. Every
 * process holding the stamp's scans hears of it at commit (`txng_scans`, scans.ledger.ts).
 */
export async function setScanLocation(
  db: DbOrTx,
  id: number,
  latitude: string,
  longitude: string,
): Promise<{ gtin: string; serial: number } | null> {
  const { rows } = await execute(
    db,
    sql`WITH located AS (
        UPDATE stamp_scans SET latitude = ${latitude}, longitude = ${longitude}
        WHERE id = ${id} AND latitude IS NULL RETURNING id, gtin, serial)
      SELECT gtin, serial, pg_notify(${scansChannel},
        'L,' || id || ',' || gtin || ',' || serial || ',' || ${latitude}::text || ',' || ${longitude}::text) AS notified
      FROM located`,
  );
  return rows.length ? { gtin: String(rows[0].gtin), serial: Number(rows[0].serial) } : null;
}

/**
 * One network's counted scans of any stamp since `capSince`, up to `cap`, leaving out the scans this process still
 * holds (`exclude`). The views asking while a read is being prepared or is under way are answered together by one
 * statement (`NetworkScanReads`): each with its own network, window, cap and exclusion, so each gets what a read of its
 * own would have given.
 */
export function readNetworkScans(
  db: DbOrTx,
  network: string,
  capSince: Date,
  cap: number,
  exclude: number[],
): Promise<number> {
  let reads = networkScanReads.get(db);
  if (!reads) {
    reads = new NetworkScanReads(db);
    networkScanReads.set(db, reads);
  }
  return reads.read(network, capSince, cap, exclude);
}

const networkScanReads = new WeakMap<object, NetworkScanReads>();

interface NetworkScanAsk {
  network: string;
  since: string;
  cap: number;
  /** Index (from 1) of the view's exclusion among the batch's distinct ones. */
  x: number;
  waiters: { resolve: (n: number) => void; reject: (err: unknown) => void }[];
}

/**
 * The per-network cap's reads of one database, batched. The first view schedules a read for the end of the current
 * turn of the event loop (`setImmediate`: the requests read from the sockets in the same turn join it); one batch is
 * in flight at a time, and the views arriving meanwhile form the next, sent when it is answered. Views asking the
 * same thing (network, window's start, cap and exclusion) share one row. If the statement fails, every view of the
 * batch gets the error.
 */
class NetworkScanReads {
  private waiting = new Map<string, NetworkScanAsk>();
  private exclusions = new Map<string, number>();
  private scheduled = false;
  private inFlight = false;

  private readonly db: DbOrTx;

  constructor(db: DbOrTx) {
    this.db = db;
  }

  read(network: string, capSince: Date, cap: number, exclude: number[]): Promise<number> {
    const ids = `{${exclude.join(',')}}`;
    let x = this.exclusions.get(ids);
    if (x === undefined) {
      x = this.exclusions.size + 1;
      this.exclusions.set(ids, x);
    }
    const since = capSince.toISOString();
    const limit = Math.max(1, Math.floor(cap)); // LIMIT takes an integer
    const key = `${x} ${since} ${limit} ${network}`;
    let ask = this.waiting.get(key);
    if (!ask) {
      ask = { network, since, cap: limit, x, waiters: [] };
      this.waiting.set(key, ask);
    }
    const waiters = ask.waiters;
    const answer = new Promise<number>((resolve, reject) => waiters.push({ resolve, reject }));
    this.schedule();
    return answer;
  }

  private schedule() {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.waiting.size === 0) return;
    const asks = [...this.waiting.values()];
    const exclusions = [...this.exclusions.keys()];
    this.waiting = new Map();
    this.exclusions = new Map();
    this.inFlight = true;
    try {
      const counts = await this.send(asks, exclusions);
      asks.forEach((ask, i) => {
        for (const w of ask.waiters) w.resolve(counts[i]);
      });
    } catch (err) {
      for (const ask of asks) for (const w of ask.waiters) w.reject(err);
    } finally {
      this.inFlight = false;
      if (this.waiting.size) this.schedule();
    }
  }

  /**
   * One statement for all: each row is a view's network, window's start, cap and exclusion (the distinct exclusions
   * go once, each parsed once). Bounded above a day ahead and below by the earliest window's start, so PostgreSQL
   * reads only the months of the cap's window (not the default one).
   */
  private async send(asks: NetworkScanAsk[], exclusions: string[]): Promise<number[]> {
    const until = new Date(Date.now() + 86_400_000);
    let from = asks[0].since;
    for (const a of asks) if (a.since < from) from = a.since;
    const rows = asks.map((a, i) => ({ i, network: a.network, since: a.since, cap: a.cap, x: a.x }));
    const { rows: answered } = await executePrepared(
      this.db,
      'txng_network_scans_batch',
      sql`WITH x AS MATERIALIZED (
          SELECT ord::int AS x, ids::bigint[] AS ids
          FROM json_array_elements_text(${JSON.stringify(exclusions)}::json) WITH ORDINALITY t(ids, ord)),
        v AS (SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json)
          AS v(i int, network text, since timestamptz, cap int, x int))
        SELECT v.i, (SELECT count(*) FROM (
            SELECT 1 FROM stamp_scans s WHERE s.network = v.network AND s.at >= v.since
              AND s.at >= ${new Date(from)} AND s.at < ${until} AND s.id <> ALL(x.ids) LIMIT v.cap) capped)::int AS n
        FROM v JOIN x ON x.x = v.x`,
    );
    const counts = new Array<number>(asks.length);
    for (const r of answered) counts[Number(r.i)] = Number(r.n);
    for (let i = 0; i < counts.length; i++)
      if (counts[i] === undefined) throw new Error(`network scan count missing for row ${i}`);
    return counts;
  }
}

/** A stamp's counted scans, including the one just recorded if it counted. */
export interface ScanStats {
  /** This view was counted (not over a rate limit). */
  counted: boolean;
  total: number;
  firstAt: Date | null;
  recent: number;
  recentNetworks: number;
  /** Distinct shared places (≈1 km) in the window. */
  recentPlaces: number;
  /** The window's located scans, newest first (at most 50), for the travel check. */
  located: LocatedScan[];
}

export interface ScanLimits {
  windowHours: number;
  repeatMinutes: number;
  networkCap: number;
  networkCapHours: number;
}

/**
 * Records one scan if it counts, and returns the stamp's statistics including it, in one round trip. A scan
 * counts unless the same network scanned the stamp within `repeatMinutes` or has `networkCap` counted scans of
 * any stamp within `networkCapHours`; one that does not count is not stored. (The inserted row is not visible
 * to the same statement's read of the table, hence the UNION with it.)
 */
export async function recordScanWithStats(
  db: DbOrTx,
  scan: { gtin: string; serial: number; network: string },
  limits: ScanLimits,
): Promise<{ scanId: number | null; stats: ScanStats }> {
  const now = Date.now();
  const since = new Date(now - limits.windowHours * 3_600_000);
  const repeatSince = new Date(now - limits.repeatMinutes * 60_000);
  const capSince = new Date(now - limits.networkCapHours * 3_600_000);
  const { gtin, serial, network } = scan;
  const cap = Math.max(1, Math.floor(limits.networkCap)); // LIMIT takes an integer
  // A scan is telemetry: not waiting for its WAL flush keeps the page fast; a crash may lose the last instant's
  // scans. set_config(…, true) inside the statement sets it for the statement's own (implicit) transaction, so
  // the whole record-and-count is one round trip. Two simultaneous views from one network may both count.
  const { rows } = await executePrepared(
    db,
    'txng_record_scan',
    sql`WITH gate AS (
        SELECT NOT EXISTS (
            SELECT 1 FROM stamp_scans
            WHERE gtin = ${gtin} AND serial = ${serial} AND network = ${network} AND at >= ${repeatSince})
          AND (SELECT count(*) FROM (
            SELECT 1 FROM stamp_scans WHERE network = ${network} AND at >= ${capSince} LIMIT ${cap}
          ) capped) < ${cap} AS ok),
      ins AS (
        INSERT INTO stamp_scans (gtin, serial, network) SELECT ${gtin}, ${serial}, ${network} FROM gate WHERE ok
        RETURNING id, network, at, latitude, longitude),
      s AS (
        SELECT network, at, latitude, longitude FROM stamp_scans WHERE gtin = ${gtin} AND serial = ${serial}
        UNION ALL SELECT network, at, latitude, longitude FROM ins)
      SELECT (SELECT id FROM ins) AS id, count(*)::int AS total, min(at) AS first_at,
        count(*) FILTER (WHERE at >= ${since})::int AS recent,
        count(DISTINCT network) FILTER (WHERE at >= ${since})::int AS recent_networks,
        count(DISTINCT latitude || ',' || longitude) FILTER (WHERE at >= ${since})::int AS recent_places,
        (array_agg(latitude || ',' || longitude || ',' || network || ',' || (extract(epoch FROM at) * 1000)::bigint
          ORDER BY at DESC) FILTER (WHERE at >= ${since} AND latitude IS NOT NULL))[1:50] AS located,
        set_config('synchronous_commit', 'off', true) AS synchronous_commit
      FROM s`,
  );
  const r = rows[0];
  const located: string[] = Array.isArray(r.located) ? r.located : [];
  return {
    scanId: r.id === null || r.id === undefined ? null : Number(r.id),
    stats: {
      counted: r.id !== null && r.id !== undefined,
      total: Number(r.total),
      firstAt: r.first_at ? new Date(r.first_at) : null,
      recent: Number(r.recent),
      recentNetworks: Number(r.recent_networks),
      recentPlaces: Number(r.recent_places),
      located: located.map((entry) => {
        const [latitude, longitude, network, ms] = entry.split(',');
        return {
          latitude: Number(latitude),
          longitude: Number(longitude),
          network,
          at: new Date(Number(ms)),
        };
      }),
    },
  };
}

/** What the database holds about a stamp's scans, for a scan kept in the process's buffer (scans.buffer.ts). */
export interface StoredScans {
  /** The same network scanned the stamp within the repeat window. */
  repeated: boolean;
  /** The network's scans of any stamp within the cap's window, counted up to the cap. */
  networkScans: number;
  total: number;
  firstAt: Date | null;
  recent: number;
  recentNetworks: string[];
  recentPlaces: string[];
  located: LocatedScan[];
}

/**
 * The gate and the statistics of `recordScanWithStats`, read only: the scan itself goes to the buffer. `exclude`
 * names the scans this process still holds (some may be committed already), so none is counted twice.
 */
export async function readStoredScans(
  db: DbOrTx,
  scan: { gtin: string; serial: number; network: string },
  limits: ScanLimits,
  exclude: number[],
): Promise<StoredScans> {
  const now = Date.now();
  const since = new Date(now - limits.windowHours * 3_600_000);
  const repeatSince = new Date(now - limits.repeatMinutes * 60_000);
  const capSince = new Date(now - limits.networkCapHours * 3_600_000);
  const { gtin, serial, network } = scan;
  const cap = Math.max(1, Math.floor(limits.networkCap));
  const ids = `{${exclude.join(',')}}`;
  const { rows } = await executePrepared(
    db,
    'txng_read_scans',
    sql`SELECT
        EXISTS (SELECT 1 FROM stamp_scans WHERE gtin = ${gtin} AND serial = ${serial} AND network = ${network}
          AND at >= ${repeatSince} AND id <> ALL(${ids}::bigint[])) AS repeated,
        (SELECT count(*) FROM (
          SELECT 1 FROM stamp_scans WHERE network = ${network} AND at >= ${capSince}
            AND id <> ALL(${ids}::bigint[]) LIMIT ${cap}) capped)::int AS network_scans,
        count(*)::int AS total, min(at) AS first_at,
        count(*) FILTER (WHERE at >= ${since})::int AS recent,
        array_agg(DISTINCT network) FILTER (WHERE at >= ${since}) AS networks,
        array_agg(DISTINCT latitude || ',' || longitude) FILTER (WHERE at >= ${since} AND latitude IS NOT NULL) AS places,
        (array_agg(latitude || ',' || longitude || ',' || network || ',' || (extract(epoch FROM at) * 1000)::bigint
          ORDER BY at DESC) FILTER (WHERE at >= ${since} AND latitude IS NOT NULL))[1:50] AS located
      FROM stamp_scans WHERE gtin = ${gtin} AND serial = ${serial} AND id <> ALL(${ids}::bigint[])`,
  );
  const r = rows[0];
  const list = (v: unknown): string[] => (Array.isArray(v) ? v : []);
  return {
    repeated: Boolean(r.repeated),
    networkScans: Number(r.network_scans),
    total: Number(r.total),
    firstAt: r.first_at ? new Date(r.first_at) : null,
    recent: Number(r.recent),
    recentNetworks: list(r.networks),
    recentPlaces: list(r.places),
    located: list(r.located).map(parseLocated),
  };
}

function parseLocated(entry: string): LocatedScan {
  const [latitude, longitude, network, ms] = entry.split(',');
  return { latitude: Number(latitude), longitude: Number(longitude), network, at: new Date(Number(ms)) };
}
