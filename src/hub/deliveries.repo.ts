import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { hubDeliveries, hubEvents, hubNodes, hubRecords } from './hub.schema.ts';

export type RecordInsert = typeof hubRecords.$inferInsert;
export type EventInsert = typeof hubEvents.$inferInsert;
export type DeliveryInsert = typeof hubDeliveries.$inferInsert;

/** Rows a multi-row statement takes at once: well under PostgreSQL's 65,535 parameters. */
const chunk = 500;
const chunks = <T>(rows: T[]) =>
  Array.from({ length: Math.ceil(rows.length / chunk) }, (_, i) => rows.slice(i * chunk, (i + 1) * chunk));

/** What the hub holds of these records now: version and withdrawn flag, by `kind`+`recordId`. */
export async function currentRecords(db: DbOrTx, nodeId: string, recordIds: string[]) {
  if (!recordIds.length) return [];
  return db
    .select({
      kind: hubRecords.kind,
      recordId: hubRecords.recordId,
      version: hubRecords.version,
      withdrawn: hubRecords.withdrawn,
    })
    .from(hubRecords)
    .where(and(eq(hubRecords.nodeId, nodeId), inArray(hubRecords.recordId, recordIds)));
}

export async function currentEvents(db: DbOrTx, nodeId: string, eventIds: string[]) {
  if (!eventIds.length) return [];
  return db
    .select({ eventId: hubEvents.eventId, version: hubEvents.version, withdrawn: hubEvents.withdrawn })
    .from(hubEvents)
    .where(and(eq(hubEvents.nodeId, nodeId), inArray(hubEvents.eventId, eventIds)));
}

// a row is replaced only by a newer version, or by the withdrawal of the same one: two deliveries racing for
// one record end with the newer, whichever commits first
const newer = (table: typeof hubRecords | typeof hubEvents) =>
  sql`excluded.version > ${table.version} or (excluded.version = ${table.version} and excluded.withdrawn and not ${table.withdrawn})`;

export async function upsertRecords(db: DbOrTx, rows: RecordInsert[]) {
  for (const part of chunks(rows))
    await db
      .insert(hubRecords)
      .values(part)
      .onConflictDoUpdate({
        target: [hubRecords.nodeId, hubRecords.kind, hubRecords.recordId],
        set: {
          version: sql`excluded.version`,
          withdrawn: sql`excluded.withdrawn`,
          withdrawalReason: sql`excluded.withdrawal_reason`,
          // a withdrawal without a payload keeps the last one sent, so the hub knows what it refuses to show
          payload: sql`coalesce(excluded.payload, ${hubRecords.payload})`,
          organisationId: sql`coalesce(excluded.organisation_id, ${hubRecords.organisationId})`,
          name: sql`coalesce(excluded.name, ${hubRecords.name})`,
          gtin: sql`coalesce(excluded.gtin, ${hubRecords.gtin})`,
          lot: sql`coalesce(excluded.lot, ${hubRecords.lot})`,
          taxCode: sql`coalesce(excluded.tax_code, ${hubRecords.taxCode})`,
          searchText: sql`case when excluded.payload is null then ${hubRecords.searchText} else excluded.search_text end`,
          receivedAt: sql`excluded.received_at`,
        },
        setWhere: newer(hubRecords),
      });
}

export async function upsertEvents(db: DbOrTx, rows: EventInsert[]) {
  for (const part of chunks(rows))
    await db
      .insert(hubEvents)
      .values(part)
      .onConflictDoUpdate({
        target: [hubEvents.nodeId, hubEvents.eventId],
        set: {
          version: sql`excluded.version`,
          withdrawn: sql`excluded.withdrawn`,
          payload: sql`coalesce(excluded.payload, ${hubEvents.payload})`,
          eventTime: sql`coalesce(excluded.event_time, ${hubEvents.eventTime})`,
          goods: sql`case when excluded.payload is null then ${hubEvents.goods} else excluded.goods end`,
          receivedAt: sql`excluded.received_at`,
        },
        setWhere: newer(hubEvents),
      });
}

export async function logDelivery(db: DbOrTx, row: DeliveryInsert) {
  await db.insert(hubDeliveries).values(row);
  await db.update(hubNodes).set({ lastDeliveryAt: row.receivedAt }).where(eq(hubNodes.id, row.nodeId));
}
