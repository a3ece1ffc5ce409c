import { sql } from 'drizzle-orm';
import {
  canonicalJson,
  captureEntityType,
  leafHash,
  MerkleAccumulator,
  recordAudit,
  sha256Hex,
} from '../audit/index.ts';
import type { DbOrTx } from '../platform/index.ts';
import type { EventRow } from './epcis.extract.ts';
import { type InsertedEvent, sealedTime, selectRows } from './epcis.repo.ts';

/**
 * Captured events enter the audit chain one capture at a time (decision 057): the capture's audit row carries the
 * Merkle root of its events' leaves, so a capture of 10,000 events costs one chained row, and any one event can
 * still be proved by its path to that root.
 */

/** Everything stored of one event, as it is hashed: times as the database writes them (sealedTime). */
export interface SealedEventRow {
  eventId: string;
  isErrorDeclaration: boolean;
  eventType: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  organisationId: string | null;
  captureId: string;
  contentHash: string;
  document: unknown;
}

/** What an event's proof shows: its id, its CBV event hash (anyone holding the event can recompute it) and a digest of the rest. */
export interface EventLeafFields {
  eventId: string;
  isErrorDeclaration: boolean;
  contentHash: string;
  /** sha256 of every stored column of the event (the document, the columns queries read): nothing is readable from it. */
  rowDigest: string;
}

export function eventLeafFields(row: SealedEventRow): EventLeafFields {
  return {
    eventId: row.eventId,
    isErrorDeclaration: row.isErrorDeclaration,
    contentHash: row.contentHash,
    // every property of the row, keys sorted: the row is hashed as it is, without copying it first
    rowDigest: sha256Hex(canonicalJson(row)),
  };
}

export const eventLeaf = (fields: EventLeafFields) => leafHash(canonicalJson({ kind: 'event', ...fields }));

/** A capture's events in the order their tree uses: by eventID, the original before its declaration. */
export function sealOrder<T extends { eventId: string; isErrorDeclaration: boolean }>(events: T[]): T[] {
  return [...events].sort((a, b) =>
    a.eventId < b.eventId
      ? -1
      : a.eventId > b.eventId
        ? 1
        : Number(a.isErrorDeclaration) - Number(b.isErrorDeclaration),
  );
}

/** What the capture's audit row keeps: the root, and where its events are (their keys' range and record time). */
export interface CaptureSeal {
  events: number;
  root: string;
  /**
   * The first 8 hex digits of each event's leaf, in the tree's order, run together: not the proof (the root is),
   * but what lets a check name the one event that changed (4 bytes per event in the audit row).
   */
  leafPrefixes: string;
  firstPk: number;
  lastPk: number;
  recordTime: string;
}

/** The root of a capture's events and its leaves' prefixes (see CaptureSeal), from its rows in any order. */
export function captureRoot(rows: SealedEventRow[]): {
  root: string;
  leaves: string[];
  leafPrefixes: string;
} {
  const acc = new MerkleAccumulator();
  const leaves = sealOrder(rows).map((row) => eventLeaf(eventLeafFields(row)));
  for (const leaf of leaves) acc.push(leaf);
  return { root: acc.root(), leaves, leafPrefixes: leaves.map((l) => l.slice(0, 8)).join('') };
}

/** Writes the capture's one chained row; call it late in the capture's transaction (it takes the chain's lock). */
export async function sealCapture(
  tx: DbOrTx,
  capture: { captureId: string; organisationId: string | null },
  rows: EventRow[],
  inserted: InsertedEvent[],
): Promise<void> {
  if (!inserted.length) return;
  const byKey = new Map(rows.map((r) => [`${r.isErrorDeclaration ? 1 : 0}${r.eventId}`, r]));
  const sealed: SealedEventRow[] = inserted.map((e) => {
    const r = byKey.get(`${e.isErrorDeclaration ? 1 : 0}${e.eventId}`)!;
    return {
      eventId: e.eventId,
      isErrorDeclaration: e.isErrorDeclaration,
      eventType: r.eventType,
      eventTime: e.eventTime,
      eventTimeZoneOffset: r.eventTimeZoneOffset,
      recordTime: e.recordTime,
      action: r.action,
      bizStep: r.bizStep,
      disposition: r.disposition,
      readPoint: r.readPoint,
      bizLocation: r.bizLocation,
      organisationId: capture.organisationId,
      captureId: capture.captureId,
      contentHash: r.contentHash,
      document: r.document,
    };
  });
  const pks = inserted.map((e) => e.pk);
  const { root, leafPrefixes } = captureRoot(sealed);
  const seal: CaptureSeal = {
    events: sealed.length,
    root,
    leafPrefixes,
    firstPk: Math.min(...pks),
    lastPk: Math.max(...pks),
    recordTime: inserted[0].recordTime,
  };
  await recordAudit(tx, {
    actor: null,
    action: 'capture',
    entityType: captureEntityType,
    entityId: capture.captureId,
    organisationId: capture.organisationId,
    after: seal,
  });
}

const sealedColumns = sql`event_id AS "eventId", is_error_declaration AS "isErrorDeclaration", event_type AS "eventType",
  ${sealedTime(sql`event_time`)} AS "eventTime", event_time_zone_offset AS "eventTimeZoneOffset",
  ${sealedTime(sql`record_time`)} AS "recordTime", action, biz_step AS "bizStep", disposition,
  read_point AS "readPoint", biz_location AS "bizLocation", organisation_id AS "organisationId",
  capture_id AS "captureId", content_hash AS "contentHash", document`;

/** The stored events of one capture, as they stand now, found by its seal (its keys' range: no scan of the table). */
export function storedEventsOfCapture(
  db: DbOrTx,
  captureId: string,
  seal: Pick<CaptureSeal, 'firstPk' | 'lastPk' | 'recordTime'>,
): Promise<SealedEventRow[]> {
  return selectRows<SealedEventRow>(
    db,
    sql`SELECT ${sealedColumns} FROM epcis_events
      WHERE id BETWEEN ${seal.firstPk} AND ${seal.lastPk} AND record_time = ${seal.recordTime}::timestamptz
        AND capture_id = ${captureId}::uuid`,
  );
}

/** The stored rows of an eventID (the original, and declarations of it), each with its capture. */
export function storedEventsById(db: DbOrTx, eventId: string): Promise<SealedEventRow[]> {
  return selectRows<SealedEventRow>(
    db,
    sql`SELECT ${sealedColumns} FROM epcis_events WHERE event_id = ${eventId} ORDER BY is_error_declaration, id`,
  );
}
