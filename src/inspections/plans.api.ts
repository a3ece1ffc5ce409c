import { z } from 'zod';
import { sectors } from '../platform/index.ts';

export const planStates = ['draft', 'in_progress', 'closed'] as const;
export type PlanState = (typeof planStates)[number];
export const targetSources = ['list', 'risk', 'hand'] as const;

/**
 * A plan: its period, scope and how its targets are chosen. 'list': the organisations having products on the
 * catalogue list version; 'risk': those with an open fraud case or a finding past its deadline; 'hand': the
 * organisations named. With a sector or communes, list and risk targets are kept to that scope.
 */
export const planInput = z.object({
  title: z.string().trim().min(1).max(300),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  sector: z.enum(sectors).nullable().optional(),
  communeCodes: z.array(z.string().trim().min(1).max(20)).max(200).default([]),
  scopeNote: z.string().trim().max(2000).nullable().optional(),
  targetSource: z.enum(targetSources),
  catalogueVersionId: z.uuid().optional(),
  organisationIds: z.array(z.uuid()).max(500).default([]),
});
export type PlanInput = z.infer<typeof planInput>;

export const planStateInput = z.object({ state: z.enum(planStates) });

export const planTarget = z.object({
  organisationId: z.string(),
  name: z.string(),
  sector: z.enum(sectors),
  communeCode: z.string().nullable(),
  visits: z.array(z.object({ id: z.string(), visitedOn: z.string() })),
});

export const planView = z.object({
  id: z.string(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  sector: z.enum(sectors).nullable(),
  communeCodes: z.array(z.string()),
  scopeNote: z.string().nullable(),
  targetSource: z.enum(targetSources),
  catalogueVersionId: z.string().nullable(),
  state: z.enum(planStates),
  /** Within the reader's scope; each with the visits recorded under the plan (none: not yet visited). */
  targets: z.array(planTarget),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanView = z.infer<typeof planView>;

export const planListQuery = z.object({
  state: z.enum(planStates).optional(),
  /** Plans naming this organisation among their targets. */
  organisationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const planSummary = planView.omit({ targets: true }).extend({
  targetCount: z.number(),
  visitedCount: z.number(),
});

export const planList = z.object({
  items: z.array(planSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
