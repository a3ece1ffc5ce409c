import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Fraud cases (issue 12 §3). A case gathers signals (consumer reports, inspection findings, automatic checks,
 * scan suspicions) about one subject: an organisation, a product, a lot or a stamp range. It moves
 * triage → assigned → handling → closed, each step kept in case_steps with who and when.
 */
export const caseStates = ['triage', 'assigned', 'handling', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

export const caseOutcomes = [
  'confirmed_fraud',
  'no_violation',
  'referred',
  'duplicate',
  'insufficient_evidence',
] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Readable number shown to people: HS-000123. */
    number: integer('number').generatedAlwaysAsIdentity().notNull(),
    subjectType: text('subject_type').notNull(), // organisation | product | lot | stamp_range
    /** One text naming the subject: organisationId, then productId / lotId / gtin:first-last. */
    subjectKey: text('subject_key').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    productId: uuid('product_id'),
    lotId: uuid('lot_id'),
    gtin: text('gtin'),
    firstSerial: bigint('first_serial', { mode: 'number' }),
    lastSerial: bigint('last_serial', { mode: 'number' }),
    state: text('state').notNull().default('triage'),
    assigneeId: text('assignee_id'),
    assigneeName: text('assignee_name'),
    outcome: text('outcome'),
    outcomeText: text('outcome_text'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('cases_subject_idx').on(t.subjectKey, t.state),
    index('cases_org_idx').on(t.organisationId),
    index('cases_state_idx').on(t.state, t.updatedAt),
  ],
);

export const caseSignals = pgTable(
  'case_signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    source: text('source').notNull(),
    summary: text('summary').notNull(),
    evidence: jsonb('evidence').notNull().$type<Record<string, unknown>>(),
    dedupeKey: text('dedupe_key').notNull(),
    count: integer('count').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_signals_dedupe_idx').on(t.dedupeKey),
    index('case_signals_case_idx').on(t.caseId),
  ],
);

/** Every step of a case: who, when, from-state → to-state, and a note (assignment, outcome, reporter told). */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(), // opened | signal | assign | start | close | reopen | reporter_told | note
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note'),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_steps_case_idx').on(t.caseId, t.at)],
);
