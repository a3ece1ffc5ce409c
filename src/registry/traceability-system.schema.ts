import { z } from 'zod';
import { sectors } from '../platform/index.ts';

export const conformityLevels = ['declared', 'verified', 'unknown'] as const;

export const systemKinds = ['software', 'stamps_service', 'paper', 'other'] as const;

/** The four principles of traceability (TCVN 12850:2019, Circular 02/2024/TT-BKHCN). */
export const traceabilityPrinciples = [
  'one_step_back_one_step_forward',
  'key_data_available',
  'transparency',
  'all_parties_take_part',
] as const;

/** The ten data items Circular 02/2024/TT-BKHCN asks of every product connected to the national portal. */
export const circularDataItems = [
  'product_name',
  'product_image',
  'producer_name',
  'producer_address',
  'stages',
  'event_times',
  'traceability_code',
  'brand_model_serial',
  'shelf_life',
  'applied_standards',
] as const;

/** How the owner says the system reaches the provincial system. */
export const connectionKinds = ['none', 'manual_upload', 'api_key', 'epcis_capture'] as const;

/** Conformity as the self-declaration says: every principle and data item, some, or none. */
export const declaredConformities = ['full', 'partial', 'none'] as const;

const isoDate = z.iso.date();

export const traceabilitySystemInput = z.object({
  name: z.string().trim().min(2).max(200),
  /** A named provider; absent for a system built in-house. */
  provider: z.string().trim().max(300).optional(),
  kind: z.enum(systemKinds).optional(),
  standards: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  conformity: z.enum(conformityLevels).optional(),
  principles: z.array(z.enum(traceabilityPrinciples)).max(traceabilityPrinciples.length).optional(),
  dataItems: z.array(z.enum(circularDataItems)).max(circularDataItems.length).optional(),
  evidenceFileIds: z.array(z.uuid()).max(10).optional(),
  connection: z.enum(connectionKinds).optional(),
  connectedToProvince: z.boolean().optional(),
  connectedToNational: z.boolean().optional(),
  inUseSince: isoDate.optional(),
  declaredOn: isoDate.optional(),
});
export type TraceabilitySystemInput = z.infer<typeof traceabilitySystemInput>;

export const traceabilitySystemView = z.object({
  id: z.string(),
  organisationId: z.string(),
  name: z.string(),
  provider: z.string().nullable(),
  kind: z.enum(systemKinds),
  standards: z.array(z.string()),
  conformity: z.enum(conformityLevels),
  principles: z.array(z.enum(traceabilityPrinciples)),
  dataItems: z.array(z.enum(circularDataItems)),
  declaredConformity: z.enum(declaredConformities),
  evidenceFileIds: z.array(z.string()),
  connection: z.enum(connectionKinds),
  connectedToProvince: z.boolean(),
  connectedToNational: z.boolean(),
  inUseSince: z.string().nullable(),
  declaredOn: z.string().nullable(),
});
export type TraceabilitySystemView = z.infer<typeof traceabilitySystemView>;

export const traceabilitySystemSummary = z.object({
  organisations: z.number(),
  organisationsWithSystem: z.number(),
  connectedToProvince: z.number(),
  connectedToNational: z.number(),
  byProvider: z.array(z.object({ provider: z.string(), organisations: z.number() })),
});

export const traceabilitySystemListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  /** Words of the organisation's, the system's or the provider's name. */
  q: z.string().trim().max(200).optional(),
  sector: z.enum(sectors).optional(),
  communeCode: z.string().trim().min(1).max(20).optional(),
  conformity: z.enum(declaredConformities).optional(),
  /** Observed: connected means an active API key or EPCIS events captured in the last 90 days. */
  connected: z.enum(['yes', 'no']).optional(),
});
export type TraceabilitySystemListQuery = z.infer<typeof traceabilitySystemListQuery>;

export const traceabilitySystemListItem = traceabilitySystemView.extend({
  organisationName: z.string(),
  sector: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  /** What the provincial system itself sees: an active API key, EPCIS events captured in the last 90 days. */
  observed: z.object({ apiKey: z.boolean(), recentEvents: z.number(), connected: z.boolean() }),
});
export type TraceabilitySystemListItem = z.infer<typeof traceabilitySystemListItem>;

export const traceabilitySystemCountsRow = z.object({
  sector: z.string().nullable(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  organisations: z.number(),
  withSystem: z.number(),
  conformant: z.number(),
  connected: z.number(),
});
export const traceabilitySystemCounts = z.object({
  rows: z.array(traceabilitySystemCountsRow),
  totals: traceabilitySystemCountsRow.omit({ sector: true, communeCode: true, communeName: true }),
});
export type TraceabilitySystemCounts = z.infer<typeof traceabilitySystemCounts>;
