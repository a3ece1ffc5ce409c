import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A survey's life: designed, sent to communes and sector departments (answers open), closed (answers frozen). */
export const surveyStates = ['draft', 'sent', 'closed'] as const;
export type SurveyState = (typeof surveyStates)[number];

/** Kinds of question: one choice, several choices, a number with its unit, a short text, yes or no. */
export const questionKinds = ['single', 'multiple', 'number', 'text', 'yes_no'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** One question of a survey, in its order; `feedsTraceability` marks the yes/no question the indicator reads. */
export interface StoredQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  choices: string[];
  unit: string | null;
  feedsTraceability: boolean;
}

/** An answer as stored: a choice's words, several choices' words, a number, a text, yes (true) or no (false). */
export type StoredAnswer = string | string[] | number | boolean;

export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    purpose: text('purpose'),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    state: text('state').$type<SurveyState>().notNull().default('draft'),
    communeCodes: text('commune_codes').array().notNull().default([]),
    sectors: text('sectors').array().notNull().default([]),
    questions: jsonb('questions').$type<StoredQuestion[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('surveys_state_idx').on(t.state)],
);

/** One organisation's answers to a survey, kept with the commune and sector it had when answered. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    organisationId: uuid('organisation_id').notNull(),
    communeCode: text('commune_code'),
    sector: text('sector').notNull(),
    answers: jsonb('answers').$type<Record<string, StoredAnswer>>().notNull(),
    answeredBy: text('answered_by').notNull(),
    answeredByName: text('answered_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_responses_org_uq').on(t.surveyId, t.organisationId),
    index('survey_responses_commune_idx').on(t.surveyId, t.communeCode),
  ],
);

/** A person at a training course who is not picked from the registry: name and unit (commune, department…). */
export interface CoursePerson {
  name: string;
  unit: string;
}
/** A material of a course: its title, and its address online or its file (one of the department's files). */
export interface CourseMaterial {
  title: string;
  link: string | null;
  fileId?: string | null;
}

export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topic: text('topic').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    organiser: text('organiser').notNull(),
    place: text('place').notNull(),
    trainers: text('trainers').array().notNull().default([]),
    organisationIds: uuid('organisation_ids').array().notNull().default([]),
    people: jsonb('people').$type<CoursePerson[]>().notNull().default([]),
    materials: jsonb('materials').$type<CourseMaterial[]>().notNull().default([]),
    participantCount: integer('participant_count').notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_courses_starts_idx').on(t.startsOn)],
);

export const supportKinds = ['pilot', 'stamps_funded', 'system_funded', 'other'] as const;
export type SupportKind = (typeof supportKinds)[number];
export const programmeStates = ['planned', 'running', 'finished'] as const;
export type ProgrammeState = (typeof programmeStates)[number];

export const supportProgrammes = pgTable('support_programmes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  kind: text('kind').$type<SupportKind>().notNull(),
  budgetVnd: bigint('budget_vnd', { mode: 'number' }).notNull(),
  state: text('state').$type<ProgrammeState>().notNull().default('planned'),
  note: text('note'),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An organisation a programme supports, with what it was given, its cost and the day it was given. */
export const supportRecipients = pgTable(
  'support_recipients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => supportProgrammes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull(),
    support: text('support').notNull(),
    costVnd: bigint('cost_vnd', { mode: 'number' }).notNull(),
    supportedOn: date('supported_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('support_recipients_uq').on(t.programmeId, t.organisationId)],
);
