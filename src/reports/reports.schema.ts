import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Periodic reports of the department (issue 13 §3): annual, half-yearly or for any period. A draft shows the
 * figures as they are now; issuing freezes everything the report shows into `snapshot`, and an issued report is
 * kept as it was issued: never edited, never deleted.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'annual' | 'half_yearly' | 'custom' */
    kind: text('kind').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The plan whose indicators and tasks the report follows (the plan in force when none is named). */
    planId: uuid('plan_id'),
    title: text('title').notNull(),
    /** The document number, e.g. "125/BC-SKHCN"; empty while the draft has none. */
    number: text('number'),
    /** Nơi nhận: one recipient a line. */
    recipients: text('recipients').array().notNull(),
    signerName: text('signer_name'),
    signerTitle: text('signer_title'),
    /** Đánh giá chung, kiến nghị: the department's own words. */
    notes: text('notes'),
    /** 'draft' | 'issued' */
    state: text('state').notNull().default('draft'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: text('issued_by'),
    issuedByName: text('issued_by_name'),
    /** Everything the issued report shows (ReportContent), frozen at issue. */
    snapshot: jsonb('snapshot'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reports_period_idx').on(t.periodTo)],
);
