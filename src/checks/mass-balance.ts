import { sql } from 'drizzle-orm';
import { baseUnit, unitDimensions, unitNames } from '../chain/index.ts';
import { type Check, rows } from './check.ts';
import type { Finding } from './contract.ts';

/**
 * Units converted to their kind's base unit (kg, litre, piece) — the table the stage forms and capture use
 * (chain's unitDimensions): a quantity in another unit is compared only with quantities in that same unit.
 */
const unitSql = sql`(VALUES ${sql.join(
  Object.entries(unitDimensions).map(
    ([code, d]) => sql`(${code}::text, ${d.kind}::text, ${d.factor}::numeric)`,
  ),
  sql`, `,
)})`;

const kindWords: Record<string, string> = Object.fromEntries(
  Object.entries(baseUnit).map(([kind, code]) => [kind, unitNames[code].vi]),
);

/**
 * Mass balance: an organisation gave up more of a lot (shipped, sold, destroyed, used as a transformation's input)
 * than it gained (commissioned, received, made as a transformation's output), by its own EPCIS events, per kind of
 * unit. The stage forms and EPCIS capture already refuse this at entry when the lot's quantity is known (stock.ts);
 * this finds what came in anyway, from other systems' events. Withdrawn (error-declared) events do not count.
 * One statement over the whole province.
 */
export const massBalance: Check = {
  name: 'mass_balance',
  title: 'Xuất nhiều hơn nhập (cân đối khối lượng)',
  async run(db) {
    const found = await rows<{
      organisationId: string;
      classId: string;
      kind: string;
      gained: string;
      lost: string;
      events: number;
      lotId: string | null;
      productId: string | null;
    }>(
      db,
      sql`WITH u(code, kind, factor) AS ${unitSql},
        moved AS (
          SELECT e.organisation_id, i.id AS class_id, COALESCE(u.kind, 'unit:' || COALESCE(i.uom, '')) AS kind,
            SUM(i.quantity * COALESCE(u.factor, 1)) FILTER (WHERE i.role = 'output'
              OR (i.role = 'epc' AND (e.action = 'ADD' OR e.biz_step = 'receiving'))) AS gained,
            SUM(i.quantity * COALESCE(u.factor, 1)) FILTER (WHERE i.role = 'input'
              OR (i.role = 'epc' AND e.action IS DISTINCT FROM 'ADD'
                  AND e.biz_step IN ('shipping', 'retail_selling', 'destroying'))) AS lost,
            count(DISTINCT e.id)::int AS events
          FROM epcis_event_ids i
          JOIN epcis_events e ON e.id = i.event_pk
          LEFT JOIN u ON u.code = i.uom
          WHERE i.is_class AND i.quantity IS NOT NULL AND e.organisation_id IS NOT NULL
            AND NOT e.is_error_declaration
            AND NOT EXISTS (SELECT 1 FROM epcis_events d WHERE d.is_error_declaration AND d.event_id = e.event_id)
          GROUP BY 1, 2, 3)
        SELECT m.organisation_id AS "organisationId", m.class_id AS "classId", m.kind,
          COALESCE(m.gained, 0) AS gained, m.lost, m.events, l.id AS "lotId", p.id AS "productId"
        FROM moved m
        LEFT JOIN products p ON p.gtin = substring(m.class_id from '/01/([0-9]{14})')
        LEFT JOIN lots l ON l.gtin = p.gtin AND l.lot = substring(m.class_id from '/10/([^/?]+)')
          AND l.organisation_id = m.organisation_id
        WHERE m.lost > COALESCE(m.gained, 0) * 1.000001`,
    );
    return found.map((f): Finding => {
      const unit = kindWords[f.kind] ?? f.kind.replace(/^unit:/, '');
      const gained = Number(f.gained);
      const lost = Number(f.lost);
      return {
        subject: f.lotId
          ? { type: 'lot', organisationId: f.organisationId, lotId: f.lotId }
          : f.productId
            ? { type: 'product', organisationId: f.organisationId, productId: f.productId }
            : { type: 'organisation', organisationId: f.organisationId },
        summary: `Lô ${f.classId} được xuất, bán hoặc chế biến ${fmt(lost)} ${unit} trong khi chỉ nhập hoặc sản xuất ${fmt(gained)} ${unit}.`,
        evidence: {
          classId: f.classId,
          unitKind: f.kind,
          gained,
          lost,
          excess: lost - gained,
          events: f.events,
        },
        dedupeKey: `mass_balance:${f.organisationId}:${f.classId}:${f.kind}`,
      };
    });
  },
};

const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });
