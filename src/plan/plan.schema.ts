import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const indicatorUnits = ['percent', 'count'] as const;
/** `at_least`: met when the value reaches the target; `at_most`: met when it stays at or under it. */
export const indicatorDirections = ['at_least', 'at_most'] as const;
export const taskStates = ['not_started', 'in_progress', 'done'] as const;

/** A province's plan for traceability (a decision of the people's committee), over a period of years. */
export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    signer: text('signer'),
    agency: text('agency'),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** The one plan the dashboard and reports follow. */
    isCurrent: boolean('is_current').notNull().default(false),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('plans_current_uq').on(t.isCurrent).where(sql`is_current`)],
);

/** An indicator of a plan: computed by a registered formula (`formulaKey`) or entered by hand (null). */
export const planIndicators = pgTable(
  'plan_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull().default(0),
    code: text('code').notNull(),
    name: text('name').notNull(),
    formulaKey: text('formula_key'),
    unit: text('unit').notNull(),
    direction: text('direction').notNull().default('at_least'),
    description: text('description'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_indicators_plan_idx').on(t.planId, t.position),
    uniqueIndex('plan_indicators_code_uq').on(t.planId, t.code),
  ],
);

/** The value an indicator should reach in a year of the plan. */
export const planTargets = pgTable(
  'plan_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

/** A value entered by hand for a year, where no data in the program computes it, with where it comes from. */
export const planManualValues = pgTable(
  'plan_manual_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => planIndicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    fileIds: uuid('file_ids').array().notNull().default([]),
    enteredBy: text('entered_by'),
    enteredByName: text('entered_by_name'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

/** A task the plan assigns: what, who leads it, by when, how far it is, and what shows it. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    position: integer('position').notNull().default(0),
    code: text('code'),
    what: text('what').notNull(),
    who: text('who').notNull(),
    partners: text('partners'),
    expectedResult: text('expected_result'),
    deadline: date('deadline', { mode: 'string' }),
    state: text('state').notNull().default('not_started'),
    fileIds: uuid('file_ids').array().notNull().default([]),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_tasks_plan_idx').on(t.planId, t.position)],
);
