import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Inspections (issue 12 §2). A visit to an organisation by inspectors, its checklist (Circular 02/2024/TT-BKHCN
 * principles and data items, stamp use, labelling, conformity declaration) and findings with a deadline to fix.
 */
export const inspectionVisits = pgTable(
  'inspection_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    inspectorIds: text('inspector_ids').array().notNull(),
    /** [{ item, result: 'pass' | 'fail' | 'not_applicable', note }] */
    checklist: jsonb('checklist').notNull().$type<{ item: string; result: string; note: string | null }[]>(),
    /** Seen by inspectors and the department only, never by the organisation. */
    internalNote: text('internal_note'),
    followUpOf: uuid('follow_up_of'),
    caseId: uuid('case_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_visits_org_idx').on(t.organisationId)],
);

export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    text: text('text').notNull(),
    /** Photos and files stored by the files module. */
    fileIds: uuid('file_ids').array().notNull(),
    fixBy: date('fix_by', { mode: 'string' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_findings_visit_idx').on(t.visitId)],
);

/**
 * An outcome act and its lifting. kind: 'warning' | 'stamp_suspension' (a range of one GTIN's serials) |
 * 'lot_hold' | 'lot_recall'. Lifted by an inspector or the admin only; both ends are in the audit chain.
 */
export const inspectionActions = pgTable(
  'inspection_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull(),
    visitId: uuid('visit_id'),
    kind: text('kind').notNull(),
    gtin: text('gtin'),
    firstSerial: bigint('first_serial', { mode: 'number' }),
    lastSerial: bigint('last_serial', { mode: 'number' }),
    lotId: uuid('lot_id'),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: text('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [
    index('inspection_actions_org_idx').on(t.organisationId),
    index('inspection_actions_stamp_idx').on(t.gtin, t.firstSerial),
  ],
);
