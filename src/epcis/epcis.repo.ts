import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, textArrayLiteral } from '../platform/index.ts';
import type { EventRow, IdRow, LinkRow } from './epcis.extract.ts';
import { gtinFirstOf, gtinPeriodsOf } from './epcis.rollup.ts';
import type { StoredEvent, StoredEventId, StoredEventLink } from './epcis.types.ts';

/** Runs raw SQL and returns its rows: `db.execute` answers `{ rows }` on PGlite and on node-postgres alike. */
export async function selectRows<T = any>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Stores a capture's events, their ids and links, and the products they name by month and year (epcis_gtin_months,
 * epcis_gtin_years) and their first month (epcis_gtin_first), in ONE statement: the rows travel as three JSON parameters and
 * are unpacked by jsonb_to_recordset, so a 10,000-event document costs one round trip. Events already stored
 * (same eventID, same errorDeclaration flag) are skipped with their ids and links: capture is idempotent.
 * Returns the events that were new, with their stored keys and times (what the capture's seal covers).
 */
export async function insertEvents(
  db: DbOrTx,
  capture: { captureId: string; organisationId: string | null },
  rows: EventRow[],
  ids: IdRow[],
  links: LinkRow[],
): Promise<InsertedEvent[]> {
  const rows_ = await selectRows(
    db,
    sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        "eventId" text, "isErrorDeclaration" boolean, "eventType" text, "eventTime" timestamptz,
        "eventTimeZoneOffset" text, action text, "bizStep" text, disposition text, "readPoint" text,
        "bizLocation" text, "contentHash" text, document jsonb)
    ), inserted AS (
      INSERT INTO epcis_events (event_id, is_error_declaration, event_type, event_time, event_time_zone_offset,
        action, biz_step, disposition, read_point, biz_location, organisation_id, capture_id, content_hash, document)
      SELECT "eventId", "isErrorDeclaration", "eventType", "eventTime", "eventTimeZoneOffset", action, "bizStep",
        disposition, "readPoint", "bizLocation", ${capture.organisationId}::uuid, ${capture.captureId}::uuid,
        "contentHash", document
      FROM input
      ON CONFLICT DO NOTHING
      RETURNING id, event_id, is_error_declaration, event_time, record_time
    ), new_ids AS (
      INSERT INTO epcis_event_ids (event_pk, id, role, is_class, quantity, uom)
      SELECT e.id, x.id, x.role, x."isClass", x.quantity, x.uom
      FROM jsonb_to_recordset(${JSON.stringify(ids)}::jsonb) AS x(
        "eventId" text, "isErrorDeclaration" boolean, id text, role text, "isClass" boolean, quantity numeric, uom text)
      JOIN inserted e ON e.event_id = x."eventId" AND e.is_error_declaration = x."isErrorDeclaration"
      RETURNING event_pk, id
    ), new_months AS (${gtinPeriodsOf('month', sql`new_ids i JOIN inserted e ON e.id = i.event_pk`)}
      RETURNING 1
    ), new_years AS (${gtinPeriodsOf('year', sql`new_ids i JOIN inserted e ON e.id = i.event_pk`)}
      RETURNING 1
    ), new_first AS (${gtinFirstOf(sql`new_ids i JOIN inserted e ON e.id = i.event_pk`)}
      RETURNING 1
    ), new_links AS (
      INSERT INTO epcis_event_links (event_pk, kind, type, value)
      SELECT e.id, x.kind, x.type, x.value
      FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x(
        "eventId" text, "isErrorDeclaration" boolean, kind text, type text, value text)
      JOIN inserted e ON e.event_id = x."eventId" AND e.is_error_declaration = x."isErrorDeclaration"
      RETURNING 1
    )
    SELECT (SELECT coalesce(json_agg(json_build_object('pk', id, 'eventId', event_id,
        'isErrorDeclaration', is_error_declaration, 'eventTime', ${sealedTime(sql`event_time`)},
        'recordTime', ${sealedTime(sql`record_time`)})), '[]'::json) FROM inserted) AS events,
      (SELECT count(*) FROM new_ids)::int AS ids, (SELECT count(*) FROM new_links)::int AS links`,
  );
  const events = rows_[0].events;
  return (typeof events === 'string' ? JSON.parse(events) : events) as InsertedEvent[];
}

/** An event a capture stored: its key and its times as the database holds them (sealedTime). */
export interface InsertedEvent {
  pk: number;
  eventId: string;
  isErrorDeclaration: boolean;
  eventTime: string;
  recordTime: string;
}

/**
 * A stored time written by the database itself, in UTC to the microsecond, so that the seal made at capture and
 * the check made later read the same text (no rounding by a client's date type in between).
 */
export const sealedTime = (column: SQL) =>
  sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Events of `rows` that were stored before this capture (`captureId`) saying something else under the same key: the
 * original of an eventID, or this organisation's declaration of it. Asked after the insert, so a concurrent capture
 * of the same eventID has committed or rolled back by then and is seen either way.
 */
export async function clashingEvents(
  db: DbOrTx,
  captureId: string,
  organisationId: string | null,
  rows: EventRow[],
): Promise<EventRow[]> {
  if (!rows.length) return [];
  // the keys first (one table), then those events in the months they were recorded in (decision 054)
  const keys = await selectRows<EventKey>(
    db,
    // one branch per partial unique index (an OR of the two would read the whole table)
    sql`SELECT event_pk AS pk, record_time::text AS "recordTime" FROM epcis_event_keys
    WHERE event_id = ANY(${pgArray(rows.map((r) => r.eventId))}::text[]) AND NOT is_error_declaration
    UNION ALL
    SELECT event_pk, record_time::text FROM epcis_event_keys
    WHERE event_id = ANY(${pgArray(rows.map((r) => r.eventId))}::text[]) AND is_error_declaration
      AND organisation_id IS NOT DISTINCT FROM ${organisationId}::uuid`,
  );
  if (!keys.length) return [];
  const stored = await selectRows<{ eventId: string; isErrorDeclaration: boolean; contentHash: string }>(
    db,
    sql`SELECT event_id AS "eventId", is_error_declaration AS "isErrorDeclaration", content_hash AS "contentHash"
    FROM epcis_events WHERE ${inMonths(keys)} AND capture_id <> ${captureId}::uuid`,
  );
  const held = new Map(stored.map((r) => [`${r.isErrorDeclaration}${r.eventId}`, r.contentHash]));
  return rows.filter((r) => {
    const hash = held.get(`${r.isErrorDeclaration}${r.eventId}`);
    return hash !== undefined && hash !== r.contentHash;
  });
}

export async function insertCaptureJob(
  db: DbOrTx,
  job: { id: string; organisationId: string | null; state: string; eventCount: number; errors: unknown },
) {
  await db.execute(sql`
    INSERT INTO epcis_capture_jobs (id, organisation_id, state, event_count, errors, finished_at)
    VALUES (${job.id}::uuid, ${job.organisationId}::uuid, ${job.state}, ${job.eventCount},
      ${job.errors === null ? null : JSON.stringify(job.errors)}::jsonb, now())`);
}

export interface CaptureJob {
  id: string;
  organisationId: string | null;
  state: string;
  eventCount: number;
  errors: unknown;
  createdAt: Date;
  finishedAt: Date | null;
}

const jobColumns = sql`id, organisation_id AS "organisationId", state, event_count AS "eventCount", errors,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

export async function findCaptureJob(db: DbOrTx, id: string): Promise<CaptureJob | null> {
  const rows = await selectRows(db, sql`SELECT ${jobColumns} FROM epcis_capture_jobs WHERE id = ${id}::uuid`);
  return rows.length ? toJob(rows[0]) : null;
}

export async function listCaptureJobs(
  db: DbOrTx,
  opts: { organisationIds: string[] | null; limit: number },
): Promise<CaptureJob[]> {
  const scope = opts.organisationIds
    ? sql`WHERE organisation_id = ANY(${pgArray(opts.organisationIds)}::uuid[])`
    : sql``;
  const rows = await selectRows(
    db,
    sql`SELECT ${jobColumns} FROM epcis_capture_jobs ${scope} ORDER BY created_at DESC, id LIMIT ${opts.limit}`,
  );
  return rows.map(toJob);
}

function toJob(r: any): CaptureJob {
  return { ...r, createdAt: new Date(r.createdAt), finishedAt: r.finishedAt ? new Date(r.finishedAt) : null };
}

/** A text[] parameter that both drivers read the same way (a PostgreSQL array literal). */
export const pgArray = textArrayLiteral;

const eventColumns = sql`e.id AS pk, e.event_id AS "eventId", e.event_type AS "eventType", e.event_time AS "eventTime",
  e.event_time_zone_offset AS "eventTimeZoneOffset", e.record_time AS "recordTime", e.action, e.biz_step AS "bizStep",
  e.disposition, e.read_point AS "readPoint", e.biz_location AS "bizLocation", e.organisation_id AS "organisationId",
  e.document,
  COALESCE((SELECT json_agg(json_build_object('id', i.id, 'role', i.role, 'isClass', i.is_class,
      'quantity', i.quantity, 'uom', i.uom)) FROM epcis_event_ids i WHERE i.event_pk = e.id), '[]') AS ids,
  COALESCE((SELECT json_agg(json_build_object('kind', l.kind, 'type', l.type, 'value', l.value))
      FROM epcis_event_links l WHERE l.event_pk = e.id), '[]') AS links`;

/**
 * The events of these keys, by id and record time: a partitioned table's planner reads only the months named
 * (decision 054), where a join on the id alone would plan and probe every month of the decade.
 */
function inMonths(keys: EventKey[], alias = '') {
  const a = alias ? sql.raw(`${alias}.`) : sql``;
  const times = [...new Set(keys.map((k) => k.recordTime))];
  return sql`${a}id = ANY(${`{${keys.map((k) => Number(k.pk)).join(',')}}`}::bigint[])
    AND ${a}record_time = ANY(${pgArray(times)}::timestamptz[])`;
}

/** An event's key and its record time as PostgreSQL wrote it (`record_time::text`: microseconds, which a Date drops). */
interface EventKey {
  pk: string | number;
  recordTime: string;
}

/** Events with their ids and links by the keys found first in epcis_event_keys, in one query. */
async function eventsOfKeys(db: DbOrTx, keys: EventKey[]) {
  if (!keys.length) return [];
  const rows = await selectRows(
    db,
    sql`SELECT ${eventColumns} FROM epcis_events e WHERE ${inMonths(keys, 'e')} ORDER BY e.event_time, e.id`,
  );
  return rows.map(toStoredEvent);
}

/** Events by primary key, with their ids and links. */
export async function eventsByPk(db: DbOrTx, pks: number[]): Promise<StoredEvent[]> {
  if (!pks.length) return [];
  const keys = await selectRows<EventKey>(
    db,
    sql`SELECT event_pk AS pk, record_time::text AS "recordTime" FROM epcis_event_keys
    WHERE event_pk = ANY(${`{${pks.map(Number).join(',')}}`}::bigint[])`,
  );
  return eventsOfKeys(db, keys);
}

/**
 * Whether the error declaration `d` may withdraw the original event `e`: only when the organisation that captured
 * the original declared it, or the department did (organisation_id NULL). Anyone else's declaration is ignored, so
 * one organisation cannot hide another's events.
 */
export const declaredByOwner = sql`(d.organisation_id IS NOT DISTINCT FROM e.organisation_id OR d.organisation_id IS NULL)`;

/**
 * Original events (not declarations) among `eventIds` that an organisation other than `organisationId` captured
 * (the department's own events, organisation_id NULL, count as another's).
 */
export async function originalsOfOthers(
  db: DbOrTx,
  eventIds: string[],
  organisationId: string | null,
): Promise<string[]> {
  if (!eventIds.length) return [];
  const rows = await selectRows<{ eventId: string }>(
    db,
    sql`SELECT event_id AS "eventId" FROM epcis_event_keys
    WHERE event_id = ANY(${pgArray(eventIds)}::text[]) AND NOT is_error_declaration
      AND organisation_id IS DISTINCT FROM ${organisationId}::uuid`,
  );
  return rows.map((r) => r.eventId);
}

/**
 * Events naming any of `ids` (any role) or, with `linkValues`, having one of them as source/destination,
 * recorded at or before `asOf`, without those their owner (or the department) declared erroneous by then. One round
 * trip: `txng_events_naming` (migration 0006, decision 067) finds the keys and reads those events from the months
 * they were recorded in, as `eventsByPk` does in two.
 */
export async function eventsByIdsOrLinks(
  db: DbOrTx,
  opts: { ids?: string[]; linkValues?: string[]; asOf?: Date; organisationIds?: string[] | null },
): Promise<StoredEvent[]> {
  const byIds = Boolean(opts.ids?.length);
  const rows = await selectRows(
    db,
    sql`SELECT * FROM txng_events_naming(
      ${byIds ? pgArray(opts.ids ?? []) : null}::text[],
      ${byIds ? null : pgArray(opts.linkValues ?? [])}::text[],
      ${opts.asOf ? opts.asOf.toISOString() : null}::timestamptz,
      ${opts.organisationIds ? pgArray(opts.organisationIds) : null}::uuid[])`,
  );
  return rows.map(toStoredEvent);
}

/**
 * For each of `ids`, the destinations that stored events naming it were sent to (events their owner declared
 * erroneous left out): who has been handed the goods, so who may go on speaking for them.
 */
export async function destinationsOfIds(db: DbOrTx, ids: string[]): Promise<{ id: string; value: string }[]> {
  if (!ids.length) return [];
  return selectRows(
    db,
    sql`SELECT DISTINCT i.id, l.value FROM epcis_event_ids i
      JOIN epcis_event_links l ON l.event_pk = i.event_pk AND l.kind = 'destination'
      JOIN epcis_event_keys e ON e.event_pk = i.event_pk
     WHERE i.id = ANY(${pgArray(ids)}::text[]) AND NOT e.is_error_declaration
       AND NOT EXISTS (SELECT 1 FROM epcis_event_keys d WHERE d.event_id = e.event_id AND d.is_error_declaration
         AND ${declaredByOwner})`,
  );
}

export function toStoredEvent(r: any): StoredEvent {
  const doc = typeof r.document === 'string' ? JSON.parse(r.document) : r.document;
  const ids = (typeof r.ids === 'string' ? JSON.parse(r.ids) : r.ids) as any[];
  const links = (typeof r.links === 'string' ? JSON.parse(r.links) : r.links) as StoredEventLink[];
  return {
    pk: Number(r.pk),
    eventId: r.eventId,
    eventType: r.eventType,
    eventTime: new Date(r.eventTime),
    eventTimeZoneOffset: r.eventTimeZoneOffset,
    recordTime: new Date(r.recordTime),
    action: r.action,
    bizStep: r.bizStep,
    disposition: r.disposition,
    readPoint: r.readPoint,
    bizLocation: r.bizLocation,
    organisationId: r.organisationId,
    ids: ids.map(
      (i): StoredEventId => ({
        ...i,
        quantity: i.quantity === null || i.quantity === undefined ? null : Number(i.quantity),
      }),
    ),
    links,
    document: doc,
  };
}
