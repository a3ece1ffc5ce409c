import { desc, sql } from 'drizzle-orm';
import type { Actor, DbOrTx, Tx } from '../platform/index.ts';
import { asStoredJson, chainHash, genesisHash, type SealedAuditRow } from './audit.chain.ts';
import { auditLog } from './audit.schema.ts';
import { labelOrganisation, labelSubject } from './audit.subjects.ts';

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

/** Any constant: the advisory lock that keeps the chain a line, not a tree, when writers run at once. */
const chainLock = 7_346_001;

/**
 * Writes one audit entry; call it inside the transaction that makes the change, so both land or neither.
 * Appending takes a transaction-scoped lock, so audited transactions commit their audit rows one after another:
 * call it late in the transaction, after the rows you change are locked.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  if (!isTransaction(tx)) {
    await tx.transaction((inner) => recordAudit(inner, entry));
    return;
  }
  // the words are looked up before the chain's lock, which every audited writer waits for
  const subjectLabel = await labelSubject(tx, entry);
  const actorOrganisation = await labelOrganisation(tx, entry.actor?.organisationIds);
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${chainLock})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const row: SealedAuditRow = {
    at: new Date(),
    actorId: entry.actor?.id ?? null,
    actorKind: entry.actor?.kind ?? 'system',
    actorRole: entry.actor?.role ?? null,
    actorName: entry.actor?.name ?? null,
    organisationId: entry.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: asStoredJson(entry.before),
    after: asStoredJson(entry.after),
  };
  await tx.insert(auditLog).values({
    ...row,
    before: row.before as any,
    after: row.after as any,
    subjectLabel,
    actorOrganisation,
    prevHash,
    hash: chainHash(prevHash, row),
  });
}

function isTransaction(db: DbOrTx): db is Tx {
  return typeof (db as Tx).rollback === 'function';
}
