import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db.ts';
import { execute, executePrepared } from './stamps.repo.ts';

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

/**
 * Records one scan and returns the stamp's scan statistics including it, in one round trip (the inserted row
 * is not visible to the same statement's scan of the table, hence the UNION with it).
 */
export async function insertScanWithStats(
  db: DbOrTx,
  scan: { gtin: string; serial: number; device: string },
  windowHours: number,
): Promise<{ scanId: number; stats: ScanStats }> {
  const since = new Date(Date.now() - windowHours * 3600_000);
  // A scan is telemetry: not waiting for its WAL flush keeps the page fast; a crash may lose the last instant's
  // scans. set_config(…, true) inside the statement sets it for the statement's own (implicit) transaction, so
  // the whole record-and-count is one round trip instead of BEGIN, SET LOCAL, the query and COMMIT.
  const { rows } = await executePrepared(
    db,
    'txng_insert_scan',
    sql`WITH ins AS (
        INSERT INTO stamp_scans (gtin, serial, device) VALUES (${scan.gtin}, ${scan.serial}, ${scan.device})
        RETURNING id, device, at, latitude, longitude),
      s AS (
        SELECT device, at, latitude, longitude FROM stamp_scans WHERE gtin = ${scan.gtin} AND serial = ${scan.serial}
        UNION ALL SELECT device, at, latitude, longitude FROM ins)
      SELECT (SELECT id FROM ins) AS id, count(*)::int AS total, count(DISTINCT device)::int AS devices,
        min(at) AS first_at, count(*) FILTER (WHERE at >= ${since})::int AS recent,
        count(DISTINCT device) FILTER (WHERE at >= ${since})::int AS recent_devices,
        (array_agg(latitude || ',' || longitude) FILTER (WHERE at >= ${since} AND latitude IS NOT NULL))[1:50] AS places,
        set_config('synchronous_commit', 'off', true) AS synchronous_commit
      FROM s`,
  );
  const r = rows[0];
  const places: string[] = Array.isArray(r.places) ? r.places : [];
  return {
    scanId: Number(r.id),
    stats: {
      total: Number(r.total),
      devices: Number(r.devices),
      firstAt: r.first_at ? new Date(r.first_at) : null,
      recent: Number(r.recent),
      recentDevices: Number(r.recent_devices),
      recentPlaces: places.map((p) => {
        const [latitude, longitude] = p.split(',').map(Number);
        return { latitude, longitude };
      }),
    },
  };
}
