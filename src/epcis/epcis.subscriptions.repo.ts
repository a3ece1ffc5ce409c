import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import { selectRows } from './epcis.repo.ts';
import { epcisNamedQueries, epcisSubscriptionSent, epcisSubscriptions } from './epcis.schema.ts';

export type NamedQuery = typeof epcisNamedQueries.$inferSelect;
export type Subscription = typeof epcisSubscriptions.$inferSelect;
/** Where a subscriber's stream stands: every settled event up to `cursorPk` handled, and the events above it sent. */
export interface DeliveryCursor {
  cursorPk: number;
  sent: Set<number>;
}

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
 * Claims the active subscriptions due now (`stream`: those that send on capture and are not waiting for a retry;
 * `others`: schedules and retries) for `leaseSeconds`, so that
 * a second worker on the same database leaves them alone; a lease runs out by itself if its holder dies.
 */
export async function claimDueSubscriptions(
  db: DbOrTx,
  opts: { leaseSeconds: number; which: 'stream' | 'others' | 'all' },
): Promise<(Subscription & { queryName: string; query: unknown })[]> {
  const due = db
    .select({ id: epcisSubscriptions.id })
    .from(epcisSubscriptions)
    .where(
      and(
        eq(epcisSubscriptions.status, 'active'),
        lte(epcisSubscriptions.nextAttemptAt, sql`now()`),
        or(isNull(epcisSubscriptions.leaseUntil), lt(epcisSubscriptions.leaseUntil, sql`now()`)),
        opts.which === 'stream'
          ? and(eq(epcisSubscriptions.stream, true), eq(epcisSubscriptions.attempts, 0))
          : opts.which === 'others'
            ? or(eq(epcisSubscriptions.stream, false), gt(epcisSubscriptions.attempts, 0))
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

/**
 * Records a delivered batch (or a round with nothing to send): the events sent are noted, the cursor moves, what
 * it passed is forgotten, and so are failures.
 */
export async function recordDelivered(
  db: DbOrTx,
  id: string,
  delivered: { cursorPk: number; sentPks: number[] },
  opts: { notified: boolean; nextAttemptAt: Date; releaseLease: boolean },
) {
  await db.transaction(async (tx) => {
    if (delivered.sentPks.length)
      await tx
        .insert(epcisSubscriptionSent)
        .values(delivered.sentPks.map((eventPk) => ({ subscriptionId: id, eventPk })))
        .onConflictDoNothing();
    await tx
      .delete(epcisSubscriptionSent)
      .where(
        and(
          eq(epcisSubscriptionSent.subscriptionId, id),
          lte(epcisSubscriptionSent.eventPk, delivered.cursorPk),
        ),
      );
    await tx
      .update(epcisSubscriptions)
      .set({
        cursorPk: delivered.cursorPk,
        attempts: 0,
        lastError: null,
        nextAttemptAt: opts.nextAttemptAt,
        ...(opts.notified ? { lastNotifiedAt: sql`now()` } : {}),
        // while batches follow one another the lease is renewed, so no other worker takes the subscription
        leaseUntil: opts.releaseLease ? null : sql`now() + interval '60 seconds'`,
      })
      .where(eq(epcisSubscriptions.id, id));
  });
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
 * The largest event key below which every event is settled: written by a transaction that started more than two
 * `settleSeconds` ago, so (transactions lasting less than that) every smaller key has committed or never will.
 */
export async function settledPk(db: DbOrTx, settleSeconds: number): Promise<number> {
  const [row] = await selectRows<{ pk: string }>(
    db,
    sql`SELECT id AS pk FROM epcis_events WHERE record_time < now() - make_interval(secs => ${2 * settleSeconds})
    ORDER BY record_time DESC LIMIT 1`,
  );
  return row ? Number(row.pk) : 0;
}

/** The events above the cursor that a subscription was sent. */
export async function sentPks(db: DbOrTx, subscriptionId: string, abovePk: number): Promise<Set<number>> {
  const rows = await db
    .select({ pk: epcisSubscriptionSent.eventPk })
    .from(epcisSubscriptionSent)
    .where(
      and(
        eq(epcisSubscriptionSent.subscriptionId, subscriptionId),
        gt(epcisSubscriptionSent.eventPk, abovePk),
      ),
    );
  return new Set(rows.map((r) => r.pk));
}

/**
 * Whether events arrived since the last look: the largest key, and the count and key sum of the events not yet
 * settled. A capture committing late, under a smaller key, changes the count and the sum.
 */
/** Whether any webhook subscription is active: with none, the dispatcher has nothing to do. */
export async function anyActiveSubscription(db: DbOrTx): Promise<boolean> {
  const [row] = await selectRows<{ any: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM epcis_subscriptions WHERE status = 'active') AS any`,
  );
  return Boolean(row?.any);
}

export async function eventsSignature(db: DbOrTx, settleSeconds: number): Promise<string> {
  const [row] = await selectRows<{ max: string | null; recent: string }>(
    db,
    sql`SELECT (SELECT max(id) FROM epcis_events) AS max, (SELECT count(*) || '/' || coalesce(sum(id), 0)
      FROM epcis_events WHERE record_time >= now() - make_interval(secs => ${2 * settleSeconds})) AS recent`,
  );
  return `${row.max}/${row.recent}`;
}
