import { z } from 'zod';
import { sectors } from '../platform/index.ts';
import { programmeStates, questionKinds, supportKinds, surveyStates } from './programmes.schema.ts';

const isoDate = z.iso.date();
const words = (max: number) => z.string().trim().min(1).max(max);

// ---- surveys

export const questionInput = z.object({
  /** Kept when a draft is edited, so answers and the indicator find their question; a new question has none. */
  id: z.uuid().optional(),
  kind: z.enum(questionKinds),
  text: words(500),
  required: z.boolean().default(true),
  choices: z.array(words(200)).max(30).default([]),
  unit: z.string().trim().max(40).nullish(),
  feedsTraceability: z.boolean().default(false),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const surveyInput = z.object({
  title: words(300),
  purpose: z.string().trim().max(2000).optional(),
  opensOn: isoDate,
  closesOn: isoDate,
  communeCodes: z.array(words(20)).max(200).default([]),
  sectors: z.array(z.enum(sectors)).max(4).default([]),
  questions: z.array(questionInput).max(100).default([]),
});
export type SurveyInput = z.infer<typeof surveyInput>;

export const questionView = z.object({
  id: z.string(),
  kind: z.enum(questionKinds),
  text: z.string(),
  required: z.boolean(),
  choices: z.array(z.string()),
  unit: z.string().nullable(),
  feedsTraceability: z.boolean(),
});

export const surveyView = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(surveyStates),
  /** Sent, within its dates and not closed: answers are taken. */
  open: z.boolean(),
  communes: z.array(z.object({ code: z.string(), name: z.string() })),
  sectors: z.array(z.enum(sectors)),
  questions: z.array(questionView),
  /** Answered and to answer, among the organisations the reader may see. */
  answered: z.number(),
  reached: z.number(),
});
export type SurveyView = z.infer<typeof surveyView>;

export const answerValue = z.union([
  z.string().max(1000),
  z.array(z.string().max(200)).max(30),
  z.number(),
  z.boolean(),
]);
export const responseInput = z.object({
  organisationId: z.uuid(),
  answers: z.record(z.string(), answerValue.nullable()),
});
export type ResponseInput = z.infer<typeof responseInput>;

export const responseView = z.object({
  id: z.string(),
  surveyId: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  sector: z.string(),
  answers: z.record(z.string(), answerValue),
  answeredByName: z.string(),
  updatedAt: z.string(),
});
export type ResponseView = z.infer<typeof responseView>;

/** An organisation the reader may answer for (or see), and whether it has answered. */
export const reachedOrganisation = z.object({
  id: z.string(),
  name: z.string(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  sector: z.string(),
  responseId: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReachedOrganisation = z.infer<typeof reachedOrganisation>;

const tally = z.object({
  answered: z.number(),
  /** single, multiple, yes_no: how many picked each choice ("Có"/"Không" for yes/no), in the question's order. */
  counts: z.array(z.object({ choice: z.string(), count: z.number() })),
  /** number: the sum and mean of the answers given. */
  sum: z.number().nullable(),
  mean: z.number().nullable(),
  /** text: the answers given (at most 50). */
  texts: z.array(z.string()),
});
export type Tally = z.infer<typeof tally>;

export const groupResult = z.object({
  key: z.string(),
  name: z.string(),
  reached: z.number(),
  answered: z.number(),
  questions: z.array(tally),
});
export type GroupResult = z.infer<typeof groupResult>;

export const resultsView = z.object({
  survey: surveyView,
  overall: groupResult,
  byCommune: z.array(groupResult),
  bySector: z.array(groupResult),
  notAnswered: z.array(reachedOrganisation),
});
export type ResultsView = z.infer<typeof resultsView>;

// ---- training courses

export const courseInput = z.object({
  topic: words(300),
  startsOn: isoDate,
  endsOn: isoDate.optional(),
  organiser: words(300),
  place: words(300),
  trainers: z.array(words(200)).max(50).default([]),
  organisationIds: z.array(z.uuid()).max(500).default([]),
  people: z
    .array(z.object({ name: words(200), unit: words(300) }))
    .max(500)
    .default([]),
  materials: z
    .array(
      z.object({
        title: words(300),
        link: z
          .url({ protocol: /^https?$/ })
          .max(1000)
          .optional(),
        fileId: z.uuid().optional(),
      }),
    )
    .max(50)
    .default([]),
  participantCount: z.number().int().min(0).max(100000).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type CourseInput = z.infer<typeof courseInput>;

export const courseView = z.object({
  id: z.string(),
  topic: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  organiser: z.string(),
  place: z.string(),
  trainers: z.array(z.string()),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({ name: z.string(), unit: z.string() })),
  materials: z.array(
    z.object({
      title: z.string(),
      link: z.string().nullable(),
      fileId: z.string().nullable(),
      /** The file's address on this site (`/files/:id`) when the material is a file. */
      fileUrl: z.string().nullable(),
    }),
  ),
  participantCount: z.number(),
  note: z.string().nullable(),
});
export type CourseView = z.infer<typeof courseView>;

// ---- support programmes

export const recipientInput = z.object({
  organisationId: z.uuid(),
  support: words(1000),
  costVnd: z.number().int().min(0).max(1e13),
  supportedOn: isoDate,
});
export const programmeInput = z.object({
  name: words(300),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(supportKinds),
  budgetVnd: z.number().int().min(0).max(1e14),
  state: z.enum(programmeStates).default('planned'),
  note: z.string().trim().max(2000).optional(),
  recipients: z.array(recipientInput).max(500).default([]),
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

export const programmeView = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number(),
  kind: z.enum(supportKinds),
  budgetVnd: z.number(),
  state: z.enum(programmeStates),
  note: z.string().nullable(),
  recipients: z.array(
    z.object({
      organisationId: z.string(),
      organisationName: z.string(),
      support: z.string(),
      costVnd: z.number(),
      supportedOn: z.string(),
    }),
  ),
  /** The sum of the recipients' costs. */
  spentVnd: z.number(),
});
export type ProgrammeView = z.infer<typeof programmeView>;
