import { and, desc, eq, like } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { auditLog } from './audit.schema.ts';

/**
 * The latest audited change of one record whose action starts with `actionPrefix` (`status:` for a lot's
 * status): what the owner of the record shows as "why, when, by whom". The record's module decides who may
 * read it.
 */
export async function lastAuditedChange(
  db: DbOrTx,
  subject: { entityType: string; entityId: string; actionPrefix: string },
): Promise<{ action: string; after: unknown; at: Date; actorName: string | null } | null> {
  const [row] = await db
    .select({
      action: auditLog.action,
      after: auditLog.after,
      at: auditLog.at,
      actorName: auditLog.actorName,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, subject.entityType),
        eq(auditLog.entityId, subject.entityId),
        like(auditLog.action, `${subject.actionPrefix}%`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row ?? null;
}
