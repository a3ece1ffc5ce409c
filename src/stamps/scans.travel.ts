import type { ScanThresholds } from '../platform/index.ts';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** A counted scan whose person shared a (≈1 km) location. */
export interface LocatedScan extends Coordinates {
  network: string;
  at: Date;
}

export interface TravelEnd extends Coordinates {
  at: string;
  /** Near where the lot was made or shipped to. */
  expected: boolean;
}

/** Two scans of one stamp further apart than anything could travel in the time between them. */
export interface Travel {
  km: number;
  minutes: number;
  kmh: number;
  from: TravelEnd;
  to: TravelEnd;
}

export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const isNear = (place: Coordinates, places: Coordinates[], km: number) =>
  places.some((p) => haversineKm(place, p) <= km);

// two scans in the same minute are a minute apart: the speed stays finite and still far above any threshold
const minHours = 1 / 60;

/**
 * The fastest implausible move between two located scans of one stamp, or null. Only scans from different
 * networks count (one network posting two places proves nothing), and a pair whose both ends are near where the
 * lot was made or shipped (`expected`) is the chain handling its own goods, not a copy.
 */
export function impossibleTravel(
  scans: LocatedScan[],
  expected: Coordinates[],
  t: Pick<ScanThresholds, 'travelKm' | 'travelKmh' | 'nearKm'>,
): Travel | null {
  const ends = scans.map((s) => ({ scan: s, expected: isNear(s, expected, t.nearKm) }));
  let fastest: Travel | null = null;
  for (let i = 0; i < ends.length; i++)
    for (let j = i + 1; j < ends.length; j++) {
      const [a, b] = ends[i].scan.at <= ends[j].scan.at ? [ends[i], ends[j]] : [ends[j], ends[i]];
      if (a.scan.network === b.scan.network || (a.expected && b.expected)) continue;
      const km = haversineKm(a.scan, b.scan);
      const hours = Math.max((b.scan.at.getTime() - a.scan.at.getTime()) / 3_600_000, minHours);
      const kmh = km / hours;
      if (km <= t.travelKm || kmh <= t.travelKmh || (fastest && kmh <= fastest.kmh)) continue;
      fastest = {
        km: Math.round(km),
        minutes: Math.round(hours * 60),
        kmh: Math.round(kmh),
        from: end(a.scan, a.expected),
        to: end(b.scan, b.expected),
      };
    }
  return fastest;
}

const end = (scan: LocatedScan, expected: boolean): TravelEnd => ({
  latitude: scan.latitude,
  longitude: scan.longitude,
  at: scan.at.toISOString(),
  expected,
});
