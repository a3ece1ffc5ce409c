import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db.ts';
import { execute } from './stamps.repo.ts';

export async function insertScan(db: DbOrTx, gtin: string, serial: number, device: string): Promise<number> {
  const { rows } = await execute(
    db,
    sql`INSERT INTO stamp_scans (gtin, serial, device) VALUES (${gtin}, ${serial}, ${device}) RETURNING id`,
  );
  return Number(rows[0].id);
}

/** Sets the coarse location a person chose to share, once, on their own scan. */
export async function setScanLocation(db: DbOrTx, id: number, latitude: string, longitude: string) {
  const { rows } = await execute(
    db,
    sql`UPDATE stamp_scans SET latitude = ${latitude}, longitude = ${longitude}
        WHERE id = ${id} AND latitude IS NULL RETURNING id`,
  );
  return rows.length > 0;
}

export interface ScanStats {
  total: number;
  devices: number;
  firstAt: Date | null;
  recent: number;
  recentDevices: number;
  /** Shared locations in the window, for the distance check. */
  recentPlaces: { latitude: number; longitude: number }[];
}

export async function scanStats(
  db: DbOrTx,
  gtin: string,
  serial: number,
  windowHours: number,
): Promise<ScanStats> {
  const since = new Date(Date.now() - windowHours * 3600_000);
  const { rows } = await execute(
    db,
    sql`SELECT count(*)::int AS total, count(DISTINCT device)::int AS devices, min(at) AS first_at,
          count(*) FILTER (WHERE at >= ${since})::int AS recent,
          count(DISTINCT device) FILTER (WHERE at >= ${since})::int AS recent_devices
        FROM stamp_scans WHERE gtin = ${gtin} AND serial = ${serial}`,
  );
  const places = await execute(
    db,
    sql`SELECT latitude, longitude FROM stamp_scans
        WHERE gtin = ${gtin} AND serial = ${serial} AND at >= ${since} AND latitude IS NOT NULL
        ORDER BY id DESC LIMIT 50`,
  );
  const r = rows[0];
  return {
    total: Number(r.total),
    devices: Number(r.devices),
    firstAt: r.first_at ? new Date(r.first_at) : null,
    recent: Number(r.recent),
    recentDevices: Number(r.recent_devices),
    recentPlaces: places.rows.map((p) => ({ latitude: Number(p.latitude), longitude: Number(p.longitude) })),
  };
}
