import { sql } from 'drizzle-orm';
import { type Check, rows } from './check.ts';
import type { Finding } from './contract.ts';

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

const num = (column: string) =>
  sql.raw(`CASE WHEN ${column} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN ${column}::float8 END`);

/**
 * Stamps scanned outside the province (its bounding box, TXNG_PROVINCE_BBOX) and farther than `nearKm` from every
 * place the product is known to be — the owner's own locations and those of the organisations its shipments of
 * that GTIN went to — within the last `windowHours`. Scans without a location are not judged. One finding per
 * stamp range, the evidence naming how many scans and the farthest.
 */
export function outOfProvince(opts: { box: Box; nearKm: number; windowHours: number }): Check {
  const [west, south, east, north] = opts.box;
  return {
    name: 'out_of_province',
    title: 'Tem được quét ở tỉnh khác, xa nơi phân phối',
    async run(db, { now }) {
      const at = now.toISOString();
      const found = await rows<{
        rangeId: string;
        organisationId: string;
        gtin: string;
        firstSerial: string;
        lastSerial: string;
        scans: number;
        serials: number;
        sample: { lat: number; lon: number; at: string; serial: number }[];
      }>(
        db,
        sql`WITH s AS (
              SELECT gtin, serial, at, ${num('latitude')} AS lat, ${num('longitude')} AS lon
              FROM stamp_scans
              WHERE at > ${at}::timestamptz - make_interval(hours => ${opts.windowHours}) AND at <= ${at}::timestamptz
                AND latitude IS NOT NULL AND longitude IS NOT NULL),
            outside AS (
              SELECT s.*, r.id AS range_id, r.organisation_id FROM s
              JOIN stamp_ranges r ON r.gtin = s.gtin AND s.serial BETWEEN r.first_serial AND r.last_serial
              WHERE s.lat IS NOT NULL AND s.lon IS NOT NULL
                AND NOT (s.lat BETWEEN ${south} AND ${north} AND s.lon BETWEEN ${west} AND ${east})),
            places AS (
              SELECT DISTINCT o.gtin, l.latitude AS lat, l.longitude AS lon
              FROM (SELECT DISTINCT gtin, organisation_id FROM outside) o
              JOIN locations l ON l.latitude IS NOT NULL AND l.longitude IS NOT NULL AND (
                l.organisation_id = o.organisation_id OR l.organisation_id IN (
                  SELECT sh.receiver_organisation_id FROM shipments sh
                  WHERE sh.sender_organisation_id = o.organisation_id AND sh.receiver_organisation_id IS NOT NULL
                    AND sh.items @> jsonb_build_array(jsonb_build_object('gtin', o.gtin))))),
            far AS (
              SELECT o.* FROM outside o
              WHERE NOT EXISTS (
                SELECT 1 FROM places p WHERE p.gtin = o.gtin
                  AND 111.32 * sqrt(power(p.lat - o.lat, 2) + power((p.lon - o.lon) * cos(radians(o.lat)), 2)) <= ${opts.nearKm}))
          SELECT f.range_id AS "rangeId", f.organisation_id AS "organisationId", r.gtin,
            r.first_serial AS "firstSerial", r.last_serial AS "lastSerial",
            count(*)::int AS scans, count(DISTINCT f.serial)::int AS serials,
            (jsonb_agg(jsonb_build_object('lat', f.lat, 'lon', f.lon, 'at', f.at, 'serial', f.serial) ORDER BY f.at DESC)
              -> 0) AS sample
          FROM far f JOIN stamp_ranges r ON r.id = f.range_id
          GROUP BY f.range_id, f.organisation_id, r.gtin, r.first_serial, r.last_serial`,
      );
      return found.map(
        (f): Finding => ({
          subject: {
            type: 'stamp_range',
            organisationId: f.organisationId,
            gtin: f.gtin,
            firstSerial: Number(f.firstSerial),
            lastSerial: Number(f.lastSerial),
          },
          summary: `${f.serials} tem của sản phẩm mã ${f.gtin} được quét ${f.scans} lần ngoài tỉnh, xa mọi nơi sản phẩm được phân phối.`,
          evidence: {
            rangeId: f.rangeId,
            scans: f.scans,
            serials: f.serials,
            latest: f.sample,
            nearKm: opts.nearKm,
          },
          dedupeKey: `out_of_province:${f.rangeId}`,
        }),
      );
    },
  };
}
