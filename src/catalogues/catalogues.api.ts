import { z } from 'zod';
import { sectors } from '../platform/index.ts';
import { listKinds, matchKinds, priorityCategories, versionStates } from './catalogues.schema.ts';

const isoDate = z.iso.date();

export const listInput = z
  .object({
    sector: z.enum(sectors),
    kind: z.enum(listKinds),
    category: z.enum(priorityCategories).optional(),
    title: z.string().trim().min(2).max(300),
  })
  .refine((v) => v.kind === 'mandatory' || v.category, {
    path: ['category'],
    message: 'a priority list names its category',
  });
export type ListInput = z.infer<typeof listInput>;

export const itemInput = z.object({
  match: z.enum(matchKinds),
  value: z.string().trim().min(1).max(200),
  note: z.string().trim().max(500).optional(),
});

export const versionInput = z.object({
  decisionNumber: z.string().trim().min(1).max(100).optional(),
  decisionDate: isoDate.optional(),
  signer: z.string().trim().min(1).max(200).optional(),
  fileId: z.uuid().optional(),
  effectiveFrom: isoDate.optional(),
  effectiveTo: isoDate.optional(),
  items: z.array(itemInput).max(500).optional(),
});
export type VersionInput = z.infer<typeof versionInput>;

export const decisionInput = z.object({
  decision: z.enum(['approve', 'return']),
  reason: z.string().trim().max(1000).optional(),
});

export const itemView = z.object({
  match: z.enum(matchKinds),
  value: z.string(),
  note: z.string().nullable(),
});
export const versionView = z.object({
  id: z.string(),
  listId: z.string(),
  number: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signer: z.string().nullable(),
  fileId: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  state: z.enum(versionStates),
  reviewNote: z.string().nullable(),
  issuedAt: z.string().nullable(),
  items: z.array(itemView),
});
export type VersionView = z.infer<typeof versionView>;

export const listView = z.object({
  id: z.string(),
  sector: z.enum(sectors),
  kind: z.enum(listKinds),
  category: z.enum(priorityCategories).nullable(),
  title: z.string(),
  inForce: z.object({ id: z.string(), number: z.string() }).nullable(),
  versions: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      state: z.enum(versionStates),
      effectiveFrom: z.string().nullable(),
      effectiveTo: z.string().nullable(),
    }),
  ),
});
export type ListView = z.infer<typeof listView>;

export const membershipView = z.object({
  listId: z.string(),
  title: z.string(),
  kind: z.enum(listKinds),
  category: z.enum(priorityCategories).nullable(),
  versionId: z.string(),
});

export const complianceQuery = z.object({
  sector: z.enum(sectors).optional(),
  commune: z.string().trim().min(1).max(20).optional(),
});

export const complianceRow = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  sector: z.string(),
  communeCode: z.string().nullable(),
  productId: z.string(),
  productName: z.string(),
  gtin: z.string(),
  traceability: z.boolean(),
  approvedData: z.boolean(),
  stampsInUse: z.boolean(),
  recentEvents: z.number(),
  gaps: z.array(z.enum(['traceability', 'approved_data', 'stamps', 'recent_events'])),
});
export type ComplianceRow = z.infer<typeof complianceRow>;

export const complianceView = z.object({
  versionId: z.string(),
  listTitle: z.string(),
  totals: z.object({
    organisations: z.number(),
    products: z.number(),
    withTraceability: z.number(),
    withApprovedData: z.number(),
    withStamps: z.number(),
    withRecentEvents: z.number(),
    withGaps: z.number(),
  }),
  rows: z.array(complianceRow),
});
export type ComplianceView = z.infer<typeof complianceView>;
