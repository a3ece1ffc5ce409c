import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from '../platform/index.ts';
import { announceResolverChange } from './stamps.announce.ts';
import { stampChanges, stampRanges, stampRequests, stampSecrets } from './stamps.schema.ts';

/** `execute` returns `{ rows }` on both drivers; Drizzle's generic type does not say so. */
export async function execute(db: DbOrTx, query: SQL): Promise<{ rows: Record<string, any>[] }> {
  return (await db.execute(query)) as unknown as { rows: Record<string, any>[] };
}

const dialect = new PgDialect();

/**
 * Runs a hot-path query as a named prepared statement on PostgreSQL: each pooled connection parses and plans it
 * once instead of on every call. The text of a given name must never change. PGlite and transactions (no pool
 * of their own) run it as a plain query.
 */
export async function executePrepared(
  db: DbOrTx,
  name: string,
  query: SQL,
): Promise<{ rows: Record<string, any>[] }> {
  const client = (db as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return execute(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return client.query({ name, text, values: params });
}

export type StampRequestRow = typeof stampRequests.$inferSelect;
export type StampRangeRow = typeof stampRanges.$inferSelect;
export type StampChangeRow = typeof stampChanges.$inferSelect;

export async function insertRequest(db: DbOrTx, values: typeof stampRequests.$inferInsert) {
  const [row] = await db.insert(stampRequests).values(values).returning();
  return row;
}

export async function findRequest(db: DbOrTx, id: string) {
  const [row] = await db.select().from(stampRequests).where(eq(stampRequests.id, id));
  return row ?? null;
}

export async function listRequests(db: DbOrTx, organisationIds: string[] | null) {
  const query = db.select().from(stampRequests);
  const filtered = organisationIds
    ? query.where(inArray(stampRequests.organisationId, organisationIds))
    : query;
  return filtered.orderBy(desc(stampRequests.createdAt)).limit(500);
}

/** Decides a request only if it is still submitted: two reviewers cannot both decide it. */
export async function decideRequest(
  db: DbOrTx,
  id: string,
  decision: {
    status: 'approved' | 'returned' | 'refused';
    reason: string | null;
    decidedBy: string;
    approvedQuantity?: number | null;
  },
) {
  const [row] = await db
    .update(stampRequests)
    .set({ ...decision, decidedAt: new Date() })
    .where(and(eq(stampRequests.id, id), eq(stampRequests.status, 'submitted')))
    .returning();
  return row ?? null;
}

/**
 * Reserves `quantity` serials of a GTIN in one statement. The upsert takes the counter row's lock, so
 * concurrent allocations queue on it and never receive overlapping ranges.
 */
export async function reserveSerials(db: DbOrTx, gtin: string, quantity: number) {
  const result = await execute(
    db,
    sql`
    INSERT INTO stamp_serial_counters (gtin, next_serial) VALUES (${gtin}, ${1 + quantity})
    ON CONFLICT (gtin) DO UPDATE SET next_serial = stamp_serial_counters.next_serial + ${quantity}
    RETURNING next_serial`,
  );
  const next = Number((result.rows[0] as any).next_serial);
  return { firstSerial: next - quantity, lastSerial: next - 1 };
}

export async function insertRange(db: DbOrTx, values: typeof stampRanges.$inferInsert) {
  const [row] = await db.insert(stampRanges).values(values).returning();
  // a serial the resolver answered as unknown becomes known
  await announceResolverChange(db, `stamp:${row.gtin}`);
  return row;
}

export async function findRange(db: DbOrTx, id: string) {
  const [row] = await db.select().from(stampRanges).where(eq(stampRanges.id, id));
  return row ?? null;
}

export async function listRanges(db: DbOrTx, organisationIds: string[] | null) {
  const query = db.select().from(stampRanges);
  const filtered = organisationIds
    ? query.where(inArray(stampRanges.organisationId, organisationIds))
    : query;
  return filtered.orderBy(desc(stampRanges.createdAt)).limit(500);
}

export async function insertChange(db: DbOrTx, values: typeof stampChanges.$inferInsert) {
  const [row] = await db.insert(stampChanges).values(values).returning();
  // activated, deactivated, revoked: every process drops the GTIN's stamps it holds, at commit
  await announceResolverChange(db, `stamp:${row.gtin}`);
  return row;
}

export async function listChanges(db: DbOrTx, rangeId: string) {
  return db.select().from(stampChanges).where(eq(stampChanges.rangeId, rangeId)).orderBy(stampChanges.id);
}

/** Stores fresh secret hashes for a run of stamps (first print or reprint), one statement per chunk. */
export async function upsertSecrets(db: DbOrTx, gtin: string, serials: number[], hashes: string[]) {
  // a reprint replaces the secrets: the old labels stop resolving in every process
  if (serials.length) await announceResolverChange(db, `stamp:${gtin}`);
  const chunk = 5000;
  for (let i = 0; i < serials.length; i += chunk) {
    const s = serials.slice(i, i + chunk);
    const h = hashes.slice(i, i + chunk);
    await db.execute(sql`
      INSERT INTO stamp_secrets (gtin, serial, hash)
      SELECT ${gtin}, u.serial, u.hash
      FROM unnest(${`{${s.join(',')}}`}::bigint[], ${`{${h.join(',')}}`}::text[]) AS u(serial, hash)
      ON CONFLICT (gtin, serial) DO UPDATE SET hash = excluded.hash, printed_at = now()`);
  }
}

export async function countSecrets(db: DbOrTx, gtin: string, first: number, last: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(stampSecrets)
    .where(and(eq(stampSecrets.gtin, gtin), sql`${stampSecrets.serial} between ${first} and ${last}`));
  return Number(row.n);
}

export interface StampLookupRow {
  rangeId: string;
  organisationId: string;
  kind: string;
  action: string | null;
  lot: string | null;
  changedAt: Date | null;
  secretHash: string | null;
}

/**
 * The resolver's hot path: the range holding the serial (ranges never overlap, so it is the one with the
 * greatest first serial not above it), its latest state change covering the serial, and the secret hash.
 */
export async function lookupStamp(db: DbOrTx, gtin: string, serial: number): Promise<StampLookupRow | null> {
  const result = await executePrepared(
    db,
    'txng_lookup_stamp',
    sql`
    SELECT r.id AS range_id, r.organisation_id, r.kind, c.action, c.lot, c.at, s.hash
    FROM (SELECT id, organisation_id, kind, last_serial FROM stamp_ranges
          WHERE gtin = ${gtin} AND first_serial <= ${serial}
          ORDER BY first_serial DESC LIMIT 1) r
    LEFT JOIN LATERAL (
      SELECT action, lot, at FROM stamp_changes c
      WHERE c.range_id = r.id AND c.first_serial <= ${serial} AND c.last_serial >= ${serial}
        AND c.action IN ('activate', 'deactivate', 'revoke')
      ORDER BY (c.action = 'revoke') DESC, c.id DESC LIMIT 1) c ON true
    LEFT JOIN stamp_secrets s ON s.gtin = ${gtin} AND s.serial = ${serial}
    WHERE r.last_serial >= ${serial}`,
  );
  const row = result.rows[0] as any;
  if (!row) return null;
  return {
    rangeId: row.range_id,
    organisationId: row.organisation_id,
    kind: row.kind,
    action: row.action ?? null,
    lot: row.lot ?? null,
    changedAt: row.at ? new Date(row.at) : null,
    secretHash: row.hash ?? null,
  };
}

/** Locks the range row for the rest of the transaction. */
export async function lockRange(db: DbOrTx, id: string): Promise<StampRangeRow> {
  const [row] = await db.select().from(stampRanges).where(eq(stampRanges.id, id)).for('update');
  return row;
}
