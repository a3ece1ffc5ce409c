import { sql } from 'drizzle-orm';
import { type Check, rows } from './check.ts';
import type { Finding } from './contract.ts';

const kindWords: Record<string, string> = {
  impossible_travel: 'được quét ở hai nơi cách xa nhau trong thời gian quá ngắn',
  revoked: 'đã bị thu hồi nhưng vẫn được quét',
  lot_mismatch: 'được quét với số lô khác lô đã gán',
  unknown_serial: 'mang số sê-ri chưa từng được cấp',
  secret_mismatch: 'mang mã bí mật sai',
};

/** Stamps scanned from this many networks within `windowHours` look copied (many devices at once). */
export const busyNetworks = 5;
export const windowHours = 24;

/**
 * Cloned stamps. Two sources, both already gathered by the stamps module or its scan table:
 * - open suspicions (stamp_suspicions: impossible travel, revoked, wrong lot, unknown serial, wrong secret) seen in
 *   the last 7 days — today's signals feed cases;
 * - stamps scanned from many distinct networks within a day (scan pattern: many devices).
 */
export const cloneStamps: Check = {
  name: 'clone_stamps',
  title: 'Tem bị sao chép (quét bất thường)',
  async run(db, { now }) {
    const suspicions = await rows<{
      id: string;
      organisationId: string;
      gtin: string;
      serial: string | null;
      kind: string;
      count: number;
      lastSeenAt: string;
      evidence: Record<string, unknown>;
    }>(
      db,
      sql`SELECT id, organisation_id AS "organisationId", gtin, serial, kind, count,
            last_seen_at AS "lastSeenAt", evidence
          FROM stamp_suspicions
          WHERE state = 'open' AND last_seen_at > ${now.toISOString()}::timestamptz - interval '7 days'`,
    );
    const busy = await rows<{
      gtin: string;
      serial: string;
      networks: number;
      scans: number;
      organisationId: string;
    }>(
      db,
      sql`SELECT s.gtin, s.serial, s.networks, s.scans, r.organisation_id AS "organisationId"
          FROM (SELECT gtin, serial, count(DISTINCT network)::int AS networks, count(*)::int AS scans
                FROM stamp_scans
                WHERE at > ${now.toISOString()}::timestamptz - make_interval(hours => ${windowHours})
                  AND at <= ${now.toISOString()}::timestamptz
                GROUP BY gtin, serial HAVING count(DISTINCT network) >= ${busyNetworks}) s
          JOIN LATERAL (SELECT organisation_id FROM stamp_ranges r
                        WHERE r.gtin = s.gtin AND s.serial BETWEEN r.first_serial AND r.last_serial LIMIT 1) r ON true`,
    );
    const findings: Finding[] = suspicions.map((s) => {
      const serial = s.serial === null ? null : Number(s.serial);
      return {
        subject:
          serial === null
            ? { type: 'organisation', organisationId: s.organisationId }
            : {
                type: 'stamp_range',
                organisationId: s.organisationId,
                gtin: s.gtin,
                firstSerial: serial,
                lastSerial: serial,
              },
        summary: `Tem của sản phẩm mã ${s.gtin}${serial === null ? '' : `, số ${serial}`} ${kindWords[s.kind] ?? 'có dấu hiệu bị làm giả'} (${s.count} lần).`,
        evidence: {
          suspicionId: s.id,
          kind: s.kind,
          count: s.count,
          lastSeenAt: s.lastSeenAt,
          ...s.evidence,
        },
        dedupeKey: `clone_stamps:suspicion:${s.id}`,
      };
    });
    for (const b of busy) {
      const serial = Number(b.serial);
      findings.push({
        subject: {
          type: 'stamp_range',
          organisationId: b.organisationId,
          gtin: b.gtin,
          firstSerial: serial,
          lastSerial: serial,
        },
        summary: `Tem số ${serial} của sản phẩm mã ${b.gtin} được quét từ ${b.networks} thiết bị khác nhau trong ${windowHours} giờ.`,
        evidence: { gtin: b.gtin, serial, networks: b.networks, scans: b.scans, windowHours },
        dedupeKey: `clone_stamps:busy:${b.gtin}:${serial}`,
      });
    }
    return findings;
  },
};
