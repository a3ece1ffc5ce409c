import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/index.ts';
import type { ReceiverReason, SyncItem } from './receiver.ts';
import { type SyncState, syncOutbox, syncRecords } from './sync.schema.ts';

export async function execute(db: DbOrTx, query: SQL): Promise<Record<string, any>[]> {
  return ((await db.execute(query)) as unknown as { rows: Record<string, any>[] }).rows;
}

/**
 * The record's next approved version, keeping `payload` as the last one queued (null keeps the one before, which
 * it answers: what a withdrawal repeats).
 */
export async function nextVersion(
  db: DbOrTx,
  kind: string,
  recordId: string,
  payload: Record<string, unknown> | null,
): Promise<{ version: number; payload: Record<string, unknown> | null }> {
  const [row] = await db
    .insert(syncRecords)
    .values({ kind, recordId, version: 1, payload })
    .onConflictDoUpdate({
      target: [syncRecords.kind, syncRecords.recordId],
      set: {
        version: sql`${syncRecords.version} + 1`,
        payload: sql`coalesce(excluded.payload, ${syncRecords.payload})`,
        updatedAt: new Date(),
      },
    })
    .returning({ version: syncRecords.version, payload: syncRecords.payload });
  return { version: row.version, payload: (row.payload as Record<string, unknown> | null) ?? null };
}

export interface NewOutboxRow {
  receiver: string;
  item: SyncItem;
  label: string;
  state: 'held' | 'queued';
  reasons: ReceiverReason[] | null;
}

/**
 * One row per receiver and key, in one statement whatever the number (a 10,000-event capture): the rows travel as
 * one JSON parameter. The same key queued twice (an event captured again) is kept once.
 */
export async function insertRows(db: DbOrTx, rows: NewOutboxRow[]) {
  if (!rows.length) return;
  const values = rows.map(({ receiver, item, label, state, reasons }) => ({
    receiver,
    key: item.key,
    kind: item.kind,
    record_id: item.recordId,
    version: item.version,
    action: item.action,
    organisation_id: item.organisationId,
    label,
    item,
    state,
    reasons,
  }));
  await db.execute(sql`
    INSERT INTO sync_outbox (receiver, key, kind, record_id, version, action, organisation_id, label, item, state, reasons)
    SELECT receiver, key, kind, record_id, version, action, organisation_id, label, item, state, reasons
    FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS x(receiver text, key text, kind text,
      record_id text, version integer, action text, organisation_id uuid, label text, item jsonb, state text,
      reasons jsonb)
    ON CONFLICT DO NOTHING`);
}

/** Older versions of a record that have not gone yet give way to the newer one. */
export async function replaceOlder(db: DbOrTx, receiver: string, item: SyncItem) {
  await db
    .update(syncOutbox)
    .set({ state: 'replaced', updatedAt: new Date() })
    .where(
      and(
        eq(syncOutbox.receiver, receiver),
        // what lets the planner use the partial index of records (sync.schema.ts)
        sql`${syncOutbox.kind} <> 'event'`,
        eq(syncOutbox.kind, item.kind),
        eq(syncOutbox.recordId, item.recordId),
        lt(syncOutbox.version, item.version),
        inArray(syncOutbox.state, ['held', 'queued', 'failed']),
      ),
    );
}

/**
 * Claims up to `batch` due rows of a receiver until `leaseUntil`, in one statement (no transaction stays open
 * while they are delivered). SKIP LOCKED lets several processes claim at once without waiting for or taking each
 * other's rows; a `sent` row whose lease ran out (its worker died) is due again. Each branch reads its own partial
 * index (due rows by time, leased rows by lease), so confirmed rows, however many, are never scanned.
 */
export async function claimRows(
  db: DbOrTx,
  opts: { receiver: string; batch: number; leaseUntil: Date; claim: string; at: Date },
): Promise<Claimed[]> {
  const at = opts.at.toISOString();
  const rows = await execute(
    db,
    sql`WITH expired AS (
        SELECT id FROM sync_outbox
        WHERE receiver = ${opts.receiver} AND state = 'sent' AND lease_until < ${at}::timestamptz
        ORDER BY lease_until LIMIT ${opts.batch} FOR UPDATE SKIP LOCKED
      ), due AS (
        SELECT id FROM sync_outbox
        WHERE receiver = ${opts.receiver} AND state = 'queued' AND next_attempt_at <= ${at}::timestamptz
        ORDER BY next_attempt_at, id LIMIT ${opts.batch} FOR UPDATE SKIP LOCKED
      )
      UPDATE sync_outbox o
      SET state = 'sent', claim = ${opts.claim}::uuid, attempts = o.attempts + 1,
          lease_until = ${opts.leaseUntil.toISOString()}::timestamptz, updated_at = now()
      WHERE o.id IN (SELECT id FROM (SELECT id FROM expired UNION ALL SELECT id FROM due) ids LIMIT ${opts.batch})
      RETURNING o.id, o.item, o.attempts`,
  );
  return rows
    .map((r) => ({ id: Number(r.id), item: r.item as SyncItem, attempts: Number(r.attempts) }))
    .sort((a, b) => a.id - b.id);
}

export interface Claimed {
  id: number;
  item: SyncItem;
  attempts: number;
}

export interface Recorded {
  id: number;
  state: Extract<SyncState, 'queued' | 'confirmed' | 'failed'>;
  reasons: ReceiverReason[] | null;
  nextAttemptAt: Date | null;
}

/**
 * Records what the receiver answered, in one statement, for the rows this claim still holds: a worker whose lease
 * ran out while it waited (another took the rows) records nothing.
 */
export async function recordOutcomes(db: DbOrTx, claim: string, outcomes: Recorded[]) {
  if (!outcomes.length) return;
  // the outcomes travel as one JSON parameter: a thousand rows cost one statement and no parameter parsing
  const values = outcomes.map((o) => ({
    id: o.id,
    state: o.state,
    reasons: o.reasons,
    next_at: o.nextAttemptAt?.toISOString() ?? null,
  }));
  await execute(
    db,
    sql`UPDATE sync_outbox o
      SET state = v.state, reasons = v.reasons, claim = NULL, lease_until = NULL, updated_at = now(),
          next_attempt_at = coalesce(v.next_at, o.next_attempt_at),
          confirmed_at = CASE WHEN v.state = 'confirmed' THEN now() ELSE o.confirmed_at END
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        AS v(id bigint, state text, reasons jsonb, next_at timestamptz)
      WHERE o.id = v.id AND o.claim = ${claim}::uuid AND o.state = 'sent'`,
  );
}

/** Which of these records the receiver has in its outbox, in any state and version. */
export async function recordsQueuedFor(db: DbOrTx, receiver: string, kind: string, recordIds: string[]) {
  if (!recordIds.length) return new Set<string>();
  const rows = await db
    .selectDistinct({ recordId: syncOutbox.recordId })
    .from(syncOutbox)
    .where(
      and(
        eq(syncOutbox.receiver, receiver),
        sql`${syncOutbox.kind} <> 'event'`,
        eq(syncOutbox.kind, kind),
        inArray(syncOutbox.recordId, recordIds),
      ),
    );
  return new Set(rows.map((r) => r.recordId));
}

/** Which of these keys the receiver has in its outbox, in any state. */
export async function keysQueuedFor(db: DbOrTx, receiver: string, keys: string[]) {
  if (!keys.length) return new Set<string>();
  const rows = await db
    .select({ key: syncOutbox.key })
    .from(syncOutbox)
    .where(and(eq(syncOutbox.receiver, receiver), inArray(syncOutbox.key, keys)));
  return new Set(rows.map((r) => r.key));
}

/** The versions already given to these records, with the payload last queued of each. */
export async function currentVersions(db: DbOrTx, kind: string, recordIds: string[]) {
  if (!recordIds.length) return new Map<string, { version: number; payload: unknown }>();
  const rows = await db
    .select({ recordId: syncRecords.recordId, version: syncRecords.version, payload: syncRecords.payload })
    .from(syncRecords)
    .where(and(eq(syncRecords.kind, kind), inArray(syncRecords.recordId, recordIds)));
  return new Map(rows.map((r) => [r.recordId, { version: r.version, payload: r.payload }]));
}
