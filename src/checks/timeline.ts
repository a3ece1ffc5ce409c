import { sql } from 'drizzle-orm';
import { type Check, rows, viDate } from './check.ts';
import type { Finding } from './contract.ts';

/** An event this far past the run's clock is "in the future" (clocks and time zones differ a little). */
export const futureSlackHours = 24;

/**
 * Impossible timelines, three kinds, each one statement:
 * - events dated in the future (more than a day ahead), per organisation;
 * - a lot shipped before it was harvested or made (its first shipping event before its first commissioning or
 *   transformation output, by the same organisation);
 * - a harvest recorded in the production diary inside a pesticide's or veterinary drug's withdrawal interval
 *   at the same place and season (the diary refuses it at entry; imports and edits may still carry it).
 */
export const timeline: Check = {
  name: 'timeline',
  title: 'Thời gian không hợp lý',
  async run(db, { now }) {
    const at = now.toISOString();
    const future = await rows<{ organisationId: string; events: number; latest: string; sample: string[] }>(
      db,
      sql`SELECT organisation_id AS "organisationId", count(*)::int AS events, max(event_time) AS latest,
            (array_agg(event_id ORDER BY event_time DESC))[1:5] AS sample
          FROM epcis_events
          WHERE event_time > ${at}::timestamptz + make_interval(hours => ${futureSlackHours})
            AND organisation_id IS NOT NULL AND NOT is_error_declaration
          GROUP BY organisation_id`,
    );
    const early = await rows<{
      organisationId: string;
      classId: string;
      shippedAt: string;
      madeAt: string;
      lotId: string | null;
    }>(
      db,
      sql`WITH t AS (
            SELECT e.organisation_id, i.id AS class_id,
              min(e.event_time) FILTER (WHERE e.biz_step = 'shipping' AND i.role = 'epc') AS shipped_at,
              min(e.event_time) FILTER (WHERE i.role = 'output'
                OR (i.role = 'epc' AND e.action = 'ADD' AND e.biz_step IN ('commissioning', 'harvesting', 'creating_class_instance'))) AS made_at
            FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
            WHERE i.is_class AND e.organisation_id IS NOT NULL AND NOT e.is_error_declaration
            GROUP BY 1, 2)
          SELECT t.organisation_id AS "organisationId", t.class_id AS "classId", t.shipped_at AS "shippedAt",
            t.made_at AS "madeAt", l.id AS "lotId"
          FROM t
          LEFT JOIN lots l ON l.gtin = substring(t.class_id from '/01/([0-9]{14})')
            AND l.lot = substring(t.class_id from '/10/([^/?]+)') AND l.organisation_id = t.organisation_id
          WHERE t.shipped_at < t.made_at`,
    );
    const withdrawal = await rows<{
      organisationId: string;
      harvestId: string;
      harvestDate: string;
      sprayId: string;
      sprayDate: string;
      inputName: string | null;
      withdrawalDays: number;
      season: string;
    }>(
      db,
      sql`SELECT DISTINCT ON (h.id) h.organisation_id AS "organisationId", h.id AS "harvestId",
            h.entry_date::text AS "harvestDate", s.id AS "sprayId", s.entry_date::text AS "sprayDate",
            s.input_name AS "inputName", s.withdrawal_days AS "withdrawalDays", h.season
          FROM diary_entries h
          JOIN diary_entries s ON s.location_id = h.location_id AND s.season = h.season
            AND s.kind IN ('pesticide', 'veterinary_drug') AND s.withdrawal_days > 0
            AND s.entry_date <= h.entry_date AND h.entry_date < s.entry_date + s.withdrawal_days
          WHERE h.kind = 'harvest'
          ORDER BY h.id, s.entry_date + s.withdrawal_days DESC`,
    );
    const findings: Finding[] = [];
    for (const f of future)
      findings.push({
        subject: { type: 'organisation', organisationId: f.organisationId },
        summary: `${f.events} sự kiện được ghi với thời gian trong tương lai (muộn nhất ${viDate(new Date(f.latest))}).`,
        evidence: { kind: 'future', events: f.events, latest: f.latest, eventIds: f.sample },
        dedupeKey: `timeline:future:${f.organisationId}`,
      });
    for (const f of early)
      findings.push({
        subject: f.lotId
          ? { type: 'lot', organisationId: f.organisationId, lotId: f.lotId }
          : { type: 'organisation', organisationId: f.organisationId },
        summary: `Lô ${f.classId} được xuất đi ngày ${viDate(new Date(f.shippedAt))}, trước khi được thu hoạch hoặc sản xuất ngày ${viDate(new Date(f.madeAt))}.`,
        evidence: {
          kind: 'shipped_before_made',
          classId: f.classId,
          shippedAt: f.shippedAt,
          madeAt: f.madeAt,
        },
        dedupeKey: `timeline:early:${f.organisationId}:${f.classId}`,
      });
    for (const f of withdrawal)
      findings.push({
        subject: { type: 'organisation', organisationId: f.organisationId },
        summary: `Thu hoạch ngày ${viDate(f.harvestDate)} khi chưa hết ${f.withdrawalDays} ngày cách ly sau lần dùng ${f.inputName ?? 'thuốc'} ngày ${viDate(f.sprayDate)} (vụ ${f.season}).`,
        evidence: { kind: 'withdrawal', ...f },
        dedupeKey: `timeline:withdrawal:${f.harvestId}`,
      });
    return findings;
  },
};
