import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { EventQuery } from './epcis.query.ts';
import { pgArray, selectRows, toStoredEvent } from './epcis.repo.ts';
import type { Visibility } from './epcis.service.ts';
import type { StoredEvent } from './epcis.types.ts';

const columns = sql`e.id AS pk, e.event_id AS "eventId", e.event_type AS "eventType", e.event_time AS "eventTime",
  e.event_time_zone_offset AS "eventTimeZoneOffset", e.record_time AS "recordTime", e.action, e.biz_step AS "bizStep",
  e.disposition, e.read_point AS "readPoint", e.biz_location AS "bizLocation", e.organisation_id AS "organisationId",
  e.document, '[]'::json AS ids, '[]'::json AS links`;

export function visibilityCondition(visibility: Visibility): SQL {
  if (visibility.all) return sql`TRUE`;
  const own = sql`e.organisation_id = ANY(${pgArray(visibility.organisationIds)}::uuid[])`;
  if (!visibility.linkValues.length) return own;
  return sql`(${own} OR e.id IN (SELECT event_pk FROM epcis_event_links
    WHERE value = ANY(${pgArray(visibility.linkValues)}::text[]) AND kind IN ('source', 'destination')))`;
}

/**
 * One page of a SimpleEventQuery, in capture order (primary key), so the next-page cursor is stable while new
 * events arrive. Reads one row more than the page to know whether another page follows.
 */
export async function queryEvents(
  db: DbOrTx,
  query: EventQuery,
  visibility: Visibility,
): Promise<{ events: StoredEvent[]; more: boolean }> {
  const conditions: SQL[] = [visibilityCondition(visibility)];
  if (query.eventTypes) conditions.push(sql`e.event_type = ANY(${pgArray(query.eventTypes)}::text[])`);
  for (const t of query.times) {
    const column = sql.raw(`e.${t.column}`);
    conditions.push(
      t.op === '>=' ? sql`${column} >= ${t.value}::timestamptz` : sql`${column} < ${t.value}::timestamptz`,
    );
  }
  for (const eq of query.equals)
    conditions.push(sql`${sql.raw(`e.${eq.column}`)} = ANY(${pgArray(eq.values)}::text[])`);
  for (const m of query.matches)
    conditions.push(sql`e.id IN (SELECT event_pk FROM epcis_event_ids WHERE id = ANY(${pgArray(m.ids)}::text[])
      AND role = ANY(${pgArray(m.roles)}::text[]) AND is_class = ${m.isClass})`);
  for (const l of query.links)
    conditions.push(sql`e.id IN (SELECT event_pk FROM epcis_event_links WHERE kind = ${l.kind} AND type = ${l.type}
      AND value = ANY(${pgArray(l.values)}::text[]))`);
  if (query.after !== null) conditions.push(sql`e.id > ${query.after}`);
  const rows = await selectRows(
    db,
    sql`
    SELECT ${columns} FROM epcis_events e WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY e.id LIMIT ${query.perPage + 1}`,
  );
  const events = rows.slice(0, query.perPage).map(toStoredEvent);
  return { events, more: rows.length > query.perPage };
}

/** Distinct values of one column among the visible events (top-level resources: bizSteps, readPoints, …). */
export async function distinctValues(
  db: DbOrTx,
  column: 'event_type' | 'biz_step' | 'disposition' | 'read_point' | 'biz_location',
  visibility: Visibility,
  limit = 1000,
): Promise<string[]> {
  const c = sql.raw(`e.${column}`);
  const rows = await selectRows(
    db,
    sql`
    SELECT DISTINCT ${c} AS value FROM epcis_events e
    WHERE ${c} IS NOT NULL AND ${visibilityCondition(visibility)} ORDER BY 1 LIMIT ${limit}`,
  );
  return rows.map((r: any) => r.value);
}
