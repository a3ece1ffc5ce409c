import type { Actor } from '../platform/auth.ts';
import type { DbOrTx } from '../platform/db.ts';
import { auditLog } from './audit.schema.ts';

export interface AuditEntry {
  actor: Actor | null;
  /** verb of the change: 'create' | 'update' | 'submit' | 'approve' | 'return' | 'reject' | 'disable' | … */
  action: string;
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit entry; call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorKind: entry.actor?.kind ?? 'system',
    actorRole: entry.actor?.role ?? null,
    actorName: entry.actor?.name ?? null,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: (entry.before ?? null) as any,
    after: (entry.after ?? null) as any,
  });
}
