import crypto from 'node:crypto';
import type { Db, ScanThresholds } from '../platform/index.ts';
import { type BufferedScan, type ScanBuffer, scanBufferOf } from './scans.buffer.ts';
import { activeScanLedger, type ScanLedger } from './scans.ledger.ts';
import { networkId } from './scans.network.ts';
import {
  readNetworkScans,
  readStoredScans,
  recordScanWithStats,
  type ScanLimits,
  type ScanStats,
  setScanLocation,
} from './scans.repo.ts';
import { type Coordinates, impossibleTravel, type Travel } from './scans.travel.ts';
import { configuredScanSalt } from './stamps.secret.ts';
import type { StampCheck } from './stamps.verify.ts';
import { recordSuspicion } from './suspicions.service.ts';

export { networkId } from './scans.network.ts';

// scan ids are sequential: the token's key must be secret, so without a configured salt it is random per process
const processTokenKey = crypto.randomBytes(32);
// the key derived from the configured salt, kept with the salt it came from (a view asks for it every time)
let derived: { salt: string; key: Buffer } | null = null;
const tokenKey = () => {
  const configured = configuredScanSalt();
  if (!configured) return processTokenKey;
  if (derived?.salt !== configured)
    derived = {
      salt: configured,
      key: crypto.createHmac('sha256', configured).update('scan-location-token').digest(),
    };
  return derived.key;
};

/** A token that lets only the page that recorded a scan attach a location to it. */
export const scanToken = (scanId: number) =>
  crypto.createHmac('sha256', tokenKey()).update(`scan:${scanId}`).digest('base64url').slice(0, 22);

export async function shareScanLocation(
  db: Db,
  scanId: number,
  token: string,
  latitude: number,
  longitude: number,
) {
  const expected = Buffer.from(scanToken(scanId));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return false;
  // two decimals ≈ 1 km: enough to tell provinces apart, not enough to find a house
  const [lat, lon] = [latitude.toFixed(2), longitude.toFixed(2)];
  const buffer = scanBufferOf(db);
  const ledger = activeScanLedger(db);
  const waiting = buffer?.unwritten().find((s) => s.id === scanId);
  const buffered = await buffer?.locate(scanId, lat, lon);
  if (buffered !== undefined && buffered !== null) {
    if (buffered && waiting) ledger?.locate(waiting, lat, lon);
    return buffered;
  }
  const stamp = await setScanLocation(db, scanId, lat, lon);
  // the notification reaches this process too; the page's next view should not wait for it
  if (stamp) ledger?.locate({ id: scanId, ...stamp }, lat, lon);
  return stamp !== null;
}

/**
 * `recordScanWithStats` with the scan kept in the process's buffer: the gate and the statistics combine what the
 * database holds with what this process has not written yet (another process's unwritten scans show ≤ 200 ms later).
 */
export async function recordScanBuffered(
  db: Db,
  buffer: ScanBuffer,
  scan: { gtin: string; serial: number; network: string },
  limits: ScanLimits & { windowHours: number },
): Promise<{ scanId: number | null; stats: ScanStats }> {
  const ledger = activeScanLedger(db);
  if (ledger) return recordScanLedgered(db, buffer, ledger, scan, limits);
  const held = buffer.unwritten();
  const stored = await readStoredScans(
    db,
    scan,
    limits,
    held.map((s) => s.id),
  );
  const now = Date.now();
  const since = now - limits.windowHours * 3_600_000;
  const repeatSince = now - limits.repeatMinutes * 60_000;
  const capSince = now - limits.networkCapHours * 3_600_000;
  const cap = Math.max(1, Math.floor(limits.networkCap));
  // what this process held when the database was asked (excluded there, so counted once, written meanwhile or not);
  // scans added since are concurrent views, as two simultaneous unbuffered statements would not see each other
  const mine = held;
  const ofStamp: BufferedScan[] = mine.filter((s) => s.gtin === scan.gtin && s.serial === scan.serial);
  const repeated =
    stored.repeated || ofStamp.some((s) => s.network === scan.network && s.at.getTime() >= repeatSince);
  const networkScans =
    stored.networkScans + mine.filter((s) => s.network === scan.network && s.at.getTime() >= capSince).length;
  let scanId: number | null = null;
  if (!repeated && networkScans < cap) {
    scanId = await buffer.nextId();
    const row = { id: scanId, ...scan, at: new Date(), latitude: null, longitude: null };
    buffer.add(row);
    ofStamp.push(row);
  }
  const recent = ofStamp.filter((s) => s.at.getTime() >= since);
  const networks = new Set([...stored.recentNetworks, ...recent.map((s) => s.network)]);
  const located = recent.filter((s) => s.latitude !== null && s.longitude !== null);
  const places = new Set([...stored.recentPlaces, ...located.map((s) => `${s.latitude},${s.longitude}`)]);
  const firstAt = [stored.firstAt, ...ofStamp.map((s) => s.at)]
    .filter((d): d is Date => d !== null)
    .reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);
  return {
    scanId,
    stats: {
      counted: scanId !== null,
      total: stored.total + ofStamp.length,
      firstAt,
      recent: stored.recent + recent.length,
      recentNetworks: networks.size,
      recentPlaces: places.size,
      located: [
        ...stored.located,
        ...located.map((s) => ({
          latitude: Number(s.latitude),
          longitude: Number(s.longitude),
          network: s.network,
          at: s.at,
        })),
      ]
        .sort((a, b) => b.at.getTime() - a.at.getTime())
        .slice(0, 50),
    },
  };
}

/**
 * `recordScanBuffered` with the stamp's statistics from the process's ledger (scans.ledger.ts) instead of an
 * aggregate over every month of the stamp's scans: the database is asked only for the per-network cap (one indexed
 * read of the cap's months) and, the first time, for the stamp's scans. Same gates, same statistics.
 */
async function recordScanLedgered(
  db: Db,
  buffer: ScanBuffer,
  ledger: ScanLedger,
  scan: { gtin: string; serial: number; network: string },
  limits: ScanLimits & { windowHours: number },
): Promise<{ scanId: number | null; stats: ScanStats }> {
  // the ledger asks for the whole buffer only when it first reads a stamp or loads the networks
  const held = () => buffer.unwritten();
  const capSince = Date.now() - limits.networkCapHours * 3_600_000;
  const cap = Math.max(1, Math.floor(limits.networkCap));
  // the per-network cap from the ledger once it holds the networks (decision 069); until then from the table, with
  // the network's own unwritten scans (the cap counts that network's rows only)
  const fromTable = () => {
    const fromNetwork = buffer.unwrittenFrom(scan.network);
    return readNetworkScans(
      db,
      scan.network,
      new Date(capSince),
      cap,
      fromNetwork.map((s) => s.id),
    ).then((stored) => stored + fromNetwork.filter((s) => s.at.getTime() >= capSince).length);
  };
  const [networkScans, before] = await Promise.all([
    ledger.networkScans(scan.network, capSince, limits, held) ?? fromTable(),
    ledger.stats(scan, held, limits),
  ]);
  if (before.repeated || networkScans >= cap) {
    const { repeated: _repeated, ...stats } = before;
    return { scanId: null, stats: { counted: false, ...stats } };
  }
  const scanId = await buffer.nextId();
  const row = { id: scanId, ...scan, at: new Date(), latitude: null, longitude: null };
  buffer.add(row);
  ledger.add(row);
  const { repeated: _repeated, ...stats } = await ledger.stats(scan, held, limits);
  return { scanId, stats: { counted: true, ...stats } };
}

/** What makes a stamp's verdict suspicious: each one also opens (or counts on) a suspicion for the department. */
export type Evidence =
  | { kind: 'revoked' }
  | { kind: 'lot_mismatch'; printedLot: string; activatedLot: string | null }
  | ({ kind: 'impossible_travel'; networks: number; places: number } & Travel);

export interface ScanCheck {
  /** The recorded scan, for sharing its location; null when the view was over a rate limit (not counted). */
  scan: { id: number; token: string } | null;
  stats: ScanStats;
  /** Many scans or networks in the window: worth a neutral note, never a verdict. */
  busy: boolean;
  evidence: Evidence[];
}

/**
 * Records the scan of a known stamp (within the rate limits) and weighs the evidence. `expected` gives the places
 * where the stamp's lot was made or shipped to (scans near them are the chain at work); it is asked for only when
 * there are two located scans to compare; `t` are the configured thresholds (TXNG_SCAN_*). Suspicions are
 * counted only on counted scans, so reloading a page cannot inflate them.
 */
export async function checkScan(
  db: Db,
  input: {
    gtin: string;
    stamp: Pick<StampCheck, 'status' | 'serial' | 'organisationId' | 'lot' | 'lotMismatch'>;
    printedLot: string | null;
    ip: string;
    expected: () => Promise<Coordinates[]>;
  },
  t: ScanThresholds,
): Promise<ScanCheck> {
  const serial = input.stamp.serial as number;
  const scan = { gtin: input.gtin, serial, network: networkId(input.ip) };
  // a server process writes scans in batches (decision 055); elsewhere (tests, scripts) each one at once
  const buffer = scanBufferOf(db);
  const { scanId, stats } = buffer
    ? await recordScanBuffered(db, buffer, scan, t)
    : await recordScanWithStats(db, scan, t);
  const evidence: Evidence[] = [];
  if (input.stamp.status === 'revoked') evidence.push({ kind: 'revoked' });
  if (input.stamp.lotMismatch && input.printedLot)
    evidence.push({ kind: 'lot_mismatch', printedLot: input.printedLot, activatedLot: input.stamp.lot });
  const networks = new Set(stats.located.map((s) => s.network));
  const travel = networks.size > 1 ? impossibleTravel(stats.located, await input.expected(), t) : null;
  if (travel)
    evidence.push({
      kind: 'impossible_travel',
      networks: stats.recentNetworks,
      places: stats.recentPlaces,
      ...travel,
    });
  const owner = input.stamp.organisationId;
  if (scanId !== null && owner)
    for (const { kind, ...rest } of evidence)
      await recordSuspicion(db, { organisationId: owner, gtin: input.gtin, serial, kind, evidence: rest });
  return {
    scan: scanId === null ? null : { id: scanId, token: scanToken(scanId) },
    stats,
    busy: stats.recent > t.busyScans || stats.recentNetworks > t.busyNetworks,
    evidence,
  };
}
