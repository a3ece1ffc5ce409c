import { recordAudit } from '../audit/index.ts';
import type { Actor, DbOrTx } from '../platform/index.ts';

/**
 * The end every registry write shares: the write itself, then its audit entry with the row before and after, in
 * the caller's transaction. Reading the row (with its access check) and every other check stay with the caller,
 * before this. The entry names the written row and its owner (an organisation owns itself).
 */
export async function writeWithAudit<Row extends { id: string; organisationId?: string }>(
  tx: DbOrTx,
  change: {
    actor: Actor;
    entityType: string;
    /** The row as read before the change, or null when the write creates it. */
    before: object | null;
    write: () => Promise<Row>;
    /** `update`, or `create` when there was no row before, unless named. */
    action?: string;
    /** What the entry keeps when it is not the whole rows (a status change keeps the status). */
    logged?: (row: Row) => { before: unknown; after: unknown };
  },
): Promise<Row> {
  const row = await change.write();
  await recordAudit(tx, {
    actor: change.actor,
    action: change.action ?? (change.before ? 'update' : 'create'),
    entityType: change.entityType,
    entityId: row.id,
    organisationId: row.organisationId ?? row.id,
    // the kept public version (published.ts) is a copy of an earlier row: the entry shows the change, not it
    ...(change.logged?.(row) ?? { before: withoutKept(change.before) ?? undefined, after: withoutKept(row) }),
  });
  return row;
}

function withoutKept<T>(row: T): T {
  if (!row || typeof row !== 'object' || !('publishedRow' in row)) return row;
  const { publishedRow: _kept, ...rest } = row as Record<string, unknown>;
  return rest as T;
}
