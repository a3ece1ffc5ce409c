import crypto from 'node:crypto';
import type { Db, ScanThresholds } from '../platform/index.ts';
import { networkId } from './scans.network.ts';
import { recordScanWithStats, type ScanStats, setScanLocation } from './scans.repo.ts';
import { type Coordinates, impossibleTravel, type Travel } from './scans.travel.ts';
import { configuredScanSalt } from './stamps.secret.ts';
import type { StampCheck } from './stamps.verify.ts';
import { recordSuspicion } from './suspicions.service.ts';

export { networkId } from './scans.network.ts';

// scan ids are sequential: the token's key must be secret, so without a configured salt it is random per process
const processTokenKey = crypto.randomBytes(32);
const tokenKey = () => {
  const configured = configuredScanSalt();
  return configured
    ? crypto.createHmac('sha256', configured).update('scan-location-token').digest()
    : processTokenKey;
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
  return setScanLocation(db, scanId, latitude.toFixed(2), longitude.toFixed(2));
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
  const { scanId, stats } = await recordScanWithStats(
    db,
    { gtin: input.gtin, serial, network: networkId(input.ip) },
    t,
  );
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
