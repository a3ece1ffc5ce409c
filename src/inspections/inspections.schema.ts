import { bigint, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An inspection plan: a period, a scope (sector, communes, a note) and the organisations to visit, chosen from a
 * catalogue list version, by risk or by hand. draft → in_progress → closed; visits name their plan (plan_id).
 */
export const inspectionPlans = pgTable('inspection_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  periodFrom: date('period_from', { mode: 'string' }).notNull(),
  periodTo: date('period_to', { mode: 'string' }).notNull(),
  sector: text('sector'),
  communeCodes: text('commune_codes').array().notNull(),
  scopeNote: text('scope_note'),
  /** 'list' | 'risk' | 'hand': how the targets were chosen. */
  targetSource: text('target_source').notNull(),
  catalogueVersionId: uuid('catalogue_version_id'),
  targetOrganisationIds: uuid('target_organisation_ids').array().notNull(),
  state: text('state').notNull().default('draft'),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    planId: uuid('plan_id'),
    caseId: uuid('case_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_visits_org_idx').on(t.organisationId),
    index('inspection_visits_plan_idx').on(t.planId),
  ],
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
    /** What a follow-up visit found: 'fixed' | 'not_fixed', and which visit checked it. */
    fixResult: text('fix_result'),
    fixCheckedIn: uuid('fix_checked_in'),
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
    /**
     * approval_withdrawal: the product (or, without one, the organisation) taken off the public pages; its review
     * status before, and the row's updatedAt just after the withdrawal (unchanged at lifting: the same version
     * goes back public; changed: the row goes back to the department's review). liftOutcome says which.
     */
    productId: uuid('product_id'),
    withdrawnFrom: text('withdrawn_from'),
    withdrawnStamp: text('withdrawn_stamp'),
    liftOutcome: text('lift_outcome'),
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

/** An administrative fine decision recorded against a visit (and, if named, one of its findings). */
export const inspectionSanctions = pgTable(
  'inspection_sanctions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    findingId: uuid('finding_id'),
    organisationId: uuid('organisation_id').notNull(),
    decisionNumber: text('decision_number').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    legalBasis: text('legal_basis').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_sanctions_visit_idx').on(t.visitId)],
);
