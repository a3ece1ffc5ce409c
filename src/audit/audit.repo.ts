import { and, asc, count, desc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  organisationId?: string;
  from?: Date;
  to?: Date;
}

function where(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.actorId) conditions.push(eq(auditLog.actorId, f.actorId));
  if (f.organisationId) conditions.push(eq(auditLog.organisationId, f.organisationId));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
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
