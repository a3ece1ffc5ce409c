import { z } from 'zod';
import { indicatorDirections, indicatorUnits, taskStates } from './plan.schema.ts';

const isoDate = z.iso.date();
const year = z.number().int().min(2000).max(2100);
const text = (max: number) => z.string().trim().min(1).max(max);

export const planInput = z.object({
  title: text(500),
  decisionNumber: text(100).nullable().optional(),
  decisionDate: isoDate.nullable().optional(),
  signer: text(200).nullable().optional(),
  agency: text(200).nullable().optional(),
  startYear: year,
  endYear: year,
});
export type PlanInput = z.infer<typeof planInput>;

export const indicatorInput = z.object({
  code: text(20),
  name: text(500),
  /** A registered formula's key; null or absent: the value is entered by hand each year. */
  formulaKey: text(100).nullable().optional(),
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections).default('at_least'),
  description: z.string().trim().max(2000).nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;

export const targetsInput = z.object({
  targets: z
    .array(z.object({ year, target: z.number().min(0).max(1_000_000_000).nullable() }))
    .min(1)
    .max(50),
});
export type TargetsInput = z.infer<typeof targetsInput>;

export const manualValueInput = z.object({
  year,
  value: z.number().min(0).max(1_000_000_000),
  source: text(1000),
  fileIds: z.array(z.uuid()).max(20).default([]),
});
export type ManualValueInput = z.infer<typeof manualValueInput>;

export const taskInput = z.object({
  code: z.string().trim().max(20).nullable().optional(),
  what: text(1000),
  who: text(500),
  partners: z.string().trim().max(1000).nullable().optional(),
  expectedResult: z.string().trim().max(1000).nullable().optional(),
  deadline: isoDate.nullable().optional(),
  state: z.enum(taskStates).default('not_started'),
  fileIds: z.array(z.uuid()).max(20).default([]),
  note: z.string().trim().max(2000).nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type TaskInput = z.infer<typeof taskInput>;

export const periodQuery = z.object({ from: isoDate, to: isoDate });

export const planView = z.object({
  id: z.string(),
  title: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signer: z.string().nullable(),
  agency: z.string().nullable(),
  startYear: z.number(),
  endYear: z.number(),
  isCurrent: z.boolean(),
});
export type PlanView = z.infer<typeof planView>;

export const evidenceView = z.array(z.object({ id: z.string(), name: z.string().nullable() }));

export const manualValueView = z.object({
  year: z.number(),
  value: z.number(),
  source: z.string(),
  fileIds: z.array(z.string()),
  evidence: evidenceView,
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
});

export const indicatorView = z.object({
  id: z.string(),
  planId: z.string(),
  position: z.number(),
  code: z.string(),
  name: z.string(),
  formulaKey: z.string().nullable(),
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections),
  description: z.string().nullable(),
  targets: z.array(z.object({ year: z.number(), target: z.number() })),
  manualValues: z.array(manualValueView),
});
export type IndicatorView = z.infer<typeof indicatorView>;

export const taskView = z.object({
  id: z.string(),
  planId: z.string(),
  position: z.number(),
  code: z.string().nullable(),
  what: z.string(),
  who: z.string(),
  partners: z.string().nullable(),
  expectedResult: z.string().nullable(),
  deadline: z.string().nullable(),
  state: z.enum(taskStates),
  overdue: z.boolean(),
  fileIds: z.array(z.string()),
  evidence: evidenceView,
  note: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskView>;

export const planDetail = planView.extend({
  indicators: z.array(indicatorView),
  tasks: z.array(taskView),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const formulaView = z.object({
  key: z.string(),
  name: z.string(),
  describe: z.string(),
  unit: z.enum(indicatorUnits),
});

export const evaluatedIndicator = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.enum(indicatorUnits),
  direction: z.enum(indicatorDirections),
  formulaKey: z.string().nullable(),
  describe: z.string(),
  target: z.number().nullable(),
  value: z.number().nullable(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  source: z.enum(['computed', 'manual', 'missing']),
  manualSource: z.string().optional(),
  met: z.boolean().nullable(),
});

export const planEvaluation = z.object({
  plan: z.object({
    id: z.string(),
    title: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
    startYear: z.number(),
    endYear: z.number(),
  }),
  period: z.object({ from: z.string(), to: z.string() }),
  indicators: z.array(evaluatedIndicator),
  tasks: z.array(
    z.object({
      id: z.string(),
      what: z.string(),
      who: z.string(),
      deadline: z.string().nullable(),
      state: z.enum(taskStates),
      overdue: z.boolean(),
      evidenceCount: z.number(),
    }),
  ),
});
export type PlanEvaluation = z.infer<typeof planEvaluation>;
export type EvaluatedIndicator = z.infer<typeof evaluatedIndicator>;
