import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The approved version of each record that has left or will leave the province: `version` rises with each
 * approval, recall or withdrawal, and `payload` is the last one queued (what a lot's recall or a withdrawal repeats).
 */
export const syncRecords = pgTable(
  'sync_records',
  {
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    payload: jsonb('payload'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] })],
);

/**
 * The outbox (issue 14 §1, decision 051): one row per receiver and item key, written in the transaction of the
 * approved change. `held`: refused by the receiver's check, never sent until re-approved or retried by hand;
 * `queued`: waiting for `next_attempt_at`; `sent`: claimed by a worker until `lease_until` (after which another
 * may claim it: a crash loses nothing); `confirmed`; `failed`: parked after the last try or by hand;
 * `replaced`: a newer approved version of the record was queued before this one went.
 */
export const syncOutbox = pgTable(
  'sync_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    receiver: text('receiver').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    recordId: text('record_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    organisationId: uuid('organisation_id'),
    /** The record in words, as the screen names it (`Sản phẩm Bưởi Tân Triều (GTIN …)`). */
    label: text('label').notNull(),
    /** The whole SyncItem, as approved. */
    item: jsonb('item').notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    /** The claim that holds the row while `sent`; a late worker whose lease ran out records nothing. */
    claim: uuid('claim'),
    /** The receiver's last answer or the check's reasons, in words (ReceiverReason[]). */
    reasons: jsonb('reasons'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sync_outbox_receiver_key_uq').on(t.receiver, t.key),
    index('sync_outbox_due_idx').on(t.receiver, t.nextAttemptAt, t.id).where(sql`${t.state} = 'queued'`),
    index('sync_outbox_leased_idx').on(t.receiver, t.leaseUntil).where(sql`${t.state} = 'sent'`),
    index('sync_outbox_state_idx').on(t.state, t.receiver, t.createdAt),
    // older versions of a record give way to a newer one (replaceOlder); events have one version and no need
    index('sync_outbox_record_idx').on(t.receiver, t.kind, t.recordId).where(sql`${t.kind} <> 'event'`),
  ],
);

export const syncStates = ['held', 'queued', 'sent', 'confirmed', 'failed', 'replaced'] as const;
export type SyncState = (typeof syncStates)[number];
export type OutboxRow = typeof syncOutbox.$inferSelect;
