import crypto from 'node:crypto';
import type { Db } from '../platform/db.ts';
import { insertScanWithStats, type ScanStats, setScanLocation } from './scans.repo.ts';
import { serverSecret } from './stamps.secret.ts';

/**
 * When a stamp's scans look like a cloned label (docs/resolver.md, "Suspicious scans"). Defaults suit a
 * product bought and scanned by one household; the department tunes them per province.
 */
export interface ScanThresholds {
  windowHours: number;
  maxScans: number;
  maxDevices: number;
  maxKm: number;
}

export function scanThresholds(env: NodeJS.ProcessEnv = process.env): ScanThresholds {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    windowHours: num('TXNG_SCAN_WINDOW_HOURS', 72),
    maxScans: num('TXNG_SCAN_MAX_SCANS', 30),
    maxDevices: num('TXNG_SCAN_MAX_DEVICES', 6),
    maxKm: num('TXNG_SCAN_MAX_KM', 150),
  };
}

// without a configured salt (development, tests, demo) device ids stay comparable across restarts
const developmentSalt = 'txng-development-scan-salt';
const salt = () => serverSecret('TXNG_SCAN_SALT') ?? developmentSalt;

// scan ids are sequential: the token's key must be secret, so without a configured salt it is random per process
const processTokenKey = crypto.randomBytes(32);
const tokenKey = () => {
  const configured = serverSecret('TXNG_SCAN_SALT');
  return configured
    ? crypto.createHmac('sha256', configured).update('scan-location-token').digest()
    : processTokenKey;
};

/** A device is a salted hash of IP and user agent: countable, never reversible to the address. */
export const deviceId = (ip: string, userAgent: string) =>
  crypto.createHash('sha256').update(`${salt()}|${ip}|${userAgent}`).digest('hex').slice(0, 24);

/** A token that lets only the page that recorded a scan attach a location to it. */
export const scanToken = (scanId: number) =>
  crypto.createHmac('sha256', tokenKey()).update(`scan:${scanId}`).digest('base64url').slice(0, 22);

export async function recordScan(
  db: Db,
  stamp: { gtin: string; serial: number },
  client: { ip: string; userAgent: string },
) {
  const thresholds = scanThresholds();
  const { scanId, stats } = await insertScanWithStats(
    db,
    { gtin: stamp.gtin, serial: stamp.serial, device: deviceId(client.ip, client.userAgent) },
    thresholds.windowHours,
  );
  return { scanId, token: scanToken(scanId), stats, assessment: assessScans(stats, thresholds) };
}

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

export type ScanFlag = 'tooManyScans' | 'tooManyDevices' | 'farApart';

export function assessScans(stats: ScanStats, t: ScanThresholds): { flags: ScanFlag[]; maxKm: number } {
  const flags: ScanFlag[] = [];
  if (stats.recent > t.maxScans) flags.push('tooManyScans');
  if (stats.recentDevices > t.maxDevices) flags.push('tooManyDevices');
  let maxKm = 0;
  const places = stats.recentPlaces;
  for (let i = 0; i < places.length; i++)
    for (let j = i + 1; j < places.length; j++) maxKm = Math.max(maxKm, haversineKm(places[i], places[j]));
  if (maxKm > t.maxKm) flags.push('farApart');
  return { flags, maxKm: Math.round(maxKm) };
}

function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
