import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Sector } from '../platform/index.ts';

/**
 * One submission of one thing for the department's review (an organisation profile, a product, a lot, a location,
 * a stamp request …). The owning module creates it with `submitForReview`; a returned item stays as it was and a
 * resubmission opens a new item, so the history of submissions reads as rows.
 */
export const reviewItems = pgTable(
  'review_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    organisationId: uuid('organisation_id'),
    sector: text('sector').$type<Sector>(),
    communeCode: text('commune_code'),
    /** What a reviewer sees in the queue (organisation name, product name …). */
    title: text('title').notNull(),
    /** `pending` until decided, then `approved` | `returned` | `rejected`. */
    status: text('status').notNull().default('pending'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: text('submitted_by'),
    submitNote: text('submit_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('review_items_one_pending_uq')
      .on(t.entityType, t.entityId)
      .where(sql`${t.status} = 'pending'`),
    index('review_items_queue_idx').on(t.status, t.entityType, t.submittedAt),
    index('review_items_entity_idx').on(t.entityType, t.entityId),
    index('review_items_organisation_idx').on(t.organisationId),
  ],
);

/** Every decision ever taken, with the pre-check results the reviewer saw when taking it. */
export const reviewDecisions = pgTable(
  'review_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => reviewItems.id),
    decision: text('decision').notNull(),
    reason: text('reason'),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    preChecks: jsonb('pre_checks'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_decisions_item_idx').on(t.itemId)],
);
