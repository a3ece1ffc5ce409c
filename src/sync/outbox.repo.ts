import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { OutboxQuery } from './sync.api.ts';
import { execute } from './sync.repo.ts';
import { type OutboxRow, type SyncState, syncOutbox } from './sync.schema.ts';

/** Not yet at the receiver: what "undelivered" counts. */
export const undeliveredStates: SyncState[] = ['held', 'queued', 'sent', 'failed'];

export async function countsByReceiverAndState(db: DbOrTx) {
  return db
    .select({ receiver: syncOutbox.receiver, state: syncOutbox.state, count: count() })
    .from(syncOutbox)
    .groupBy(syncOutbox.receiver, syncOutbox.state);
}

/** The oldest undelivered row of each receiver. */
export async function oldestUndelivered(db: DbOrTx) {
  const rows = await execute(
    db,
    sql`SELECT DISTINCT ON (receiver) receiver, label, created_at, state FROM sync_outbox
      WHERE state IN ('held', 'queued', 'sent', 'failed') ORDER BY receiver, created_at, id`,
  );
  return rows.map((r) => ({
    receiver: String(r.receiver),
    label: String(r.label),
    createdAt: new Date(r.created_at),
    state: r.state as SyncState,
  }));
}

export async function listRows(
  db: DbOrTx,
  query: OutboxQuery,
): Promise<{ rows: OutboxRow[]; total: number }> {
  const where: SQL[] = [];
  if (query.state) where.push(eq(syncOutbox.state, query.state));
  if (query.receiver) where.push(eq(syncOutbox.receiver, query.receiver));
  if (query.kind) where.push(eq(syncOutbox.kind, query.kind));
  const condition = where.length ? and(...where) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(syncOutbox)
      .where(condition)
      .orderBy(desc(syncOutbox.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(syncOutbox).where(condition),
  ]);
  return { rows, total };
}

export async function lockRow(db: DbOrTx, id: number): Promise<OutboxRow | null> {
  const [row] = await db.select().from(syncOutbox).where(eq(syncOutbox.id, id)).for('update');
  return row ?? null;
}

export async function setRowState(
  db: DbOrTx,
  id: number,
  values: Partial<Pick<OutboxRow, 'state' | 'attempts' | 'nextAttemptAt' | 'reasons'>>,
): Promise<OutboxRow> {
  const [row] = await db
    .update(syncOutbox)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(syncOutbox.id, id))
    .returning();
  return row;
}

/** The rows of these ids (a test or the screen reading back what it changed). */
export async function rowsByIds(db: DbOrTx, ids: number[]) {
  return ids.length ? db.select().from(syncOutbox).where(inArray(syncOutbox.id, ids)) : [];
}
