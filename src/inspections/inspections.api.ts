import { z } from 'zod';
import { sectors, storableDate } from '../platform/index.ts';

export const actionKinds = [
  'warning',
  'stamp_suspension',
  'lot_hold',
  'lot_recall',
  'approval_withdrawal',
] as const;
export type ActionKind = (typeof actionKinds)[number];

const reason = z.string().trim().min(1).max(2000);

export const actionInput = z.object({
  organisationId: z.uuid(),
  kind: z.enum(actionKinds),
  reason,
  visitId: z.uuid().optional(),
  /** stamp_suspension: the GTIN and the serials from first to last, both included. */
  gtin: z.string().optional(),
  firstSerial: z.number().int().min(0).optional(),
  lastSerial: z.number().int().min(0).optional(),
  /** lot_hold, lot_recall: the lot. */
  lotId: z.uuid().optional(),
  /** approval_withdrawal: the product taken off the public pages; none: the organisation itself. */
  productId: z.uuid().optional(),
});
export type ActionInput = z.infer<typeof actionInput>;

export const liftInput = z.object({ reason });

export const actionView = z.object({
  id: z.string(),
  organisationId: z.string(),
  visitId: z.string().nullable(),
  kind: z.enum(actionKinds),
  gtin: z.string().nullable(),
  firstSerial: z.number().nullable(),
  lastSerial: z.number().nullable(),
  lotId: z.string().nullable(),
  productId: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  /**
   * What lifting an approval withdrawal did: 'republished' (the same data public again), 'resubmitted' (changed
   * since, back in the department's review queue), 'already_public' (the department had approved it again),
   * 'unchanged'.
   */
  liftOutcome: z.enum(['republished', 'resubmitted', 'already_public', 'unchanged']).nullable(),
});
export type ActionView = z.infer<typeof actionView>;

export const actionListQuery = z.object({
  organisationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The visits list: an organisation's, or the visits of a commune's and/or a sector's organisations made between two
 * days (what the dashboard's inspections figure counts, opened from it).
 */
export const visitListQuery = actionListQuery.extend({
  communeCode: z.string().trim().min(1).max(10).optional(),
  sector: z.enum(sectors).optional(),
  from: storableDate().optional(),
  to: storableDate().optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;

export const actionList = z.object({
  items: z.array(actionView),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

export const checklistResults = ['pass', 'fail', 'not_applicable'] as const;

export const visitInput = z.object({
  organisationId: z.uuid(),
  visitedOn: z.iso.date(),
  inspectorIds: z.array(z.string().min(1)).min(1).max(20),
  checklist: z
    .array(
      z.object({
        item: z.string().min(1),
        result: z.enum(checklistResults),
        note: z.string().max(2000).nullable().optional(),
      }),
    )
    .max(40),
  internalNote: z.string().max(5000).nullable().optional(),
  followUpOf: z.uuid().optional(),
  planId: z.uuid().optional(),
  caseId: z.uuid().optional(),
});
export type VisitInput = z.infer<typeof visitInput>;

export const findingInput = z.object({
  text: z.string().trim().min(1).max(5000),
  fileIds: z.array(z.uuid()).max(20).default([]),
  fixBy: z.iso.date().optional(),
});
export type FindingInput = z.infer<typeof findingInput>;

export const findingView = z.object({
  id: z.string(),
  visitId: z.string(),
  text: z.string(),
  fileIds: z.array(z.string()),
  fixBy: z.string().nullable(),
  /** Set by a follow-up visit: 'fixed' or 'not_fixed', and that visit. */
  fixResult: z.enum(['fixed', 'not_fixed']).nullable(),
  fixCheckedIn: z.string().nullable(),
  createdAt: z.string(),
});

export const followUpInput = z.object({
  findingId: z.uuid(),
  result: z.enum(['fixed', 'not_fixed']),
});

/** An administrative fine decision: number, date, amount in đồng, legal basis; optionally for one finding. */
export const sanctionInput = z.object({
  findingId: z.uuid().optional(),
  decisionNumber: z.string().trim().min(1).max(100),
  decidedOn: z.iso.date(),
  amountVnd: z.number().int().min(1).max(10_000_000_000),
  legalBasis: z.string().trim().min(1).max(2000),
});
export type SanctionInput = z.infer<typeof sanctionInput>;

export const sanctionView = z.object({
  id: z.string(),
  visitId: z.string(),
  findingId: z.string().nullable(),
  decisionNumber: z.string(),
  decidedOn: z.string(),
  amountVnd: z.number(),
  legalBasis: z.string(),
  createdAt: z.string(),
});

export const visitView = z.object({
  id: z.string(),
  organisationId: z.string(),
  visitedOn: z.string(),
  inspectorIds: z.array(z.string()),
  checklist: z.array(z.object({ item: z.string(), result: z.string(), note: z.string().nullable() })),
  /** Absent for the inspected organisation. */
  internalNote: z.string().nullable().optional(),
  followUpOf: z.string().nullable(),
  planId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** In lists only: the organisation's name, for a list of many organisations' visits. */
  organisationName: z.string().optional(),
  findings: z.array(findingView),
  /** For a follow-up visit: the findings with a deadline of the visit it follows up, each with its result. */
  followsUp: z.array(findingView),
  sanctions: z.array(sanctionView),
});
