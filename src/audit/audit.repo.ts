import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  organisationId?: string;
  from?: Date;
  to?: Date;
  /** Part of the record's label (lot code, product name…), or its whole id. */
  text?: string;
  /** The organisations whose entries the reader may see, or 'all' (audit.scope.ts). */
  readable: 'all' | string[];
}

/** `%` and `_` typed by a reader are letters, not wildcards. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.organisationId) conditions.push(eq(auditLog.organisationId, f.organisationId));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  if (f.text) {
    const text = or(ilike(auditLog.subjectLabel, `%${likeEscaped(f.text)}%`), eq(auditLog.entityId, f.text));
    if (text) conditions.push(text);
  }
  // the reader's reach comes last and always: no filter widens it
  if (f.readable !== 'all') {
    conditions.push(f.readable.length ? inArray(auditLog.organisationId, f.readable) : sql`false`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

export async function findAuditRows(db: DbOrTx, f: AuditFilter, page: { limit: number; offset: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where(f))
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(auditLog).where(where(f)),
  ]);
  return { rows, total: Number(total) };
}

/** Rows of the chain in order, a batch at a time (keyset, so a long log never loads whole). */
export function findAuditBatch(db: DbOrTx, afterId: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}

export type AuditRow = typeof auditLog.$inferSelect;

/** Rows `afterId < id ≤ toId` in order, at most `limit`. */
export function auditRowsInRange(db: DbOrTx, afterId: number, toId: number, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, afterId), lte(auditLog.id, toId)))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function auditRowById(db: DbOrTx, id: number): Promise<AuditRow | null> {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id)).limit(1);
  return row ?? null;
}

/** The newest row of the chain (its head), or null for an empty log. */
export async function auditHead(db: DbOrTx): Promise<{ id: number; hash: string } | null> {
  const [row] = await db
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}

/** The newest row about one record with one of `actions` (e.g. its last approval). */
export async function latestAuditOf(
  db: DbOrTx,
  subject: { entityType: string; entityId: string; actions: string[] },
): Promise<{ id: number; at: Date } | null> {
  const [row] = await db
    .select({ id: auditLog.id, at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, subject.entityType),
        eq(auditLog.entityId, subject.entityId),
        inArray(auditLog.action, subject.actions),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}

/** One page of the chain: `count` rows in id order, as the JSON text of an array of rows (checkChainPage reads them). */
export interface ChainPageText {
  count: number;
  lastId: number | null;
  text: string;
}

/**
 * Rows `afterId < id ≤ toId` in id order, at most `limit`, as one JSON text. `at::text` is the very text the driver
 * receives for the column and turns into a Date with `new Date(text)` (drizzle's mapping on PGlite and on
 * PostgreSQL), so a row hashes here exactly as read through the ORM; jsonb columns come as JSON values, parsed by
 * JSON.parse as the drivers do.
 */
export async function auditChainPage(
  db: DbOrTx,
  afterId: number,
  toId: number,
  limit: number,
): Promise<ChainPageText> {
  const result = (await db.execute(sql`SELECT count(*)::int AS count, max(id)::text AS last_id,
      coalesce(json_agg(json_build_array(id, at::text, actor_id, actor_kind, actor_role, actor_name, organisation_id,
        action, entity_type, entity_id, before, after, prev_hash, hash) ORDER BY id)::text, '[]') AS rows
    FROM (SELECT * FROM audit_log WHERE id > ${afterId} AND id <= ${toId} ORDER BY id LIMIT ${limit}) AS page`)) as unknown as {
    rows: { count: number | string; last_id: string | null; rows: string }[];
  };
  const row = result.rows[0];
  return {
    count: Number(row.count),
    lastId: row.last_id === null ? null : Number(row.last_id),
    text: row.rows,
  };
}
