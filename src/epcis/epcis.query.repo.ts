import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, Problem } from '../platform/index.ts';
import type { EventQuery } from './epcis.query.ts';
import { extensionConditions } from './epcis.query-ext.repo.ts';
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
  for (const m of query.matches) {
    // equality alone when there is no pattern, so the (id, role) index serves it
    const equal = sql`id = ANY(${pgArray(m.ids)}::text[])`;
    const like = sql`id LIKE ANY(${pgArray(m.likes)}::text[])`;
    const which = !m.likes.length ? equal : !m.ids.length ? like : sql`(${equal} OR ${like})`;
    conditions.push(sql`e.id IN (SELECT event_pk FROM epcis_event_ids WHERE ${which}
      AND role = ANY(${pgArray(m.roles)}::text[]) AND is_class = ${m.isClass})`);
  }
  for (const l of query.links)
    conditions.push(sql`e.id IN (SELECT event_pk FROM epcis_event_links WHERE kind = ${l.kind} AND type = ${l.type}
      AND value = ANY(${pgArray(l.values)}::text[]))`);
  for (const p of [...query.paths, ...query.extensions.paths])
    conditions.push(
      sql`(${sql.join(
        p.paths.map(
          (path) => sql`jsonb_path_exists(e.document, ${path}::jsonpath, ${JSON.stringify(p.vars)}::jsonb)`,
        ),
        sql` OR `,
      )})`,
    );
  // times inside the document (sensor data, declarations) compare as times, whatever offset each was written with
  for (const t of query.timesAt)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM (${sql.join(
        t.paths.map((path) => sql`SELECT jsonb_path_query(e.document, ${path}::jsonpath) AS v`),
        sql` UNION ALL `,
      )}) found WHERE (found.v #>> '{}')::timestamptz ${sql.raw(t.op)} ${t.value}::timestamptz)`,
    );
  if (query.declared) conditions.push(sql`e.is_error_declaration`);
  for (const w of query.within)
    conditions.push(sql`${sql.raw(`e.${w.column}`)} IN (
      WITH RECURSIVE under(id) AS (
        SELECT unnest(${pgArray(w.values)}::text[])
        UNION SELECT jsonb_array_elements_text(m.children) FROM epcis_master_data m JOIN under ON m.element_id = under.id)
      SELECT id FROM under)`);
  conditions.push(...extensionConditions(query.extensions));
  const where = sql.join(conditions, sql` AND `);
  if (query.maxEventCount !== null) {
    const [{ n }] = await selectRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM epcis_events e WHERE ${where} LIMIT ${query.maxEventCount + 1}) x`,
    );
    if (n > query.maxEventCount)
      throw new Problem(413, 'epcis-query-too-large', { params: { maximum: query.maxEventCount } });
  }
  const { column, direction } = query.order;
  const sort = column ? sql.raw(`date_trunc('milliseconds', e.${column})`) : null;
  const dir = sql.raw(direction);
  const cursor =
    query.after === null
      ? sql`TRUE`
      : sort && query.after.at
        ? sql`(${sort}, e.id) ${sql.raw(direction === 'ASC' ? '>' : '<')} (${query.after.at}::timestamptz, ${query.after.pk})`
        : sql`e.id ${sql.raw(direction === 'ASC' ? '>' : '<')} ${query.after.pk}`;
  const rows = await selectRows(
    db,
    sql`
    SELECT ${columns} FROM epcis_events e WHERE ${where} AND ${cursor}
    ORDER BY ${sort ? sql`${sort} ${dir}, ` : sql``}e.id ${dir} LIMIT ${query.perPage + 1}`,
  );
  const events = rows.slice(0, query.perPage).map(toStoredEvent);
  // eventCountLimit: the one page is all there is
  return { events, more: query.eventCountLimit === null && rows.length > query.perPage };
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
