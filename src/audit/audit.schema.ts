import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every change to master data: who, when, what, before and after. Append-only and hash-chained: each row stores
 * sha256(previous row's hash + this row), so an edit or a deleted row anywhere breaks the chain from there on.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    actorKind: text('actor_kind'),
    actorRole: text('actor_role'),
    actorName: text('actor_name'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /**
     * Words for people, taken when the row is written so they outlive renames and deletions: the record's label
     * (lot code, product name…) and the acting person's organisation. Outside the seal (what the chain hashes was
     * fixed before them): they help reading and searching; the sealed columns stay the evidence (decision 013).
     */
    subjectLabel: text('subject_label'),
    actorOrganisation: text('actor_organisation'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_organisation_idx').on(t.organisationId),
  ],
);
