import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { selectRows } from './epcis.repo.ts';
import { epcisNamedQueries, epcisSubscriptions } from './epcis.schema.ts';

export type NamedQuery = typeof epcisNamedQueries.$inferSelect;
export type Subscription = typeof epcisSubscriptions.$inferSelect;
export type DeliveryCursor = Pick<Subscription, 'cursorPk' | 'pendingXids' | 'horizonXid'>;

/** Stores a named query; false when the organisation already has one by that name. */
export async function insertNamedQuery(
  db: DbOrTx,
  row: { organisationId: string; name: string; query: unknown },
): Promise<boolean> {
  const inserted = await db
    .insert(epcisNamedQueries)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: epcisNamedQueries.id });
  return inserted.length > 0;
}

export async function findNamedQuery(db: DbOrTx, organisationId: string, name: string) {
  const [row] = await db
    .select()
    .from(epcisNamedQueries)
    .where(and(eq(epcisNamedQueries.organisationId, organisationId), eq(epcisNamedQueries.name, name)));
  return row ?? null;
}

/** One page of an organisation's named queries by name, after `after` (the previous page's last name). */
export function listNamedQueries(db: DbOrTx, organisationId: string, after: string | null, limit: number) {
  return db
    .select()
    .from(epcisNamedQueries)
    .where(
      and(
        eq(epcisNamedQueries.organisationId, organisationId),
        after === null ? undefined : gt(epcisNamedQueries.name, after),
      ),
    )
    .orderBy(asc(epcisNamedQueries.name))
    .limit(limit);
}

/** Deletes the query and, by the foreign key, its subscriptions. */
export async function deleteNamedQuery(db: DbOrTx, id: string) {
  await db.delete(epcisNamedQueries).where(eq(epcisNamedQueries.id, id));
}

export async function insertSubscription(db: DbOrTx, row: typeof epcisSubscriptions.$inferInsert) {
  const [inserted] = await db.insert(epcisSubscriptions).values(row).returning();
  return inserted;
}

export async function findSubscription(db: DbOrTx, queryId: string, id: string) {
  const [row] = await db
    .select()
    .from(epcisSubscriptions)
    .where(and(eq(epcisSubscriptions.queryId, queryId), eq(epcisSubscriptions.id, id)));
  return row ?? null;
}

export function listSubscriptions(db: DbOrTx, queryId: string, after: string | null, limit: number) {
  return db
    .select()
    .from(epcisSubscriptions)
    .where(
      and(
        eq(epcisSubscriptions.queryId, queryId),
        after === null ? undefined : gt(epcisSubscriptions.id, after),
      ),
    )
    .orderBy(asc(epcisSubscriptions.id))
    .limit(limit);
}

export async function deleteSubscription(db: DbOrTx, id: string) {
  await db.delete(epcisSubscriptions).where(eq(epcisSubscriptions.id, id));
}

/**
 * Claims the active subscriptions due now (`streamOnly`: those that send on capture) for `leaseSeconds`, so that
 * a second worker on the same database leaves them alone; a lease runs out by itself if its holder dies.
 */
export async function claimDueSubscriptions(
  db: DbOrTx,
  opts: { leaseSeconds: number; streamOnly: boolean },
): Promise<(Subscription & { queryName: string; query: unknown })[]> {
  const due = db
    .select({ id: epcisSubscriptions.id })
    .from(epcisSubscriptions)
    .where(
      and(
        eq(epcisSubscriptions.status, 'active'),
        lte(epcisSubscriptions.nextAttemptAt, sql`now()`),
        or(isNull(epcisSubscriptions.leaseUntil), lt(epcisSubscriptions.leaseUntil, sql`now()`)),
        opts.streamOnly
          ? and(eq(epcisSubscriptions.stream, true), eq(epcisSubscriptions.attempts, 0))
          : undefined,
      ),
    );
  const claimed = await db
    .update(epcisSubscriptions)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${opts.leaseSeconds})` })
    .where(
      and(
        inArray(epcisSubscriptions.id, due),
        or(isNull(epcisSubscriptions.leaseUntil), lt(epcisSubscriptions.leaseUntil, sql`now()`)),
      ),
    )
    .returning();
  if (!claimed.length) return [];
  const queries = await db
    .select()
    .from(epcisNamedQueries)
    .where(
      inArray(
        epcisNamedQueries.id,
        claimed.map((s) => s.queryId),
      ),
    );
  const byId = new Map(queries.map((q) => [q.id, q]));
  return claimed
    .filter((s) => byId.has(s.queryId))
    .map((s) => ({ ...s, queryName: byId.get(s.queryId)!.name, query: byId.get(s.queryId)!.query }));
}

/** Records a delivered batch (or an empty round): the cursor moves, failures are forgotten. */
export async function recordDelivered(
  db: DbOrTx,
  id: string,
  cursor: DeliveryCursor,
  opts: { notified: boolean; nextAttemptAt: Date; releaseLease: boolean },
) {
  await db
    .update(epcisSubscriptions)
    .set({
      ...cursor,
      attempts: 0,
      lastError: null,
      nextAttemptAt: opts.nextAttemptAt,
      ...(opts.notified ? { lastNotifiedAt: sql`now()` } : {}),
      ...(opts.releaseLease ? { leaseUntil: null } : {}),
    })
    .where(eq(epcisSubscriptions.id, id));
}

/** Records a failed delivery: the cursor stays; the next try waits, or the subscription is parked. */
export async function recordFailed(
  db: DbOrTx,
  id: string,
  opts: { attempts: number; error: string; nextAttemptAt: Date; park: boolean },
) {
  await db
    .update(epcisSubscriptions)
    .set({
      attempts: opts.attempts,
      lastError: opts.error.slice(0, 500),
      nextAttemptAt: opts.nextAttemptAt,
      leaseUntil: null,
      ...(opts.park ? { status: 'parked' } : {}),
    })
    .where(eq(epcisSubscriptions.id, id));
}

/** Un-parks a subscription: it is tried at once, from where its cursor stopped. */
export async function resumeSubscription(db: DbOrTx, id: string) {
  await db
    .update(epcisSubscriptions)
    .set({ status: 'active', attempts: 0, nextAttemptAt: sql`now()`, leaseUntil: null })
    .where(eq(epcisSubscriptions.id, id));
}

/**
 * What the database's snapshot says right now: the largest event key, the transactions still open and the first
 * transaction id not yet given out (as the 32-bit ids rows carry in `xmin`).
 */
export async function readSnapshot(db: DbOrTx): Promise<DeliveryCursor & { maxPk: number }> {
  const [row] = await selectRows<{ maxPk: string | null; xip: string[]; xmax: string }>(
    db,
    sql`SELECT (SELECT max(id) FROM epcis_events) AS "maxPk",
      ARRAY(SELECT (x::text::bigint % 4294967296)::text FROM pg_snapshot_xip(pg_current_snapshot()) x) AS xip,
      (pg_snapshot_xmax(pg_current_snapshot())::text::bigint % 4294967296)::text AS xmax`,
  );
  return {
    cursorPk: Number(row.maxPk ?? 0),
    pendingXids: row.xip,
    horizonXid: row.xmax,
    maxPk: Number(row.maxPk ?? 0),
  };
}

/**
 * Events at or below the cursor that were not committed when the cursor moved: written by a transaction then
 * open, or by one that had not started (its key was drawn just before). Transactions are assumed to last less than
 * an hour, which bounds the scan by record time.
 */
export async function lateEvents(
  db: DbOrTx,
  cursor: DeliveryCursor,
): Promise<{ pk: number; eventId: string }[]> {
  if (cursor.horizonXid === null || cursor.cursorPk === 0) return [];
  const rows = await selectRows<{ pk: string; eventId: string }>(
    db,
    sql`SELECT id AS pk, event_id AS "eventId" FROM epcis_events
    WHERE id <= ${cursor.cursorPk} AND record_time > now() - interval '1 hour'
      AND (xmin::text = ANY(${`{${cursor.pendingXids.join(',')}}`}::text[])
        OR age(xmin) <= age(${cursor.horizonXid}::text::xid))`,
  );
  return rows.map((r) => ({ pk: Number(r.pk), eventId: r.eventId }));
}
