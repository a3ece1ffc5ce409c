import type { auditLog } from './audit.schema.ts';

export function presentAuditEntry(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, kind: row.actorKind, role: row.actorRole, name: row.actorName },
    organisationId: row.organisationId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    hash: row.hash,
  };
}
