import { sql } from 'drizzle-orm';
import { listedProductsSql } from '../catalogues/index.ts';
import { type Check, rows, viDate } from './check.ts';
import type { Finding } from './contract.ts';
import { vnToday } from './expired-credentials.ts';

/** Days without any event after which a product on a mandatory list is flagged (TXNG_CHECKS_SILENT_DAYS). */
export const defaultSilentDays = 30;

/**
 * Products on a mandatory list with no EPCIS event naming their GTIN (a lot of it, or its instances) for
 * `days` days — the last event time per GTIN is found in one pass over the event ids.
 */
export function silentMandatory(opts: { days?: number } = {}): Check {
  const days = opts.days ?? defaultSilentDays;
  return {
    name: 'silent_mandatory',
    title: `Sản phẩm bắt buộc truy xuất không có sự kiện trong ${days} ngày`,
    async run(db, { now }) {
      const found = await rows<{
        id: string;
        organisationId: string;
        name: string;
        gtin: string;
        lastEventAt: string | null;
      }>(
        db,
        sql`WITH m AS (${await listedProductsSql(db, 'mandatory', vnToday(now))}),
            p AS (SELECT p.id, p.organisation_id, p.name, p.gtin FROM products p
                  WHERE p.id IN (SELECT id FROM m) AND p.review_status = 'approved'),
            last AS (
              SELECT substring(i.id from '/01/([0-9]{14})') AS gtin, max(e.event_time) AS at
              FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
              WHERE substring(i.id from '/01/([0-9]{14})') IN (SELECT gtin FROM p) AND NOT e.is_error_declaration
              GROUP BY 1)
          SELECT p.id, p.organisation_id AS "organisationId", p.name, p.gtin, last.at AS "lastEventAt"
          FROM p LEFT JOIN last ON last.gtin = p.gtin
          WHERE last.at IS NULL OR last.at < ${now.toISOString()}::timestamptz - make_interval(days => ${days})`,
      );
      return found.map(
        (p): Finding => ({
          subject: { type: 'product', organisationId: p.organisationId, productId: p.id },
          summary: p.lastEventAt
            ? `Sản phẩm ${p.name} thuộc danh mục bắt buộc truy xuất không có sự kiện nào từ ngày ${viDate(new Date(p.lastEventAt))} (quá ${days} ngày).`
            : `Sản phẩm ${p.name} thuộc danh mục bắt buộc truy xuất chưa có sự kiện nào.`,
          evidence: { productId: p.id, gtin: p.gtin, lastEventAt: p.lastEventAt, days },
          dedupeKey: `silent_mandatory:${p.id}`,
        }),
      );
    },
  };
}
