import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { Excursion } from './sensors.detect.ts';
import {
  type ReadingKind,
  type ReadingSource,
  sensorAlerts,
  sensorDevices,
  sensorExcursions,
  sensorThresholds,
} from './sensors.schema.ts';

export type DeviceRow = typeof sensorDevices.$inferSelect;
export type ThresholdRow = typeof sensorThresholds.$inferSelect;
export type ExcursionRow = typeof sensorExcursions.$inferSelect;

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

/** An array literal (NULL for null) that both drivers (pg, PGlite) pass as one parameter. */
const arrayLiteral = (values: (string | number | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;

/** A reading as stored (its product rides along for the thresholds, not stored). */
export interface ReadingRow {
  at: Date;
  organisationId: string;
  source: ReadingSource;
  deviceId: string | null;
  eventId: string | null;
  kind: ReadingKind;
  value: number;
  lotId: string | null;
  productId: string | null;
  locationId: string | null;
  shipmentId: string | null;
}

/** One multi-row INSERT of any number of readings (ten arrays, one statement). */
export async function insertReadings(db: DbOrTx, list: ReadingRow[]): Promise<void> {
  if (!list.length) return;
  const col = (f: (r: ReadingRow) => string | number | null) => arrayLiteral(list.map(f));
  await db.execute(sql`
    INSERT INTO sensor_readings (at, organisation_id, source, device_id, event_id, kind, value, lot_id, location_id, shipment_id)
    SELECT * FROM unnest(
      ${col((r) => r.at.toISOString())}::timestamptz[], ${col((r) => r.organisationId)}::uuid[],
      ${col((r) => r.source)}::text[], ${col((r) => r.deviceId)}::uuid[], ${col((r) => r.eventId)}::text[],
      ${col((r) => r.kind)}::text[], ${col((r) => r.value)}::float8[], ${col((r) => r.lotId)}::uuid[],
      ${col((r) => r.locationId)}::uuid[], ${col((r) => r.shipmentId)}::uuid[])`);
}

export async function insertDevice(db: DbOrTx, values: typeof sensorDevices.$inferInsert) {
  const [row] = await db.insert(sensorDevices).values(values).returning();
  return row;
}

export async function findDevice(db: DbOrTx, id: string): Promise<DeviceRow | null> {
  const [row] = await db.select().from(sensorDevices).where(eq(sensorDevices.id, id));
  return row ?? null;
}

export async function findDeviceByKeyHash(db: DbOrTx, keyHash: string): Promise<DeviceRow | null> {
  const [row] = await db
    .select()
    .from(sensorDevices)
    .where(and(eq(sensorDevices.keyHash, keyHash), isNull(sensorDevices.revokedAt)));
  return row ?? null;
}

export async function listDevices(db: DbOrTx, organisationIds: string[] | null) {
  return db
    .select()
    .from(sensorDevices)
    .where(
      organisationIds
        ? sql`${sensorDevices.organisationId} = ANY(${arrayLiteral(organisationIds)}::uuid[])`
        : undefined,
    )
    .orderBy(desc(sensorDevices.createdAt));
}

export async function revokeDevice(db: DbOrTx, id: string, by: string) {
  const [row] = await db
    .update(sensorDevices)
    .set({ revokedAt: new Date(), revokedBy: by })
    .where(and(eq(sensorDevices.id, id), isNull(sensorDevices.revokedAt)))
    .returning();
  return row ?? null;
}

export async function touchDevice(db: DbOrTx, id: string, at: Date) {
  await db.update(sensorDevices).set({ lastSeenAt: at }).where(eq(sensorDevices.id, id));
}

export async function insertThreshold(db: DbOrTx, values: typeof sensorThresholds.$inferInsert) {
  const [row] = await db.insert(sensorThresholds).values(values).returning();
  return row;
}

export async function findThreshold(db: DbOrTx, id: string): Promise<ThresholdRow | null> {
  const [row] = await db.select().from(sensorThresholds).where(eq(sensorThresholds.id, id));
  return row ?? null;
}

export async function listThresholds(db: DbOrTx, organisationIds: string[] | null) {
  return db
    .select()
    .from(sensorThresholds)
    .where(
      and(
        eq(sensorThresholds.active, true),
        organisationIds
          ? sql`${sensorThresholds.organisationId} = ANY(${arrayLiteral(organisationIds)}::uuid[])`
          : undefined,
      ),
    )
    .orderBy(desc(sensorThresholds.createdAt));
}

export async function deactivateThreshold(db: DbOrTx, id: string) {
  const [row] = await db
    .update(sensorThresholds)
    .set({ active: false })
    .where(eq(sensorThresholds.id, id))
    .returning();
  return row ?? null;
}

/** The active thresholds of the organisations for the kinds (one query for a whole batch). */
export async function activeThresholdsOf(db: DbOrTx, organisationIds: string[], kinds: string[]) {
  if (!organisationIds.length || !kinds.length) return [];
  return db
    .select()
    .from(sensorThresholds)
    .where(
      and(
        eq(sensorThresholds.active, true),
        sql`${sensorThresholds.organisationId} = ANY(${arrayLiteral(organisationIds)}::uuid[])`,
        sql`${sensorThresholds.kind} = ANY(${arrayLiteral(kinds)}::text[])`,
      ),
    );
}

/** The running (pending or open) excursions of the thresholds, locked until the transaction ends. */
export async function runningExcursions(db: DbOrTx, thresholdIds: string[]): Promise<ExcursionRow[]> {
  if (!thresholdIds.length) return [];
  return db
    .select()
    .from(sensorExcursions)
    .where(
      and(
        sql`${sensorExcursions.thresholdId} = ANY(${arrayLiteral(thresholdIds)}::uuid[])`,
        sql`${sensorExcursions.state} <> 'closed'`,
      ),
    )
    .for('update');
}

export interface ExcursionWhere {
  organisationId: string;
  thresholdId: string;
  series: string;
  kind: ReadingKind;
  min: number | null;
  max: number | null;
  durationSeconds: number;
  deviceId: string | null;
  lotId: string | null;
  productId: string | null;
  locationId: string | null;
  shipmentId: string | null;
}

export async function insertExcursion(db: DbOrTx, where: ExcursionWhere, e: Excursion) {
  const [row] = await db
    .insert(sensorExcursions)
    .values({ ...where, ...excursionColumns(e) })
    .returning();
  return row;
}

export async function updateExcursion(db: DbOrTx, id: string, e: Excursion) {
  await db.update(sensorExcursions).set(excursionColumns(e)).where(eq(sensorExcursions.id, id));
}

export async function deleteExcursion(db: DbOrTx, id: string) {
  await db.delete(sensorExcursions).where(eq(sensorExcursions.id, id));
}

const excursionColumns = (e: Excursion) => ({
  state: e.state,
  startedAt: e.startedAt,
  lastOutAt: e.lastOutAt,
  endedAt: e.endedAt,
  worstValue: e.worstValue,
  worstAt: e.worstAt,
});

export async function insertAlerts(db: DbOrTx, values: (typeof sensorAlerts.$inferInsert)[]) {
  if (values.length) await db.insert(sensorAlerts).values(values).onConflictDoNothing();
}

export async function findExcursion(db: DbOrTx, id: string): Promise<ExcursionRow | null> {
  const [row] = await db.select().from(sensorExcursions).where(eq(sensorExcursions.id, id));
  return row ?? null;
}

export async function setExcursionPublished(db: DbOrTx, id: string, by: string | null) {
  const [row] = await db
    .update(sensorExcursions)
    .set({ publishedAt: by ? new Date() : null, publishedBy: by })
    .where(eq(sensorExcursions.id, id))
    .returning();
  return row;
}

/** Sectors an excursion's alerts were sent to. */
export async function alertSectorsOf(db: DbOrTx, excursionId: string): Promise<string[]> {
  const found = await db
    .select({ sector: sensorAlerts.sector })
    .from(sensorAlerts)
    .where(and(eq(sensorAlerts.excursionId, excursionId), eq(sensorAlerts.audience, 'sector')));
  return found.map((r) => r.sector).filter((s): s is string => s !== null);
}

/** Alerts newest first: of the organisations, and/or sent to a sector (null filters: every alert). */
export async function listAlerts(
  db: DbOrTx,
  scope: { organisationIds: string[] | null; sector: string | null },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (scope.organisationIds && scope.sector)
    conditions.push(
      sql`((a.audience = 'organisation' AND a.organisation_id = ANY(${arrayLiteral(scope.organisationIds)}::uuid[])) OR (a.audience = 'sector' AND a.sector = ${scope.sector}))`,
    );
  else if (scope.organisationIds)
    conditions.push(
      sql`a.audience = 'organisation' AND a.organisation_id = ANY(${arrayLiteral(scope.organisationIds)}::uuid[])`,
    );
  else if (scope.sector) conditions.push(sql`a.audience = 'sector' AND a.sector = ${scope.sector}`);
  else conditions.push(sql`a.audience = 'organisation'`);
  const where = sql.join(conditions, sql` AND `);
  const found = await rows<{
    id: string;
    audience: 'organisation' | 'sector';
    sector: string | null;
    created_at: string;
    excursion_id: string;
  }>(
    db,
    sql`SELECT a.id, a.audience, a.sector, a.created_at, a.excursion_id FROM sensor_alerts a WHERE ${where}
        ORDER BY a.created_at DESC, a.id LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const [{ total }] = await rows<{ total: string }>(
    db,
    sql`SELECT count(*) AS total FROM sensor_alerts a WHERE ${where}`,
  );
  return { rows: found, total: Number(total) };
}

export async function excursionsByIds(db: DbOrTx, ids: string[]): Promise<ExcursionRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(sensorExcursions)
    .where(sql`${sensorExcursions.id} = ANY(${arrayLiteral(ids)}::uuid[])`);
}

export async function excursionsOfLot(db: DbOrTx, lotId: string, onlyPublished = false) {
  return db
    .select()
    .from(sensorExcursions)
    .where(
      and(
        eq(sensorExcursions.lotId, lotId),
        sql`${sensorExcursions.state} <> 'pending'`,
        onlyPublished ? sql`${sensorExcursions.publishedAt} IS NOT NULL` : undefined,
      ),
    )
    .orderBy(sensorExcursions.startedAt);
}

/** A lot's readings in time order, at most `limit` (the latest). */
export async function readingsOfLot(db: DbOrTx, lotId: string, limit: number) {
  const found = await rows<{ at: Date | string; kind: ReadingKind; value: number; source: string }>(
    db,
    sql`SELECT at, kind, value, source FROM (
          SELECT at, kind, value, source FROM sensor_readings WHERE lot_id = ${lotId}::uuid ORDER BY at DESC LIMIT ${limit}
        ) r ORDER BY at`,
  );
  return found.map((r) => ({ ...r, value: Number(r.value), at: new Date(r.at) }));
}

/** Which of the shipments the organisation sent or received (the chain's table, read-only). */
export async function shipmentsOf(db: DbOrTx, ids: string[], organisationId: string): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM shipments WHERE id = ANY(${arrayLiteral(ids)}::uuid[])
          AND (sender_organisation_id = ${organisationId}::uuid OR receiver_organisation_id = ${organisationId}::uuid)`,
  );
  return new Set(found.map((r) => r.id));
}

/**
 * Claims up to `limit` alerts to organisations not yet mailed, oldest first, marking them mailed in the same statement:
 * several processes sweeping at once never take the same alert (at most one mail each; a failed send is not retried).
 */
export async function claimUnmailedAlerts(db: DbOrTx, limit: number) {
  return rows<{ id: string; excursion_id: string; organisation_id: string }>(
    db,
    sql`UPDATE sensor_alerts SET mailed_at = now() WHERE id IN (
          SELECT id FROM sensor_alerts WHERE audience = 'organisation' AND mailed_at IS NULL
          ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id, excursion_id, organisation_id`,
  );
}

/** Transaction-scoped locks on `threshold|series` keys, taken in the order given. */
export async function lockSeries(db: DbOrTx, keys: string[]) {
  if (!keys.length) return;
  await db.execute(
    sql`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 59))) FROM unnest(${arrayLiteral(keys)}::text[]) WITH ORDINALITY AS u(k, n)`,
  );
}
