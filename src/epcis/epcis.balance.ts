import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { pgArray, selectRows } from './epcis.repo.ts';

/** How much of a class an organisation gained and gave up, in one unit of measure, by its own events. */
export interface ClassBalance {
  classId: string;
  uom: string | null;
  gained: number;
  lost: number;
}

/**
 * The quantities of product classes (GTIN + lot, stored form) an organisation's own events record, by CBV meaning:
 * gained by commissioning (an ADD ObjectEvent), a transformation's outputs and receiving; given up by shipping,
 * retail selling, destroying and a transformation's inputs. Aggregation (packing onto a pallet) moves nothing.
 * Events an error declaration withdrew do not count.
 */
export async function classBalances(
  db: DbOrTx,
  organisationId: string,
  classIds: string[],
): Promise<ClassBalance[]> {
  if (!classIds.length) return [];
  const rows = await selectRows<{ classId: string; uom: string | null; gained: string; lost: string }>(
    db,
    sql`SELECT i.id AS "classId", i.uom,
        COALESCE(SUM(i.quantity) FILTER (WHERE i.role = 'output'
          OR (i.role = 'epc' AND (e.action = 'ADD' OR e.biz_step = 'receiving'))), 0) AS gained,
        COALESCE(SUM(i.quantity) FILTER (WHERE i.role = 'input'
          OR (i.role = 'epc' AND e.action IS DISTINCT FROM 'ADD'
            AND e.biz_step IN ('shipping', 'retail_selling', 'destroying'))), 0) AS lost
      FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
      WHERE i.id = ANY(${pgArray(classIds)}::text[]) AND i.is_class AND i.quantity IS NOT NULL
        AND e.organisation_id = ${organisationId}::uuid AND NOT e.is_error_declaration
        AND NOT EXISTS (SELECT 1 FROM epcis_events d WHERE d.event_id = e.event_id AND d.is_error_declaration)
      GROUP BY i.id, i.uom`,
  );
  return rows.map((r) => ({
    classId: r.classId,
    uom: r.uom,
    gained: Number(r.gained),
    lost: Number(r.lost),
  }));
}

/** The classes (stored form) an organisation's own events say it made or received, newest first. */
export async function classesGainedBy(db: DbOrTx, organisationId: string, limit = 500): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    db,
    sql`SELECT i.id, MAX(e.event_time) AS latest
      FROM epcis_event_ids i JOIN epcis_events e ON e.id = i.event_pk
      WHERE e.organisation_id = ${organisationId}::uuid AND i.is_class AND NOT e.is_error_declaration
        AND (i.role = 'output' OR (i.role = 'epc' AND (e.action = 'ADD' OR e.biz_step = 'receiving')))
      GROUP BY i.id ORDER BY latest DESC LIMIT ${limit}`,
  );
  return rows.map((r) => r.id);
}
