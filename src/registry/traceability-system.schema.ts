import { z } from 'zod';

export const conformityLevels = ['declared', 'verified', 'unknown'] as const;

export const traceabilitySystemInput = z.object({
  name: z.string().trim().min(2).max(200),
  provider: z.string().trim().max(300).optional(),
  standards: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  conformity: z.enum(conformityLevels).optional(),
  connectedToProvince: z.boolean().optional(),
  connectedToNational: z.boolean().optional(),
});
export type TraceabilitySystemInput = z.infer<typeof traceabilitySystemInput>;

export const traceabilitySystemView = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  provider: z.string().nullable(),
  standards: z.array(z.string()),
  conformity: z.enum(conformityLevels),
  connectedToProvince: z.boolean(),
  connectedToNational: z.boolean(),
});
export type TraceabilitySystemView = z.infer<typeof traceabilitySystemView>;

export const traceabilitySystemSummary = z.object({
  organisations: z.number(),
  organisationsWithSystem: z.number(),
  connectedToProvince: z.number(),
  connectedToNational: z.number(),
  byProvider: z.array(z.object({ provider: z.string(), organisations: z.number() })),
});
